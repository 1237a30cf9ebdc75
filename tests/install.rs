//! Installing it like a real tool: `--version`, shell completions, the man page, and the
//! configuration file with its precedence (flag > environment > file > default).

#[allow(dead_code)] // the shared pty helpers; this file uses a few
mod support;

use std::path::Path;

use assert_cmd::Command;
use support::{Launch, Tui, command};

/// Every subcommand a completion script and the man page must name.
const SUBCOMMANDS: [&str; 11] = [
    "check",
    "list",
    "show",
    "search",
    "dump",
    "export",
    "import",
    "config",
    "completions",
    "man",
    "help",
];

const SMALL: &str = r#"title = "Centre catalog"

[[clusters]]
id = "rehab"
name = "Rehabilitation"
summary = "Helping people recover."

[[clusters.occupations]]
id = "zoo-physio"
title = "Zoo Physiotherapist"
summary = "Treats animals."
"#;

/// The binary with `config` as its configuration file and no settings from the environment.
fn cmd(config: &Path) -> Command {
    let mut cmd = command::cli();
    cmd.env("CAREER_CLUSTERS_CONFIG", config)
        .env_remove("XDG_CONFIG_HOME");
    cmd
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn version_names_the_program_and_the_catalog_format() {
    let out = cmd(Path::new("/nonexistent/c.toml"))
        .arg("--version")
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!(
            "career-clusters {} (catalog format {})",
            env!("CARGO_PKG_VERSION"),
            career_clusters::catalog::FORMAT_VERSION
        )
    );
}

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = cmd(Path::new("/nonexistent/c.toml"))
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains("career-clusters"), "{shell}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completion lacks `{sub}`");
        }
    }
    let out = cmd(Path::new("/nonexistent/c.toml"))
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    assert!(stderr(&out).contains("bash"), "the choices are listed");
}

#[test]
fn the_man_page_is_roff_and_names_every_subcommand() {
    let out = cmd(Path::new("/nonexistent/c.toml"))
        .arg("man")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH career-clusters"),
        "{page}"
    );
    assert!(page.contains(".TH career-clusters"), "a man page header");
    assert!(page.contains("occupational clusters"), "the description");
    for sub in SUBCOMMANDS {
        assert!(page.contains(sub), "the man page lacks `{sub}`");
    }
}

#[test]
fn the_configuration_file_chooses_the_catalog_and_config_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("centre.toml"), SMALL).expect("catalog");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "data = \"centre.toml\"\ntheme = \"light\"\n").expect("config");

    let out = cmd(&config).arg("list").output().expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Zoo Physiotherapist"),
        "{}",
        stdout(&out)
    );

    let out = cmd(&config).arg("config").output().expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);
    let config_shown = config.display().to_string();
    assert!(
        report.contains(&format!("configuration file: {config_shown}\n")),
        "{report}"
    );
    assert!(report.contains("centre.toml"), "{report}");
    assert!(
        report.contains(&format!("(from {config_shown})")),
        "{report}"
    );
    assert!(report.contains("present = false"), "{report}");
    assert!(report.contains("(default)"), "{report}");

    // The environment beats the file, the flag beats both.
    let out = cmd(&config)
        .env("CAREER_CLUSTERS_THEME", "high-contrast")
        .arg("config")
        .output()
        .expect("runs");
    assert!(
        stdout(&out).contains("theme   = high-contrast"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("(from CAREER_CLUSTERS_THEME)"));
    let out = cmd(&config)
        .env("CAREER_CLUSTERS_THEME", "high-contrast")
        .args(["--theme", "dark", "config"])
        .output()
        .expect("runs");
    assert!(stdout(&out).contains("theme   = dark"), "{}", stdout(&out));
    assert!(stdout(&out).contains("(from the --theme flag)"));
    let out = cmd(&config)
        .env("CAREER_CLUSTERS_DATA", "/nonexistent/other.toml")
        .arg("list")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/other.toml"),
        "{}",
        stderr(&out)
    );
    let out = cmd(&config)
        .env("CAREER_CLUSTERS_DATA", "/nonexistent/other.toml")
        .args(["--data", "assets/clusters.toml", "list"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Physiotherapist"));
}

#[test]
fn a_bad_configuration_file_is_reported_with_its_place_never_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"light\"\nprsent = true\n").expect("config");
    let out = cmd(&config).arg("list").output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let place = format!("{}:2:1: unknown setting `prsent`", config.display());
    assert!(err.contains(&place), "{err}");
    assert!(err.contains("did you mean `present`?"), "{err}");
    assert!(stdout(&out).is_empty());

    std::fs::write(&config, "theme = \"purple\"\n").expect("config");
    let out = cmd(&config).arg("config").output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(":1:9: unknown theme `purple`"),
        "{}",
        stderr(&out)
    );

    // completions and the man page never need the configuration
    let out = cmd(&config).arg("man").output().expect("runs");
    assert!(out.status.success());
}

#[cfg(target_os = "linux")]
#[test]
fn on_linux_the_file_lives_in_xdg_config_home() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("career-clusters");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("centre.toml"), SMALL).expect("catalog");
    std::fs::write(folder.join("config.toml"), "data = \"centre.toml\"\n").expect("config");
    let out = command::cli()
        .env_remove("CAREER_CLUSTERS_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path())
        .arg("list")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Zoo Physiotherapist"));
}

#[test]
fn the_browser_opens_on_the_configured_catalog() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("centre.toml"), SMALL).expect("catalog");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "data = \"centre.toml\"\n").expect("config");
    let config = config.display().to_string();
    let mut tui = Tui::launch(Launch {
        env: &[("CAREER_CLUSTERS_CONFIG", config.as_str())],
        ..Launch::default()
    });
    tui.wait_for_text(&["Zoo Physiotherapist"]);
    tui.send(b"\x03");
    assert!(tui.wait_exit().success());
}
