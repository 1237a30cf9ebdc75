//! End-to-end tests: the real `career-clusters` binary in a pseudo-terminal, its screen read
//! through a `vt100` emulator.
//!
//! Covered: the first frame (clusters, count, key hints); filtering, moving and switching focus;
//! quitting with Ctrl-C and the terminal being restored (escape sequences, emulator modes and the
//! pty's termios); resizing, including sizes too small for the panes; the help overlay; SIGTERM;
//! the terminal going away (hang-up); refusing to run without a terminal; a panic restoring the
//! terminal before its message is printed; and a bad `--data` file being refused before the
//! terminal is touched.
//!
//! Every wait polls the screen until it shows what a user would see, with a generous deadline
//! that only guards against hangs; no assertion depends on timing.

#![cfg(unix)]

mod support;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{BIN, Launch, Tui, find, rfind, spawn_lock, tail};

const UP: &[u8] = b"\x1b[A";
const DOWN: &[u8] = b"\x1b[B";
const TAB: &[u8] = b"\t";
const ESC: &[u8] = b"\x1b";
const CTRL_C: &[u8] = b"\x03";
const F1: &[u8] = b"\x1bOP";

/// Sequences that turn a mode on, each with the one that turns it off.
const MODES: [(&str, &str, &str); 4] = [
    ("alternate screen", "\x1b[?1049h", "\x1b[?1049l"),
    ("hidden cursor", "\x1b[?25l", "\x1b[?25h"),
    ("mouse capture", "\x1b[?1000h", "\x1b[?1000l"),
    ("bracketed paste", "\x1b[?2004h", "\x1b[?2004l"),
];

/// Checks that the child left the terminal as it found it: the raw output ends with the restore
/// sequences (nothing re-enables a mode after them) and the emulator is back in its normal modes.
fn assert_terminal_restored(tui: &Tui) {
    let raw = tui.raw();
    let restore_start = rfind(&raw, b"\x1b[?1000l").unwrap_or_else(|| {
        panic!(
            "mouse capture was never turned off; output ends with {:?}",
            tail(&raw, 300)
        )
    });
    let restore = &raw[restore_start..];
    for (name, on, off) in MODES {
        assert!(
            find(restore, off.as_bytes()).is_some(),
            "{name} is not undone ({off:?}) after the last frame; output ends with {:?}",
            tail(&raw, 300)
        );
        assert!(
            find(restore, on.as_bytes()).is_none(),
            "{name} is turned on again ({on:?}) after the restore; output ends with {:?}",
            tail(&raw, 300)
        );
    }
    tui.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "the cursor is still hidden");
        assert!(!s.bracketed_paste(), "bracketed paste is still on");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is still on"
        );
    });
}

/// The list row carrying the selection marker (just inside the list's left border).
fn selected_row(s: &vt100::Screen) -> Option<u16> {
    let (rows, _) = s.size();
    (0..rows).find(|&r| s.cell(r, 1).is_some_and(|c| c.contents() == ">"))
}

/// One row of the screen as text.
fn row_text(s: &vt100::Screen, row: u16) -> String {
    let (_, cols) = s.size();
    s.rows(0, cols).nth(usize::from(row)).unwrap_or_default()
}

fn lflag_has(t: &libc::termios, flag: libc::tcflag_t) -> bool {
    t.c_lflag & flag == flag
}

#[test]
fn first_frame_shows_five_clusters_and_hints() {
    let tui = Tui::start();
    tui.wait_for_first_frame();
    // At 80 columns the longer names are cut with "…"; the prefixes are always shown.
    tui.wait_for_text(&[
        "Counselling and Mental",
        "Health Management",
        "Medical and Health",
        "Medicine",
        "Rehabilitation",
        "53 occupations",
    ]);
    let hints = tui.row(23);
    assert!(
        hints.contains("Ctrl-C quit") && hints.contains("F1/Ctrl-G help"),
        "the bottom row is not the key-hint line: {hints:?}\n{}",
        tui.screen_text()
    );
    // The first cluster is selected (marker inside the list's border).
    assert!(
        tui.row(1).starts_with("┃>"),
        "the first row is not selected: {:?}",
        tui.row(1)
    );
}

