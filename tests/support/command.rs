//! The binary under test as a one-shot command, the same way in every test file: a hang guard
//! (never an assertion about speed) and none of the settings of the machine running the tests
//! (no configuration file, no `CAREER_CLUSTERS_*` variables, no cache directory).

use std::time::Duration;

use assert_cmd::Command;

/// A configuration file that never exists, so a developer's own `config.toml` cannot change a test.
pub const NO_CONFIG: &str = "/nonexistent/career-clusters-tests/config.toml";

/// A cache directory that can never be created or read (a path under a file), so no test writes to
/// the developer's cache or reads what another build left there; `tests/cache.rs` sets its own.
pub const NO_CACHE: &str = "/dev/null/career-clusters-tests-cache";

/// `career-clusters` with no arguments yet, isolated from the machine's settings.
pub fn cli() -> Command {
    let mut cmd = Command::cargo_bin("career-clusters").expect("the binary is built");
    cmd.timeout(Duration::from_secs(20))
        .env("CAREER_CLUSTERS_CONFIG", NO_CONFIG)
        .env_remove("CAREER_CLUSTERS_DATA")
        .env_remove("CAREER_CLUSTERS_THEME")
        .env("CAREER_CLUSTERS_CACHE_DIR", NO_CACHE);
    cmd
}
