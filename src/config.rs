//! Settings that persist between runs: the catalog to open, the theme, presentation mode.
//!
//! Each setting is taken from the first of these that gives it:
//!
//! 1. a command-line flag (`--data`, `--theme`, `--present`);
//! 2. an environment variable (`CAREER_CLUSTERS_DATA`, `CAREER_CLUSTERS_THEME`);
//! 3. the configuration file, `config.toml` in the platform's configuration directory
//!    (`$XDG_CONFIG_HOME/career-clusters/` or `~/.config/career-clusters/` on Linux), or the file
//!    named by `CAREER_CLUSTERS_CONFIG`;
//! 4. the default (the bundled catalog, the dark theme, presentation mode off).
//!
//! This module owns reading and validating the file and that precedence, and remembers where each
//! value came from (for `career-clusters config`). It must not load catalogs or touch the terminal:
//! it hands the caller a path, a theme name and a flag. A bad file is an error reported like a bad
//! catalog (`file:line:column`, the line, a marker, "did you mean"), never silently ignored; a
//! missing file is simply no file.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;

use crate::catalog::nearest;
use crate::catalog::{Location, Problem};
use crate::text::sanitize;

/// Environment variable naming the catalog to open.
pub const ENV_DATA: &str = "CAREER_CLUSTERS_DATA";
/// Environment variable naming the theme.
pub const ENV_THEME: &str = "CAREER_CLUSTERS_THEME";
/// Environment variable naming another configuration file.
pub const ENV_CONFIG: &str = "CAREER_CLUSTERS_CONFIG";

/// The keys a configuration file may hold.
pub const KEYS: [&str; 3] = ["data", "theme", "present"];

/// A configuration file is a few lines; anything larger is a mistake (a catalog named by accident).
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    File(PathBuf),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "from the {flag} flag"),
            Source::Env(var) => write!(f, "from {var}"),
            Source::File(path) => write!(f, "from {}", sanitize(&path.display().to_string())),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// Every setting, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The configuration file that was looked for, and whether it existed.
    pub file: Option<(PathBuf, bool)>,
    /// The catalog file; `None` is the bundled catalog.
    pub data: Setting<Option<PathBuf>>,
    pub theme: Setting<ThemeName>,
    pub present: Setting<bool>,
}

/// What the command line said (each `None`/`false` when the flag was not given).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub data: Option<PathBuf>,
    pub theme: Option<ThemeName>,
    pub present: bool,
}

/// A configuration that cannot be used; the message is complete and safe to print.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(String);

/// The configuration file's settings, as written (values not yet checked).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    data: Option<toml::Spanned<String>>,
    theme: Option<toml::Spanned<String>>,
    present: Option<bool>,
}

/// A checked configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileConfig {
    pub data: Option<PathBuf>,
    pub theme: Option<ThemeName>,
    pub present: Option<bool>,
}

/// The configuration file to read: `$CAREER_CLUSTERS_CONFIG`, else `config.toml` in the
/// platform's configuration directory (none when the platform has no home directory).
pub fn default_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(path) = env(ENV_CONFIG).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "career-clusters")
        .map(|dirs| dirs.config_dir().join("config.toml"))
}