#[test]
fn typing_filters_and_quitting_restores_the_terminal() {
    let mut tui = Tui::start();
    tui.wait_for_first_frame();

    let running = tui.termios();
    assert!(
        !lflag_has(&running, libc::ICANON) && !lflag_has(&running, libc::ECHO),
        "the terminal is not in raw mode while the browser runs (c_lflag = {:#o})",
        running.c_lflag
    );

    tui.send(b"physio");
    tui.wait_for_text(&["Physiotherapist", "Filter: physio", "of 53 occupations"]);
    // The first cluster no longer matches, so the best match is selected.
    tui.wait_for("Physiotherapist selected", |s| {
        selected_row(s).is_some_and(|r| row_text(s, r).contains("Physiotherapist"))
    });
    let before = tui.with_screen(selected_row).unwrap();

    tui.send(DOWN);
    tui.wait_for("the selection on the next row", |s| {
        selected_row(s) == Some(before + 1)
    });
    let next_title = tui.with_screen(|s| {
        let row = row_text(s, before + 1);
        let row: String = row.chars().skip(2).collect();
        let title = row.trim_start().split(" · ").next().unwrap_or("");
        title.trim_end_matches(['│', '┃', ' ']).to_string()
    });
    assert!(!next_title.is_empty(), "no title on the selected row");

    tui.send(TAB);
    // The detail pane (from column 36 at 80×24) gets the thick border of the focused pane, is
    // titled with the selected occupation and shows its facts.
    tui.wait_for(
        "the detail pane focused, showing the selected occupation",
        |s| {
            s.cell(0, 36).is_some_and(|c| c.contents() == "┏")
                && row_text(s, 0).contains(&format!(" {next_title} "))
                && s.contents().contains("TEER")
        },
    );

    tui.send(CTRL_C);
    let status = tui.wait_exit();
    assert!(
        status.success(),
        "Ctrl-C should exit with 0, got {status:?}"
    );
    assert_terminal_restored(&tui);

    let after = tui.termios();
    assert!(
        lflag_has(&after, libc::ICANON) && lflag_has(&after, libc::ECHO),
        "canonical mode and echo are not restored after exit (c_lflag = {:#o})",
        after.c_lflag
    );
}

#[test]
fn resize_redraws_and_tiny_sizes_say_too_small() {
    let tui = Tui::start();
    tui.wait_for_first_frame();

    tui.resize(40, 8);
    tui.wait_for_text(&["Terminal too small"]);
    tui.wait_for_no_text(&["Tab detail", "occupations"]);

    tui.resize(120, 40);
    tui.wait_for("the panes at 120×40", |s| {
        let rows: Vec<String> = s.rows(0, 120).collect();
        let text = s.contents();
        !text.contains("Terminal too small")
            // the longest cluster name is only shown whole when the list is wide enough
            && text.contains("Health Management and Health Administration")
            && rows.get(39).is_some_and(|r| r.contains("Tab detail") && r.contains("Ctrl-C quit"))
    });
}

#[test]
fn help_overlay_opens_and_closes() {
    // Tall enough for the whole overlay.
    let mut tui = Tui::launch(Launch {
        cols: 100,
        rows: 40,
        ..Launch::default()
    });
    tui.wait_for_first_frame();
    tui.wait_for_no_text(&["Keys", "Filtering"]);

    tui.send(F1);
    tui.wait_for_text(&["┏ Help ", "Keys", "Filtering"]);

    // Esc alone, then wait: an Esc followed quickly by text could be read as Alt.
    tui.send(ESC);
    tui.wait_for_no_text(&["Keys", "Filtering"]);

    // `?` opens it too while the filter is empty.
    tui.send(b"?");
    tui.wait_for_text(&["Keys", "Filtering"]);
    tui.send(ESC);
    tui.wait_for_no_text(&["Keys", "Filtering"]);

    // The browser is still usable underneath.
    tui.send(DOWN);
    tui.send(UP);
    tui.wait_for_text(&["Ctrl-C quit"]);
}

