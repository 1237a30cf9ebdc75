//! Hostile input, round two (issue 17): the real binary given files and arguments made to hurt
//! it — a problem at a column past 65,535, escape sequences in paths, CSV fields and arguments,
//! endless or huge input, FIFOs, special files in the way of `--force`, newlines in one-line
//! fields, a closed stdout. Each test checks what a user would notice: the exit status, what
//! reaches the terminal, and files left as they were.
//!
//! Nothing here waits on timing; a timeout only guards against a hang.

#[path = "support/command.rs"]
mod command;
use command::cli as cmd;
use std::process::Output;

use tempfile::TempDir;

fn run(args: &[&str]) -> Output {
    cmd().args(args).output().expect("the binary runs")
}

fn write(dir: &TempDir, name: &str, contents: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("written");
    path.display().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_problem_past_column_65535_is_reported_not_a_panic() {
    let dir = TempDir::new().expect("a temporary directory");
    let long = write(
        &dir,
        "long.toml",
        &format!("title = \"t\"\nx = \"{}\", 1\n", "a".repeat(70_000)),
    );
    for args in [
        vec!["check", long.as_str()],
        vec!["--data", long.as_str(), "list"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("long.toml:2:"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        // every line stays terminal-sized: the long line is shown as a window around the spot
        assert!(err.lines().all(|l| l.chars().count() < 200), "{err}");
        assert!(err.contains('…'), "{err}");
    }
}

const MINI: &str = r#"title = "Mini"

[[clusters]]
id = "rehab"
name = "Rehab"
summary = "Helping people recover."

[[clusters.occupations]]
id = "physiotherapist"
title = "Physiotherapist"
summary = "Restores movement."
"#;

#[test]
fn a_line_break_in_a_one_line_field_is_refused_at_its_place() {
    let dir = TempDir::new().expect("a temporary directory");
    // an escape (read by the lean reader) and a multi-line string (only toml's parser reads it)
    let escaped = MINI.replace("\"Physiotherapist\"", "\"Physio\\nrehab  Faked row\"");
    let multi = MINI.replace(
        "\"Physiotherapist\"",
        "\"\"\"Physio\nrehab  Faked row\"\"\"",
    );
    for (name, text) in [("escaped.toml", escaped), ("multi.toml", multi)] {
        let path = write(&dir, name, &text);
        let out = run(&["check", &path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("{name}:10:9: `title` must be on one line")),
            "{err}"
        );
    }
    // a description may still run over several lines
    let text = MINI.replace(
        "summary = \"Restores movement.\"",
        "summary = \"Restores movement.\"\nduties = [\"\"\"Assess\nand treat\"\"\"]",
    );
    let path = write(&dir, "duties.toml", &text);
    let out = run(&["check", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
}