/// Parses and checks a configuration file's text. `origin` names the file in messages and
/// `dir` is where a relative `data` path is resolved (the file's own folder).
pub fn parse(text: &str, origin: &str, dir: &Path) -> Result<FileConfig, ConfigError> {
    let problem = |span: std::ops::Range<usize>, message: String, help: Option<String>| {
        let problem = Problem::new(Location::of(text, span), message, help);
        ConfigError(problem.display(origin).to_string())
    };
    let raw: FileSettings = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().to_string();
        match message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
        {
            Some(key) => {
                let key = key.to_string();
                let help = match nearest(&key, KEYS.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? The settings are {}", key_list()),
                    None => format!("the settings are {}", key_list()),
                };
                problem(
                    span,
                    format!("unknown setting `{}`", sanitize(&key)),
                    Some(help),
                )
            }
            None => problem(span, sanitize(&message), None),
        }
    })?;
    let data = match raw.data {
        None => None,
        Some(data) if data.get_ref().trim().is_empty() => {
            return Err(problem(
                data.span(),
                "`data` is empty".into(),
                Some("name a catalog file, or remove the line to use the bundled catalog".into()),
            ));
        }
        Some(data) => Some(dir.join(data.get_ref())),
    };
    let theme = match raw.theme {
        None => None,
        Some(theme) => Some(ThemeName::from_str(theme.get_ref(), true).map_err(|_| {
            problem(
                theme.span(),
                format!("unknown theme `{}`", sanitize(theme.get_ref())),
                Some(theme_help(theme.get_ref())),
            )
        })?),
    };
    Ok(FileConfig {
        data,
        theme,
        present: raw.present,
    })
}