/// Sends `signal` to a running browser and checks it exits unsuccessfully with the terminal
/// restored: the escape sequences undone and canonical mode and echo back on.
fn signal_restores_the_terminal(signal: libc::c_int, name: &str) {
    let mut tui = Tui::start();
    tui.wait_for_first_frame();
    // SAFETY: sends a signal to our own child.
    let rc = unsafe { libc::kill(tui.pid(), signal) };
    assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());
    let status = tui.wait_exit();
    assert!(
        !status.success(),
        "{name} should not look like success: {status:?}"
    );
    assert_terminal_restored(&tui);
    let after = tui.termios();
    assert!(
        lflag_has(&after, libc::ICANON) && lflag_has(&after, libc::ECHO),
        "canonical mode and echo are not restored after {name} (c_lflag = {:#o})",
        after.c_lflag
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal(libc::SIGTERM, "SIGTERM");
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal(libc::SIGHUP, "SIGHUP");
}

/// Every other signal whose default is to end the process: the ones people send by hand or by
/// mistake (USR1, USR2, ALRM, INT and QUIT from `kill`), the timers and limits, real-time
/// signals, and SIGABRT, which is restored inside its handler rather than by the signal thread.
#[test]
fn every_ending_signal_restores_the_terminal() {
    let mut signals = vec![
        (libc::SIGUSR1, "SIGUSR1"),
        (libc::SIGUSR2, "SIGUSR2"),
        (libc::SIGALRM, "SIGALRM"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGQUIT, "SIGQUIT"),
        (libc::SIGVTALRM, "SIGVTALRM"),
        (libc::SIGXCPU, "SIGXCPU"),
        (libc::SIGABRT, "SIGABRT"),
    ];
    #[cfg(target_os = "linux")]
    signals.extend([
        (libc::SIGPWR, "SIGPWR"),
        (libc::SIGRTMIN(), "SIGRTMIN"),
        (libc::SIGRTMAX(), "SIGRTMAX"),
    ]);
    for (signal, name) in signals {
        signal_restores_the_terminal(signal, name);
    }
}

