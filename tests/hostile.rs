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

fn noc_options(limits: career_clusters::import::Limits) -> career_clusters::import::Options {
    career_clusters::import::Options {
        limits,
        ..Default::default()
    }
}

#[test]
fn an_endless_input_stops_at_the_input_cap() {
    use career_clusters::import::{Limits, import_noc};
    use std::io::Read;
    // a valid header, then bytes without end: the import must stop at its cap with an error
    let endless = NOC_HEADER.as_bytes().chain(std::io::repeat(b'x'));
    let limits = Limits {
        input_bytes: 64 * 1024,
        ..Limits::default()
    };
    let err = import_noc(endless, &noc_options(limits)).expect_err("over the cap");
    assert_eq!(
        err.to_string(),
        "could not read the input: the input is larger than 64 KiB; an elements file is about 10 MB"
    );
    // the real cap is the same code with a bigger number
    assert_eq!(Limits::default().input_bytes, 128 * 1024 * 1024);
    // /dev/zero is not a regular file, so the command refuses it before reading a byte
    if std::path::Path::new("/dev/zero").exists() {
        let out = run(&["import", "noc", "/dev/zero"]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("not a regular file"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn warnings_are_kept_up_to_the_cap_and_the_rest_counted() {
    use career_clusters::import::{Limits, import_noc};
    // a valid row, then 5,000 rows of noise, each a warning
    let mut csv = format!(
        "{NOC_HEADER}{}",
        noc_row(
            "31202",
            "Physiotherapists",
            "Main duties",
            "Assess patients."
        )
    );
    for i in 0..5_000 {
        csv.push_str(&format!("noise {i}\n"));
    }
    let report = import_noc(csv.as_bytes(), &noc_options(Limits::default())).expect("imports");
    assert_eq!(report.warnings.len(), 1_000);
    assert_eq!(report.more_warnings, 4_000);
    assert_eq!(report.warnings[999].line, Some(1_002));
    let small = Limits {
        warnings: 10,
        ..Limits::default()
    };
    let report = import_noc(csv.as_bytes(), &noc_options(small)).expect("imports");
    assert_eq!((report.warnings.len(), report.more_warnings), (10, 4_990));
    // the warning about missing major-group titles falls under the cap too (a fuzzing find)
    let by_major = career_clusters::import::Options {
        by: career_clusters::import::Grouping::Major,
        ..noc_options(small)
    };
    let report = import_noc(csv.as_bytes(), &by_major).expect("imports");
    assert_eq!((report.warnings.len(), report.more_warnings), (10, 4_991));
    // the command shows 20 and counts every other one, kept or not
    let dir = TempDir::new().expect("a temporary directory");
    let path = write(&dir, "noisy.csv", &csv);
    let out = run(&["import", "noc", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("warning:").count(), 20, "{err}");
    assert!(err.contains("… and 4980 more warnings"), "{err}");
}

#[test]
fn an_import_too_large_for_the_loader_is_refused() {
    use career_clusters::import::{ImportError, Limits, import_noc};
    let mut csv = NOC_HEADER.to_string();
    for code in 31_000..31_050 {
        let code = code.to_string();
        csv.push_str(&noc_row(
            &code,
            &format!("Group {code}"),
            "Main duties",
            "Assess.",
        ));
    }
    let fits = import_noc(csv.as_bytes(), &noc_options(Limits::default())).expect("imports");
    let limit = fits.toml.len() as u64 - 1;
    let tight = Limits {
        output_bytes: limit,
        ..Limits::default()
    };
    match import_noc(csv.as_bytes(), &noc_options(tight)) {
        Err(e @ ImportError::TooLarge { .. }) => {
            let message = e.to_string();
            assert!(message.contains("(50 occupations)"), "{message}");
            assert!(message.contains(&format!("({limit} bytes)")), "{message}");
            assert!(message.contains("--only"), "{message}");
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
    // the default is the loader's own cap: whatever the import writes, check reads
    assert_eq!(
        Limits::default().output_bytes,
        career_clusters::catalog::MAX_FILE_BYTES
    );
}

#[cfg(unix)]
#[test]
fn force_replaces_only_a_regular_file() {
    let dir = TempDir::new().expect("a temporary directory");
    let csv = write(
        &dir,
        "one.csv",
        &format!(
            "{NOC_HEADER}{}",
            noc_row(
                "31202",
                "Physiotherapists",
                "Main duties",
                "Assess patients."
            )
        ),
    );
    let fifo = dir.path().join("catalog.toml");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let link = dir.path().join("link.toml");
    let real = write(&dir, "real.toml", "kept");
    std::os::unix::fs::symlink(&real, &link).expect("linked");
    for (target, kind) in [(&fifo, "a FIFO"), (&link, "a symbolic link")] {
        let out = run(&[
            "import",
            "noc",
            &csv,
            "-o",
            &target.display().to_string(),
            "--force",
        ]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("it is {kind}")), "{err}");
        assert!(err.contains("only a regular file is replaced"), "{err}");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("there")
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("there")
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).expect("readable"), "kept");
    // a regular file is replaced as before
    let out = run(&["import", "noc", &csv, "-o", &real, "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&real)
            .expect("readable")
            .contains("31202")
    );
}

#[test]
fn toml_nested_past_its_limit_is_reported_on_its_own_line() {
    let dir = TempDir::new().expect("a temporary directory");
    let dotted = format!(
        "title = \"t\"\n\n# a comment with [[[ brackets\n{} = 1\n",
        vec!["a"; 200].join(".")
    );
    let nested = format!(
        "title = \"t\"\ndescription = \"a [ in a string\"\nx = {}1{}\n",
        "[".repeat(300),
        "]".repeat(300)
    );
    for (name, text, at) in [
        ("dotted.toml", dotted, "dotted.toml:4:1: TOML syntax"),
        ("nested.toml", nested, "nested.toml:3:"),
    ] {
        let path = write(&dir, name, &text);
        let out = run(&["check", &path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(err.contains(at), "{name}: {err}");
        assert!(!err.contains(":1:1:"), "{name}: {err}");
    }
}

/// The binary run with its standard output closed (as by `>&-` in a shell).
#[cfg(unix)]
fn run_with_stdout_closed(args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_career-clusters"));
    command
        .args(args)
        .env("CAREER_CLUSTERS_CONFIG", command::NO_CONFIG)
        .env_remove("CAREER_CLUSTERS_DATA");
    // SAFETY: close(2) is async-signal-safe, as pre_exec requires.
    unsafe {
        command.pre_exec(|| {
            libc::close(libc::STDOUT_FILENO);
            Ok(())
        });
    }
    command.output().expect("the binary runs")
}

#[cfg(unix)]
#[test]
fn a_closed_stdout_is_a_failure_not_silent_success() {
    for args in [
        vec!["list"],
        vec!["search", "physio"],
        vec!["show", "physiotherapist"],
        vec!["dump"],
        vec!["check"],
    ] {
        let out = run_with_stdout_closed(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("standard output is closed"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // a command whose result is a file still works: its report goes to stderr
    let dir = TempDir::new().expect("a temporary directory");
    let csv = write(
        &dir,
        "one.csv",
        &format!(
            "{NOC_HEADER}{}",
            noc_row(
                "31202",
                "Physiotherapists",
                "Main duties",
                "Assess patients."
            )
        ),
    );
    let target = dir.path().join("out.toml").display().to_string();
    let out = run_with_stdout_closed(&["import", "noc", &csv, "-o", &target]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::path::Path::new(&target).exists());
}