/// Reads the configuration file at `path`; `Ok(None)` when there is none.
pub fn read(path: &Path) -> Result<Option<FileConfig>, ConfigError> {
    let shown = sanitize(&path.display().to_string());
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ConfigError(format!("{shown}: {e}"))),
    };
    if !meta.is_file() {
        return Err(ConfigError(format!(
            "{shown}: the configuration must be a regular file"
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ConfigError(format!(
            "{shown}: a configuration file is at most {} KiB; this one is {} bytes",
            MAX_FILE_BYTES / 1024,
            meta.len()
        )));
    }
    let mut bytes = Vec::new();
    // opened as catalogs are: a FIFO swapped in after the check above cannot hang the start
    crate::input::open_regular(path)
        .map_err(|e| ConfigError(format!("{shown}: {e}")))?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ConfigError(format!("{shown}: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| ConfigError(format!("{shown}: the file is not UTF-8 text")))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    parse(&text, &path.display().to_string(), dir).map(Some)
}

/// Resolves every setting: flag, then environment, then file, then default.
pub fn resolve(
    flags: &Flags,
    env: &dyn Fn(&str) -> Option<String>,
    file_path: Option<PathBuf>,
) -> Result<Settings, ConfigError> {
    let file = match &file_path {
        Some(path) => read(path)?,
        None => None,
    };
    let file_source = Source::File(file_path.clone().unwrap_or_default());
    let file_config = file.clone().unwrap_or_default();
    let env_theme = match env(ENV_THEME).filter(|t| !t.is_empty()) {
        None => None,
        Some(name) => Some(ThemeName::from_str(&name, true).map_err(|_| {
            ConfigError(format!(
                "{ENV_THEME}: unknown theme `{}`; {}",
                sanitize(&name),
                theme_help(&name)
            ))
        })?),
    };

    let data = first(
        [
            (flags.data.clone().map(Some), Source::Flag("--data")),
            (
                env(ENV_DATA)
                    .filter(|p| !p.is_empty())
                    .map(|p| Some(PathBuf::from(p))),
                Source::Env(ENV_DATA),
            ),
            (file_config.data.map(Some), file_source.clone()),
        ],
        None,
    );
    let theme = first(
        [
            (flags.theme, Source::Flag("--theme")),
            (env_theme, Source::Env(ENV_THEME)),
            (file_config.theme, file_source.clone()),
        ],
        ThemeName::default(),
    );
    let present = first(
        [
            (flags.present.then_some(true), Source::Flag("--present")),
            (file_config.present, file_source),
        ],
        false,
    );

    Ok(Settings {
        file: file_path.map(|p| (p, file.is_some())),
        data,
        theme,
        present,
    })
}

impl Settings {
    /// The report of `career-clusters config`: the file, then one setting a line with its source.
    pub fn report(&self) -> String {
        let mut out = String::new();
        match &self.file {
            Some((path, found)) => {
                let path = sanitize(&path.display().to_string());
                let state = if *found { "" } else { " (not found)" };
                out.push_str(&format!("configuration file: {path}{state}\n"));
            }
            None => out.push_str("configuration file: none (no home directory)\n"),
        }
        let data = match &self.data.value {
            Some(path) => sanitize(&path.display().to_string()),
            None => "bundled catalog".to_string(),
        };
        let theme = self
            .theme
            .value
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string());
        let rows = [
            ("data", data, &self.data.source),
            ("theme", theme, &self.theme.source),
            (
                "present",
                self.present.value.to_string(),
                &self.present.source,
            ),
        ];
        let width = rows
            .iter()
            .map(|(_, v, _)| v.chars().count())
            .max()
            .unwrap_or(0);
        for (key, value, source) in rows {
            out.push_str(&format!("{key:<8}= {value:<width$}  ({source})\n"));
        }
        out
    }
}

/// The first candidate that gives a value (`Some`), in order of precedence, else the default.
fn first<T, const N: usize>(candidates: [(Option<T>, Source); N], default: T) -> Setting<T> {
    candidates
        .into_iter()
        .find_map(|(value, source)| value.map(|value| Setting { value, source }))
        .unwrap_or(Setting {
            value: default,
            source: Source::Default,
        })
}

fn key_list() -> String {
    KEYS.map(|k| format!("`{k}`")).join(", ")
}

fn theme_help(given: &str) -> String {
    let names: Vec<String> = ThemeName::value_variants()
        .iter()
        .filter_map(|t| t.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    let list = names.join(", ");
    match nearest(given, names.iter().map(String::as_str)) {
        Some(near) => format!("did you mean `{near}`? The themes are {list}"),
        None => format!("the themes are {list}"),
    }
}

/// The themes a user can choose with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// Light text on a dark background (the default).
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
    /// White and yellow on black, for projectors.
    HighContrast,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn parse_ok(text: &str) -> FileConfig {
        parse(text, "config.toml", Path::new("/etc/cc")).expect("valid configuration")
    }

    fn parse_err(text: &str) -> String {
        parse(text, "config.toml", Path::new("/etc/cc"))
            .expect_err("a bad configuration")
            .to_string()
    }

    #[test]
    fn reads_every_setting_and_resolves_data_beside_the_file() {
        let config =
            parse_ok("data = \"centre.toml\"\ntheme = \"high-contrast\"\npresent = true\n");
        assert_eq!(config.data, Some(PathBuf::from("/etc/cc/centre.toml")));
        assert_eq!(config.theme, Some(ThemeName::HighContrast));
        assert_eq!(config.present, Some(true));
        let absolute = parse_ok("data = \"/srv/catalog.toml\"\n");
        assert_eq!(absolute.data, Some(PathBuf::from("/srv/catalog.toml")));
    }

    #[test]
    fn an_unknown_key_is_placed_and_gets_a_suggestion() {
        let message = parse_err("data = \"a.toml\"\nthme = \"light\"\n");
        assert!(
            message.starts_with("config.toml:2:1: unknown setting `thme`"),
            "{message}"
        );
        assert!(message.contains("did you mean `theme`?"), "{message}");
        assert!(
            message.contains("thme = \"light\""),
            "the line is shown: {message}"
        );
    }

    #[test]
    fn a_bad_theme_names_the_choices() {
        let message = parse_err("\ntheme = \"hi-contrast\"\n");
        assert!(
            message.starts_with("config.toml:2:9: unknown theme `hi-contrast`"),
            "{message}"
        );
        assert!(
            message.contains("did you mean `high-contrast`?"),
            "{message}"
        );
        assert!(message.contains("dark, light, high-contrast"), "{message}");
    }

    #[test]
    fn a_wrong_type_and_a_syntax_error_are_placed() {
        let message = parse_err("present = \"yes\"\n");
        assert!(message.starts_with("config.toml:1:11:"), "{message}");
        assert!(message.contains("bool"), "{message}");
        let message = parse_err("theme = \"dark\n");
        assert!(message.starts_with("config.toml:1:"), "{message}");
        let message = parse_err("data = \"\"\n");
        assert!(message.contains("`data` is empty"), "{message}");
    }

    #[test]
    fn escape_sequences_in_a_bad_file_are_not_echoed() {
        let message = parse_err("\u{1b}]0;PWN\u{7} = 1\n");
        assert!(!message.contains('\u{1b}'), "{message:?}");
        assert!(!message.contains('\u{7}'), "{message:?}");
    }

    #[test]
    fn flag_beats_environment_beats_file_beats_default() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("config.toml");
        std::fs::write(
            &file,
            "data = \"file.toml\"\ntheme = \"light\"\npresent = true\n",
        )
        .expect("write config");
        let env = |key: &str| match key {
            ENV_DATA => Some("env.toml".to_string()),
            ENV_THEME => Some("high-contrast".to_string()),
            _ => None,
        };

        let flags = Flags {
            data: Some(PathBuf::from("flag.toml")),
            theme: Some(ThemeName::Dark),
            present: true,
        };
        let s = resolve(&flags, &env, Some(file.clone())).expect("resolves");
        assert_eq!(s.data.value, Some(PathBuf::from("flag.toml")));
        assert_eq!(s.data.source, Source::Flag("--data"));
        assert_eq!(s.theme.value, ThemeName::Dark);
        assert_eq!(s.present.source, Source::Flag("--present"));

        let s = resolve(&Flags::default(), &env, Some(file.clone())).expect("resolves");
        assert_eq!(s.data.value, Some(PathBuf::from("env.toml")));
        assert_eq!(s.data.source, Source::Env(ENV_DATA));
        assert_eq!(s.theme.value, ThemeName::HighContrast);
        assert!(s.present.value);
        assert_eq!(s.present.source, Source::File(file.clone()));

        let s = resolve(&Flags::default(), &no_env, Some(file.clone())).expect("resolves");
        assert_eq!(s.data.value, Some(dir.path().join("file.toml")));
        assert_eq!(s.theme.value, ThemeName::Light);
        assert_eq!(s.theme.source, Source::File(file.clone()));

        let missing = dir.path().join("none.toml");
        let s = resolve(&Flags::default(), &no_env, Some(missing.clone())).expect("resolves");
        assert_eq!(s.data.value, None);
        assert_eq!(s.theme.source, Source::Default);
        assert_eq!(s.file, Some((missing, false)));
        assert!(s.report().contains("(not found)"), "{}", s.report());
    }

    #[test]
    fn a_bad_theme_in_the_environment_is_an_error() {
        let env = |key: &str| (key == ENV_THEME).then(|| "neon".to_string());
        let err = resolve(&Flags::default(), &env, None).expect_err("neon is no theme");
        assert!(
            err.to_string()
                .starts_with("CAREER_CLUSTERS_THEME: unknown theme `neon`")
        );
    }

    #[test]
    fn the_config_variable_names_another_file() {
        let env = |key: &str| (key == ENV_CONFIG).then(|| "/tmp/x/config.toml".to_string());
        assert_eq!(
            default_path(&env),
            Some(PathBuf::from("/tmp/x/config.toml"))
        );
    }

    #[test]
    fn the_report_says_where_each_value_came_from() {
        let env = |key: &str| (key == ENV_THEME).then(|| "light".to_string());
        let s = resolve(&Flags::default(), &env, None).expect("resolves");
        let report = s.report();
        assert!(report.contains("data    = bundled catalog"), "{report}");
        assert!(report.contains("theme   = light"), "{report}");
        assert!(report.contains("(from CAREER_CLUSTERS_THEME)"), "{report}");
        assert!(report.contains("present = false"), "{report}");
        assert!(report.contains("(default)"), "{report}");
    }
}
