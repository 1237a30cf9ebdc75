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

const NOC_HEADER: &str = "Level,Code - NOC 2021 V1.0,Class title,Element Type Label English,Element Description English\n";

/// A unit group row for a NOC elements CSV.
fn noc_row(code: &str, title: &str, kind: &str, text: &str) -> String {
    format!("5,{code},\"{title}\",{kind},\"{text}\"\n")
}

/// No byte that starts a terminal control sequence: ESC, BEL, the 8-bit CSI/OSC (as UTF-8).
fn assert_no_control(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{9d}'] {
        assert!(
            !text.contains(bad),
            "{what}: {bad:?} reached the terminal: {text:?}"
        );
    }
}

#[test]
fn escape_sequences_in_paths_fields_and_arguments_are_shown_not_obeyed() {
    let dir = TempDir::new().expect("a temporary directory");
    let osc = "\u{1b}]0;PWNED\u{7}";
    let csi8 = "\u{9b}2J";
    // a file name with an OSC title sequence in it, in check, --data and import
    let evil_toml = write(&dir, &format!("x{osc}.toml"), "title = \"t\"\n[[oops");
    for args in [
        vec!["check", evil_toml.as_str()],
        vec!["--data", evil_toml.as_str(), "list"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_no_control(&format!("{args:?}"), &out.stderr);
        assert!(
            stderr(&out).contains("x␛]0;PWNED␇.toml"),
            "{}",
            stderr(&out)
        );
    }
    // a CSV whose class title holds the OSC 52 clipboard sequence, with a malformed level so a
    // warning quotes it, under a file name with a title sequence
    let clip = "\u{1b}]52;c;cHduZWQ=\u{7}";
    let csv = format!(
        "{NOC_HEADER}{}{}\"5{clip}\",31202,Physio,Main duties,Treat.\n",
        noc_row(
            "31202",
            &format!("Physio{clip}"),
            "Main duties",
            "Assess patients."
        ),
        noc_row("31202", "Physio", "All examples", &format!("physio{csi8}")),
    );
    let evil_csv = write(&dir, &format!("n{osc}.csv"), &csv);
    let out = run(&["import", "noc", &evil_csv]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_no_control("import noc stderr", &out.stderr);
    assert_no_control("import noc stdout", &out.stdout);
    let err = stderr(&out);
    assert!(err.contains("n␛]0;PWNED␇.csv"), "{err}");
    assert!(err.contains("warning") && err.contains("5␛]52;c;"), "{err}");
    // a missing file with an escape in its name
    let out = run(&[
        "import",
        "noc",
        &format!("{}/gone{osc}.csv", dir.path().display()),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_no_control("import of a missing file", &out.stderr);
    // the query echoed by search --json, and the --only error
    let out = run(&["search", "--json", &format!("physio{csi8}{osc}")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_no_control("search --json", &out.stdout);
    let out = run(&["import", "noc", &evil_csv, "--only", &format!("3{osc}")]);
    assert_eq!(out.status.code(), Some(1));
    assert_no_control("--only error", &out.stderr);
    assert!(stderr(&out).contains("--only"), "{}", stderr(&out));
    // clap's own usage errors quote the argument as typed
    for args in [
        vec![csi8],
        vec!["--theme", csi8],
        vec![&format!("--{osc}")[..]],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_no_control(&format!("usage error for {args:?}"), &out.stderr);
        assert!(stderr(&out).contains("error"), "{}", stderr(&out));
    }
}