#[test]
fn closing_the_master_ends_the_child() {
    let mut tui = Tui::start();
    tui.wait_for_first_frame();

    let closed = Instant::now();
    tui.close_pty();
    let guard = Duration::from_secs(5);
    let status = loop {
        if let Some(status) = tui.try_wait() {
            break status;
        }
        if closed.elapsed() > guard {
            tui.kill();
            panic!("the child was still running {guard:?} after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    eprintln!(
        "the child exited {:?} after its terminal closed ({status:?})",
        closed.elapsed()
    );
}

#[test]
fn refuses_without_a_terminal() {
    let child = {
        let _guard = spawn_lock();
        Command::new(BIN)
            .env_remove("CAREER_CLUSTERS_TEST_PANIC")
            .env("TERM", "xterm-256color")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the binary")
    };
    let out = child.wait_with_output().expect("wait for the binary");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exited with {:?}", out.status);
    assert!(
        out.stdout.is_empty(),
        "wrote to stdout: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        stderr.lines().count(),
        1,
        "stderr is not one line: {stderr:?}"
    );
    assert!(stderr.contains("not a terminal"), "stderr: {stderr:?}");
}

#[test]
fn forced_panic_restores_the_terminal_first() {
    let mut tui = Tui::launch(Launch {
        env: &[("CAREER_CLUSTERS_TEST_PANIC", "1")],
        ..Launch::default()
    });
    let status = tui.wait_exit();
    assert!(!status.success(), "a panic should fail, got {status:?}");

    let raw = tui.raw();
    let left = rfind(&raw, b"\x1b[?1049l").unwrap_or_else(|| {
        panic!(
            "the alternate screen was never left; output ends with {:?}",
            tail(&raw, 400)
        )
    });
    assert!(
        find(&raw[left..], b"forced panic").is_some(),
        "the panic message is not printed after leaving the alternate screen; output: {:?}",
        String::from_utf8_lossy(&raw)
    );
    assert_terminal_restored(&tui);
    // And so the user can read it on the normal screen.
    assert!(
        tui.screen_text().contains("forced panic"),
        "the normal screen does not show the panic:\n{}",
        tui.screen_text()
    );
}

#[test]
fn bad_data_file_refuses_before_touching_the_terminal() {
    let path = std::env::temp_dir().join(format!(
        "career-clusters-e2e-{}-typo.toml",
        std::process::id()
    ));
    std::fs::write(
        &path,
        r#"title = "Test catalog"

[[clusters]]
id = "rehabilitation"
name = "Rehabilitation"
summary = "Helping people recover."

[[clusters.occupations]]
id = "physiotherapist"
titel = "x"
summary = "Helps people move."
"#,
    )
    .expect("write the catalog");
    let path_str = path.to_str().expect("a UTF-8 temp path").to_owned();

    let mut tui = Tui::launch(Launch {
        // wide enough that the file name is not wrapped on screen
        cols: 200,
        args: &["--data", &path_str],
        ..Launch::default()
    });
    let status = tui.wait_exit();
    let _ = std::fs::remove_file(&path);

    let raw = tui.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !status.success(),
        "a bad catalog should fail, got {status:?}"
    );
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(
        text.contains(name),
        "the message does not name the file: {text:?}"
    );
    assert!(
        text.contains("titel"),
        "the message does not name the bad key: {text:?}"
    );
    assert!(
        find(&raw, b"\x1b[?1049h").is_none(),
        "the alternate screen was entered: {text:?}"
    );
    assert!(
        tui.screen_text().contains("titel"),
        "the screen does not show the error:\n{}",
        tui.screen_text()
    );
}

#[test]
fn runs_under_common_terminal_types() {
    for term in ["xterm-256color", "screen", "tmux-256color", "linux"] {
        let mut tui = Tui::launch(Launch {
            env: &[("TERM", term)],
            ..Launch::default()
        });
        tui.wait_for_first_frame();
        tui.send(b"nurse");
        tui.wait_for_text(&["Registered Nurse", "Filter: nurse"]);
        tui.send(CTRL_C);
        let status = tui.wait_exit();
        assert!(status.success(), "TERM={term}: {status:?}");
        assert_terminal_restored(&tui);
    }
}

#[test]
fn term_dumb_is_refused_with_a_pointer_to_the_plain_commands() {
    let mut tui = Tui::launch(Launch {
        env: &[("TERM", "dumb")],
        ..Launch::default()
    });
    let status = tui.wait_exit();
    assert!(!status.success(), "{status:?}");
    let raw = String::from_utf8_lossy(&tui.raw()).into_owned();
    assert!(raw.contains("TERM=dumb"), "{raw:?}");
    assert!(raw.contains("career-clusters list"), "{raw:?}");
    assert!(raw.contains("career-clusters search"), "{raw:?}");
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the alternate screen was entered: {raw:?}"
    );
}

#[test]
fn a_bracketed_paste_lands_in_the_filter_at_once() {
    let mut tui = Tui::start();
    tui.wait_for_first_frame();
    // terminals wrap pasted text in these markers once the app enables bracketed paste
    let before = tui.raw().len();
    tui.send(b"\x1b[200~physical\ttherapist\x1b[201~");
    tui.wait_for_text(&["Filter: physical therapist"]);
    // One redraw for the whole paste: the filter line is written in one piece. A redraw per
    // character would write one new letter per frame and never the whole text at once.
    let after = tui.raw()[before..].to_vec();
    assert!(
        find(&after, b"physical therapist").is_some(),
        "the paste was not drawn in one frame: {:?}",
        tail(&after, 400)
    );
    tui.wait_for("the physiotherapist selected", |s| {
        selected_row(s).is_some_and(|row| row_text(s, row).contains("Physiotherapist"))
    });
    tui.send(CTRL_C);
    assert!(tui.wait_exit().success());
}

