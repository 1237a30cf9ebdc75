//! The I/O that browser actions ask for, carried out by the terminal loop outside `update`:
//! opening a web page in the system browser and writing a handout file. Each returns the line the
//! status bar shows, so the user always learns what happened (and, when no browser can be
//! started, the address to type by hand). The only I/O of the browser besides the terminal; it
//! must not change the app's state (the loop reports the outcome back as an action).

use std::ffi::OsString;
use std::process::{Command, Stdio};

use super::message::Message;
use crate::catalog::Catalog;
use crate::export::{self, Format, InterestSummary, Subject};

/// I/O the terminal loop carries out for `update`, which never does I/O itself. The loop reports
/// the outcome back with [`Action::EffectDone`](super::action::Action::EffectDone).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open this address in the system browser.
    OpenUrl(String),
    /// Write a handout in this format in the working directory, with the interest result when
    /// the check was taken.
    WriteHandout(Subject, Option<InterestSummary>, Format),
}

/// The stem of handout files the browser writes in the working directory.
pub const HANDOUT_STEM: &str = "career-handout";

/// Carries out `effect` and says how it went: the status line, and whether a handout was
/// written (so the app knows which shortlisted occupations are safe in one).
pub fn run(effect: &Effect, catalog: &Catalog) -> (Message, bool) {
    match effect {
        Effect::OpenUrl(url) => (open_url(url, std::env::var_os("BROWSER")).into(), false),
        Effect::WriteHandout(subject, interests, format) => {
            let text = export::render_with_interests(catalog, subject, *format, interests.as_ref());
            match export::write_unique(std::path::Path::new("."), HANDOUT_STEM, *format, &text) {
                Ok(path) => (
                    Message::with_path("Wrote the handout to ", &path.display().to_string()),
                    true,
                ),
                Err(e) => (format!("Could not write the handout: {e}").into(), false),
            }
        }
    }
}

/// The commands to try for opening `url`, in order: each entry of `$BROWSER` (a `:`-separated
/// list; `%s` in an entry stands for the address), then the platform's opener.
pub fn browser_commands(url: &str, browser: Option<OsString>) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    if let Some(browser) = browser.and_then(|b| b.into_string().ok()) {
        for entry in browser.split(':').map(str::trim).filter(|e| !e.is_empty()) {
            let mut words: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
            if words.iter().any(|w| w.contains("%s")) {
                for w in &mut words {
                    *w = w.replace("%s", url);
                }
            } else {
                words.push(url.to_string());
            }
            commands.push(words);
        }
    }
    let opener: &[&str] = if cfg!(target_os = "macos") {
        &["open"]
    } else if cfg!(windows) {
        &["cmd", "/C", "start", ""]
    } else {
        &["xdg-open"]
    };
    let mut fallback: Vec<String> = opener.iter().map(|s| s.to_string()).collect();
    fallback.push(url.to_string());
    commands.push(fallback);
    commands
}

fn open_url(url: &str, browser: Option<OsString>) -> String {
    for command in browser_commands(url, browser) {
        let Some((program, args)) = command.split_first() else {
            continue;
        };
        // The browser must not draw on our terminal or read our keys.
        let spawned = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = spawned {
            // reap it whenever it ends, without holding up the browser
            std::thread::spawn(move || child.wait());
            return format!("Opened {url} with {program}");
        }
    }
    format!("No web browser could be started; the page is {url}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://www.onetonline.org/link/summary/29-1123.00";

    #[test]
    fn browser_variable_entries_come_first_and_take_the_address() {
        let commands = browser_commands(URL, Some("firefox --new-tab:chromium %s".into()));
        assert_eq!(commands[0], ["firefox", "--new-tab", URL]);
        assert_eq!(commands[1], ["chromium", URL]);
        assert_eq!(
            commands.last().and_then(|c| c.last()).map(String::as_str),
            Some(URL)
        );
        assert_eq!(commands.len(), 3);
    }

    #[test]
    fn without_a_browser_variable_the_platform_opener_is_used() {
        let commands = browser_commands(URL, None);
        assert_eq!(commands.len(), 1);
        #[cfg(target_os = "linux")]
        assert_eq!(commands[0], ["xdg-open", URL]);
    }

    #[test]
    fn when_nothing_starts_the_status_shows_the_address() {
        let message = open_url(URL, Some("/nonexistent/browser-for-tests".into()));
        // xdg-open may exist on the machine; either way the user learns what happened
        assert!(
            message == format!("No web browser could be started; the page is {URL}")
                || message.starts_with(&format!("Opened {URL} with ")),
            "{message}"
        );
        assert!(message.contains(URL));
    }
}