/// A megabyte pasted at once: the filter keeps its first 200 characters and says so, the
/// browser goes on answering keys, and Ctrl-C ends it. (No timing is asserted; the support code's
/// deadline only guards against a hang.)
#[test]
fn a_megabyte_paste_is_capped_and_ctrl_c_still_quits() {
    let mut tui = Tui::launch(Launch {
        cols: 100,
        rows: 30,
        ..Launch::default()
    });
    tui.wait_for_first_frame();
    let mut paste = b"\x1b[200~physio ".to_vec();
    paste.extend(std::iter::repeat_n(b'x', 1 << 20));
    paste.extend_from_slice(b"\x1b[201~");
    tui.send(&paste);
    // the input scrolls to its cursor, at the end of the 200 characters
    tui.wait_for_text(&["Filter: xxxxxxxxxx", "200 characters at most"]);
    // still answering: Backspace edits the filter
    tui.send(b"\x7f");
    tui.wait_for_no_text(&["200 characters at most"]);
    tui.send(CTRL_C);
    assert!(tui.wait_exit().success());
}

#[test]
fn marking_two_occupations_and_exporting_writes_both_to_a_handout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tui = Tui::launch(Launch {
        cwd: Some(dir.path()),
        ..Launch::default()
    });
    tui.wait_for_first_frame();
    tui.send(b"physiotherapist");
    tui.wait_for_text(&["Filter: physiotherapist"]);
    tui.send(b"\x13"); // Ctrl-S
    tui.wait_for_text(&["1 on the shortlist"]);
    tui.send(ESC);
    tui.wait_for_text(&["type to filter"]);
    tui.send(b"dietitian");
    tui.wait_for_text(&["Filter: dietitian"]);
    tui.send(b"\x13");
    tui.wait_for_text(&["2 on the shortlist"]);
    tui.send(b"\x05"); // Ctrl-E
    tui.wait_for_text(&["Write a handout", "Markdown (.md)", "HTML (.html)"]);
    tui.send(b"\r");
    tui.wait_for_text(&["Wrote the handout to"]);
    let path = dir.path().join("career-handout.md");
    let handout = std::fs::read_to_string(&path).expect("the handout file");
    assert!(handout.contains("Physiotherapist"), "{handout}");
    assert!(handout.contains("Dietitian"), "{handout}");
    assert!(
        handout.contains("https://www.onetonline.org/link/summary/29-1123.00"),
        "{handout}"
    );
    // a second export never overwrites the first
    tui.send(b"\x05");
    tui.wait_for_text(&["Write a handout"]);
    tui.send(b"\r");
    tui.wait_for_text(&["career-handout-2.md"]);
    // HTML, for printing: ↓ then Enter
    tui.send(b"\x05");
    tui.wait_for_text(&["Write a handout"]);
    tui.send(b"\x1b[B");
    tui.send(b"\r");
    tui.wait_for_text(&["career-handout.html"]);
    let page = std::fs::read_to_string(dir.path().join("career-handout.html")).expect("the page");
    assert!(page.starts_with("<!doctype html>"), "{page}");
    assert!(page.contains("<h2>Dietitian</h2>"), "{page}");
    // the comparison's handout is the side-by-side table; HTML is now offered first
    tui.send(b"\x12"); // Ctrl-R, compare
    tui.wait_for_text(&["Compare", "marks what another occupation here shares"]);
    tui.send(b"\x05");
    tui.wait_for_text(&["comparing Physiotherapist and Dietitian"]);
    tui.send(b"\r");
    tui.wait_for_text(&["career-handout-2.html"]);
    let page = std::fs::read_to_string(dir.path().join("career-handout-2.html")).expect("page");
    assert!(
        page.contains("<h1>Comparing Physiotherapist and Dietitian</h1>"),
        "{page}"
    );
    assert!(page.contains("<table>"), "{page}");
    tui.send(CTRL_C);
    assert!(tui.wait_exit().success());
}

#[test]
fn answering_every_statement_puts_social_and_investigative_careers_first() {
    use career_clusters::catalog::Riasec::{Investigative, Social};
    let mut tui = Tui::launch(Launch {
        cols: 100,
        rows: 40,
        ..Launch::default()
    });
    tui.wait_for_first_frame();
    tui.send(b"\x14"); // Ctrl-T, the key for keyboards whose F-keys are media keys
    tui.wait_for_text(&["What interests you?", "1 of 42"]);
    for item in career_clusters::interests::ITEMS.iter() {
        let liked = matches!(item.kind, Social | Investigative);
        tui.send(if liked { b"5" } else { b"1" });
    }
    tui.wait_for_text(&["Your interest result", "Occupations that fit"]);
    let screen = tui.screen_text();
    // the code leads with the two liked types, said to be tied
    assert!(
        screen.contains("Your code: IS") && screen.contains("Investigative and Social are tied"),
        "{screen}"
    );
    // the first cluster and the first occupation share both
    let cluster = screen
        .lines()
        .find(|l| l.contains(" 1. "))
        .expect("a ranked cluster");
    assert!(cluster.contains("strong fit"), "{cluster}");
    let first = screen
        .lines()
        .find(|l| l.contains("> strong fit"))
        .expect("a strong fit on the chosen row");
    let reason = first.split("shares").nth(1).unwrap_or("");
    assert!(
        reason.contains("Investigative") && reason.contains("Social"),
        "{first}"
    );
    // Esc keeps the answers: F4 brings the result back, Ctrl-C quits cleanly
    tui.send(b"\x1b");
    tui.wait_for_no_text(&["Your interest result"]);
    tui.send(b"\x1bOS");
    tui.wait_for_text(&["Your interest result"]);
    tui.send(CTRL_C);
    assert!(tui.wait_exit().success());
}

#[test]
fn quitting_with_a_shortlist_in_no_handout_asks_first() {
    let mut tui = Tui::start();
    tui.wait_for_first_frame();
    tui.send(b"dietitian");
    tui.wait_for_text(&["Filter: dietitian"]);
    tui.send(b"\x13"); // Ctrl-S
    tui.wait_for_text(&["1 on the shortlist"]);
    tui.send(b"\x11"); // Ctrl-Q, what people press when Ctrl-S froze another program
    tui.wait_for_text(&[
        "Quit?",
        "1 shortlisted occupation is in no handout yet: Dietitian.",
    ]);
    assert!(tui.try_wait().is_none(), "it asked instead of quitting");
    tui.send(ESC);
    tui.wait_for_no_text(&["Quit?"]);
    tui.send(b"\x11");
    tui.wait_for_text(&["quit anyway"]);
    tui.send(b"\x11");
    assert!(tui.wait_exit().success());
}

#[test]
fn screen_reader_mode_draws_ascii_and_parks_the_cursor_on_the_selection() {
    let mut tui = Tui::launch(Launch {
        args: &["--screen-reader"],
        ..Launch::default()
    });
    tui.wait_for_first_frame();
    tui.send(b"physio");
    tui.wait_for_text(&["Filter: physio"]);
    tui.wait_for("the cursor on the selected row", |s| {
        let (row, _) = s.cursor_position();
        s.contents()
            .lines()
            .nth(usize::from(row))
            .is_some_and(|l| l.contains(">") && l.contains("Physiotherapist"))
    });
    let screen = tui.screen_text();
    // no box drawing, block or arrow glyphs a screen reader would read out
    for c in screen.chars() {
        let code = c as u32;
        assert!(
            !(0x2500..=0x259F).contains(&code) && !"▲▼◆✓▸▾".contains(c),
            "{c:?} on screen:\n{screen}"
        );
    }
    assert!(screen.contains("+-") || screen.contains("#="), "{screen}");
    tui.send(CTRL_C);
    assert!(tui.wait_exit().success());
}
