//! Command-line tests: the real `career-clusters` binary run the way a script or a person at a
//! shell would run it, checking what they would notice — stdout, stderr and the exit status.
//!
//! Covered: `check` (the bundled catalog, a file given as an argument or with `--data`, a catalog
//! with problems reported as `file:line:column:` with suggestions, a missing file, a directory);
//! `list` as text and JSON; `show` of an occupation and a cluster, as text and JSON, and of an
//! unknown id; `search` (order, the reason shown on each line, several words, JSON, no results,
//! text and JSON agreeing); `dump` round-tripping through `check`, `--data`, `list` and `show`;
//! output cut short by a closed pipe being a success; the browser refusing to start without a
//! terminal; and a usage error.
//!
//! Every command here runs in milliseconds; nothing waits on timing.

#[path = "support/command.rs"]
mod command;
use command::cli as cmd;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

/// The binary under test, for runs that need `std::process` directly.
const BIN: &str = env!("CARGO_BIN_EXE_career-clusters");

const BUNDLED_OK: &str = "ok: 5 clusters, 53 occupations\n";

/// A small valid catalog: one cluster, two occupations, one related link.
const MINI: &str = r#"title = "Mini"

[[clusters]]
id = "rehab"
name = "Rehab"
summary = "Helping people recover."

[[clusters.occupations]]
id = "physiotherapist"
title = "Physiotherapist"
summary = "Restores movement."
related = ["kinesiologist"]

[[clusters.occupations]]
id = "kinesiologist"
title = "Kinesiologist"
summary = "Studies movement."
"#;

/// Runs the binary with `args` and returns everything it did.
fn run(args: &[&str]) -> Output {
    cmd().args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// Runs a command that must succeed quietly and returns its stdout.
fn stdout_of(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed with {:?}: {}",
        out.status,
        text(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{args:?} wrote to stderr: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Runs a `--json` command that must succeed and parses its stdout.
fn json_of(args: &[&str]) -> Value {
    let out = stdout_of(args);
    serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("{args:?} printed invalid JSON ({e}):\n{out}"))
}

/// Writes `contents` to `name` in a new temporary directory; keep the directory alive.
fn temp_file(name: &str, contents: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("write temp file");
    (dir, path)
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// 1-based line and column of the first occurrence of `needle` in `text`.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle is in the text");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

fn str_field<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {value}"))
}

fn array<'a>(value: &'a Value, key: &str) -> &'a Vec<Value> {
    value[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is not an array in {value}"))
}

/// Every occupation title in the bundled catalog, from `list --json`.
fn bundled_titles() -> Vec<String> {
    let list = json_of(&["list", "--json"]);
    array(&list, "clusters")
        .iter()
        .flat_map(|c| array(c, "occupations"))
        .map(|o| str_field(o, "title").to_string())
        .collect()
}

// ----- check -----

#[test]
fn check_of_the_bundled_catalog_reports_its_size() {
    cmd()
        .arg("check")
        .assert()
        .success()
        .stdout(BUNDLED_OK)
        .stderr("");
}

#[test]
fn check_of_a_valid_file_as_argument_or_with_data() {
    let (_dir, path) = temp_file("mini.toml", MINI);
    let expected = "ok: 1 clusters, 2 occupations\n";
    cmd()
        .args(["check", path_str(&path)])
        .assert()
        .success()
        .stdout(expected)
        .stderr("");
    cmd()
        .args(["--data", path_str(&path), "check"])
        .assert()
        .success()
        .stdout(expected)
        .stderr("");
}

#[test]
fn check_reports_every_problem_with_file_line_column_and_suggestion() {
    let broken = MINI
        .replace("[\"kinesiologist\"]", "[\"kinesiologst\"]")
        .replace("title = \"Kinesiologist\"", "titel = \"Kinesiologist\"");
    let (related_line, related_col) = line_col(&broken, "\"kinesiologst\"");
    let (titel_line, titel_col) = line_col(&broken, "titel");
    assert_eq!((related_line, related_col), (12, 12), "test file layout");
    assert_eq!((titel_line, titel_col), (16, 1), "test file layout");
    let (_dir, path) = temp_file("broken.toml", &broken);
    let file = path_str(&path);

    let out = run(&["check", file]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("2 problems"), "{stderr}");
    assert!(
        stderr.contains(&format!("{file}:{related_line}:{related_col}: related id")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{file}:{titel_line}:{titel_col}: unknown key `titel`"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `title`"), "{stderr}");
    assert!(
        stderr.contains("did you mean \"kinesiologist\""),
        "{stderr}"
    );
    // problems are listed in file order
    let first = stderr.find(&format!("{file}:{related_line}:")).unwrap();
    let second = stderr.find(&format!("{file}:{titel_line}:")).unwrap();
    assert!(first < second, "{stderr}");

    // the same file given with --data to another command is refused the same way
    let out = run(&["--data", file, "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("did you mean `title`"));
}

#[test]
fn check_of_a_missing_file_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.toml");
    cmd()
        .args(["check", path_str(&path)])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains(path_str(&path)).and(predicate::str::contains("No such file")),
        );
}

#[test]
fn check_of_a_directory_says_so() {
    let dir = tempfile::tempdir().unwrap();
    cmd()
        .args(["check", path_str(dir.path())])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains(path_str(dir.path()))
                .and(predicate::str::contains("is a directory")),
        );
}

// ----- list -----

#[test]
fn list_shows_clusters_with_their_occupations_indented() {
    let out = stdout_of(&["list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("Counselling and Mental Health (counselling-and-mental-health)"),
        "{out}"
    );
    let clusters = lines.iter().filter(|l| !l.starts_with(' ')).count();
    let occupations = lines
        .iter()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .count();
    assert_eq!(clusters, 5, "{out}");
    assert_eq!(occupations, 53, "{out}");
    assert_eq!(lines.len(), 58, "no other lines: {out}");
    assert!(
        out.contains("\n  Physiotherapist (physiotherapist)\n"),
        "{out}"
    );
}

#[test]
fn list_json_has_every_cluster_and_occupation() {
    let list = json_of(&["list", "--json"]);
    assert!(!str_field(&list, "title").is_empty());
    let clusters = array(&list, "clusters");
    assert_eq!(clusters.len(), 5);
    let mut total = 0;
    for c in clusters {
        for key in ["id", "name", "summary"] {
            assert!(!str_field(c, key).is_empty(), "{key} of {c}");
        }
        for o in array(c, "occupations") {
            assert!(!str_field(o, "id").is_empty(), "{o}");
            assert!(!str_field(o, "title").is_empty(), "{o}");
            total += 1;
        }
    }
    assert_eq!(total, 53);
    assert_eq!(
        str_field(&clusters[0], "id"),
        "counselling-and-mental-health"
    );
    assert_eq!(
        str_field(&clusters[0], "name"),
        "Counselling and Mental Health"
    );
}

// ----- show -----

#[test]
fn show_an_occupation_as_text() {
    let out = stdout_of(&["show", "physiotherapist"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Physiotherapist");
    for line in [
        "id: physiotherapist",
        "cluster: Rehabilitation (rehabilitation)",
        "NOC 2021: 31202",
        "O*NET-SOC: 29-1123.00 (https://www.onetonline.org/link/summary/29-1123.00)",
        "Summary",
        "What they do",
        "Education",
        "Where they work",
        "Skills",
        "Related occupations",
    ] {
        assert!(lines.contains(&line), "no line {line:?} in:\n{out}");
    }
    // headings come in this order
    let at = |h: &str| lines.iter().position(|l| *l == h).unwrap();
    let order = [
        "Summary",
        "What they do",
        "Education",
        "Where they work",
        "Skills",
        "Related occupations",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{out}");
    assert!(out.contains("  - Kinesiologist (kinesiologist)\n"), "{out}");
}

#[test]
fn show_a_cluster_as_text() {
    let out = stdout_of(&["show", "rehabilitation"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Rehabilitation");
    assert!(lines.contains(&"id: rehabilitation"), "{out}");
    assert!(lines.contains(&"Summary"), "{out}");
    assert!(lines.contains(&"Occupations"), "{out}");
    assert!(
        lines.contains(&"  - Physiotherapist (physiotherapist)"),
        "{out}"
    );
}

#[test]
fn show_json_of_an_occupation_has_every_field() {
    let o = json_of(&["show", "--json", "physiotherapist"]);
    assert_eq!(str_field(&o, "kind"), "occupation");
    assert_eq!(str_field(&o, "id"), "physiotherapist");
    assert_eq!(str_field(&o, "title"), "Physiotherapist");
    assert!(!str_field(&o, "summary").is_empty());
    for key in ["aliases", "duties", "education", "settings", "skills"] {
        let items = array(&o, key);
        assert!(!items.is_empty(), "{key} is empty");
        assert!(items.iter().all(Value::is_string), "{key}: {o}");
    }
    assert!(
        array(&o, "aliases")
            .iter()
            .any(|a| a == "Physical therapist")
    );
    let related = array(&o, "related");
    assert!(!related.is_empty());
    for r in related {
        assert!(
            !str_field(r, "id").is_empty() && !str_field(r, "title").is_empty(),
            "{r}"
        );
    }
    assert!(
        related
            .iter()
            .any(|r| r["id"] == "kinesiologist" && r["title"] == "Kinesiologist")
    );
    assert_eq!(str_field(&o, "noc"), "31202");
    assert_eq!(str_field(&o, "onet"), "29-1123.00");
    assert_eq!(
        str_field(&o, "onet_url"),
        "https://www.onetonline.org/link/summary/29-1123.00"
    );
    assert_eq!(str_field(&o["cluster"], "id"), "rehabilitation");
    assert_eq!(str_field(&o["cluster"], "name"), "Rehabilitation");
}

#[test]
fn show_json_of_a_cluster() {
    let c = json_of(&["show", "--json", "rehabilitation"]);
    assert_eq!(str_field(&c, "kind"), "cluster");
    assert_eq!(str_field(&c, "id"), "rehabilitation");
    assert_eq!(str_field(&c, "name"), "Rehabilitation");
    assert!(
        array(&c, "occupations")
            .iter()
            .any(|o| o["id"] == "physiotherapist")
    );
}

#[test]
fn show_of_an_unknown_id_suggests_the_nearest() {
    cmd()
        .args(["show", "physio"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("did you mean physiotherapist"));
}

// ----- search -----

#[test]
fn search_puts_the_best_match_first_and_starts_every_line_with_a_title() {
    let titles = bundled_titles();
    let out = stdout_of(&["search", "physio"]);
    assert!(out.starts_with("Physiotherapist"), "{out}");
    for line in out.lines() {
        assert!(
            titles.iter().any(|t| line.starts_with(&format!("{t} ("))),
            "line does not start with an occupation title: {line:?}"
        );
    }
}

#[test]
fn search_says_why_each_occupation_matched() {
    let out = stdout_of(&["search", "injur"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(!lines.is_empty());
    for line in &lines {
        // "Title (id) · Cluster · field: matched text"
        let reason = line.rsplit(" · ").next().unwrap();
        let (_field, matched) = reason
            .split_once(": ")
            .unwrap_or_else(|| panic!("no reason on {line:?}"));
        assert!(matched.to_lowercase().contains("injur"), "{line:?}");
    }
    for id in [
        "physiotherapist",
        "occupational-therapist",
        "athletic-therapist",
        "rehabilitation-counsellor",
    ] {
        assert!(
            lines.iter().any(
                |l| l.contains(&format!("({id}) · Rehabilitation · summary: injur"))
                    || l.contains(&format!("({id}) · Rehabilitation · duties: injur"))
            ),
            "{id} missing from:\n{out}"
        );
    }
}

#[test]
fn search_joins_several_words() {
    let out = stdout_of(&["search", "physical", "therapist"]);
    assert!(
        out.starts_with("Physiotherapist (physiotherapist)"),
        "{out}"
    );
}

#[test]
fn search_json_says_which_field_matched() {
    let found = json_of(&["search", "--json", "dietician"]);
    assert_eq!(str_field(&found, "query"), "dietician");
    let first = &array(&found, "results")[0];
    assert_eq!(str_field(first, "title"), "Dietitian");
    assert_eq!(str_field(first, "id"), "dietitian");
    assert_eq!(str_field(&first["matched"], "field"), "also called");
    assert!(first["score"].is_u64(), "{first}");
    assert!(!str_field(&first["cluster"], "id").is_empty());
}

#[test]
fn search_without_results_is_not_an_error() {
    cmd()
        .args(["search", "zzzz"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let found = json_of(&["search", "--json", "zzzz"]);
    assert_eq!(array(&found, "results").len(), 0);
}

#[test]
fn search_text_and_json_give_the_same_order() {
    for query in ["physio", "therapist", "injur"] {
        let plain = stdout_of(&["search", query]);
        let from_text: Vec<String> = plain
            .lines()
            .map(|l| {
                let start = l.find(" (").unwrap() + 2;
                let end = start + l[start..].find(") · ").unwrap();
                l[start..end].to_string()
            })
            .collect();
        let found = json_of(&["search", query, "--json"]);
        let from_json: Vec<String> = array(&found, "results")
            .iter()
            .map(|r| str_field(r, "id").to_string())
            .collect();
        assert!(!from_json.is_empty(), "{query}");
        assert_eq!(from_text, from_json, "{query}");
    }
}

// ----- dump -----

#[test]
fn dump_round_trips_through_check_list_and_show() {
    let dumped = stdout_of(&["dump"]);
    let (_dir, path) = temp_file("dumped.toml", &dumped);
    let file = path_str(&path);
    cmd()
        .args(["check", file])
        .assert()
        .success()
        .stdout(BUNDLED_OK)
        .stderr("");

    let bundled = json_of(&["list", "--json"]);
    assert_eq!(json_of(&["--data", file, "list", "--json"]), bundled);

    for id in [
        "physiotherapist",
        "dietitian",
        "psychologist",
        "rehabilitation",
        "medicine",
    ] {
        assert_eq!(
            json_of(&["--data", file, "show", "--json", id]),
            json_of(&["show", "--json", id]),
            "{id}"
        );
    }
    // the bundled file is dumped as shipped; a catalog read from a file is written out from
    // what was read, and doing that again changes nothing: every field of every entry survived
    let written = stdout_of(&["--data", file, "dump"]);
    let (_dir2, again) = temp_file("again.toml", &written);
    assert_eq!(stdout_of(&["--data", path_str(&again), "dump"]), written);
}

// ----- a closed pipe -----

#[test]
fn list_into_a_pipe_closed_after_one_line_exits_0_quietly() {
    let mut child = std::process::Command::new(BIN)
        .arg("list")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert!(
        first.starts_with("Counselling and Mental Health"),
        "{first}"
    );
    drop(reader);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "{status:?}: {stderr}");
    assert_eq!(stderr, "");
}

/// Stdout is a pipe whose reading end is closed before the command starts, so the very first
/// write fails with a broken pipe, whatever the size of the output and the pipe's buffer.
#[test]
fn every_printing_command_into_a_closed_pipe_exits_0_quietly() {
    for args in [
        &["check"][..],
        &["list"],
        &["list", "--json"],
        &["show", "physiotherapist"],
        &["show", "--json", "rehabilitation"],
        &["search", "therapist"],
        &["search", "--json", "therapist"],
        &["dump"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(BIN)
            .args(args)
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {:?} {}",
            out.status,
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn list_piped_to_head_succeeds_under_pipefail() {
    for command in ["list", "dump"] {
        let out = std::process::Command::new("bash")
            .args(["-c", "set -o pipefail; \"$BIN\" $COMMAND | head -n 1"])
            .env("BIN", BIN)
            .env("COMMAND", command)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{command}: {:?} {}",
            out.status,
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{command}");
        assert_eq!(text(&out.stdout).lines().count(), 1, "{command}");
    }
}

// ----- the browser without a terminal -----

#[test]
fn the_browser_refuses_to_start_without_a_terminal() {
    for term in [None, Some("xterm-256color"), Some("dumb")] {
        let mut cmd = cmd();
        match term {
            Some(term) => cmd.env("TERM", term),
            None => cmd.env_remove("TERM"),
        };
        // assert_cmd gives the child a pipe for stdin and for stdout: neither is a terminal
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "TERM={term:?}: {out:?}");
        assert!(
            out.stdout.is_empty(),
            "TERM={term:?}: {}",
            text(&out.stdout)
        );
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "TERM={term:?}: {stderr}");
        // with TERM=dumb either refusal is right; otherwise it is the missing terminal
        let dumb_ok = term == Some("dumb") && stderr.contains("TERM=dumb");
        assert!(
            stderr.contains("not a terminal") || dumb_ok,
            "TERM={term:?}: {stderr}"
        );
        assert!(stderr.ends_with('\n'), "{stderr:?}");
    }
    // the same with --data: the catalog is fine, the terminal is not
    let (_dir, path) = temp_file("mini.toml", MINI);
    cmd()
        .args(["--data", path_str(&path)])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("not a terminal"));
}

// ----- usage -----

#[test]
fn show_without_an_id_is_a_usage_error() {
    cmd()
        .arg("show")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("Usage"));
}

#[test]
fn help_says_what_running_without_a_command_does() {
    // the doc comment of the argument parser is the help text; it once sat on another item
    let help = stdout_of(&["--help"]);
    assert!(
        help.contains(
            "Without a command, opens the browser: type to filter, arrows to move, F1 for help."
        ),
        "{help}"
    );
    assert!(help.contains("CAREER_CLUSTERS_DATA"), "{help}");
    let short = stdout_of(&["-h"]);
    assert!(
        short.starts_with("Browse occupational clusters in medicine and health"),
        "{short}"
    );
}

#[test]
fn show_gives_preparation_interests_and_career_path_in_text_and_json() {
    let text = stdout_of(&["show", "registered-nurse"]);
    for expected in [
        "preparation: TEER 1 · usually a university degree\n",
        "interests: SIC (Social · Investigative · Conventional)\n",
        "\nWorking conditions\n",
        "\nCareer path\n  1. High school:",
        "\nLeads on to\n  - Nurse Practitioner (nurse-practitioner)\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let kin = json_of(&["show", "--json", "kinesiologist"]);
    assert_eq!(kin["onet_nearest"], Value::Bool(true));
    assert_eq!(kin["teer"], 1);
    assert!(kin["interests"].is_string(), "{kin}");
    assert!(
        kin["career_path"].as_array().is_some_and(|a| a.len() >= 3),
        "{kin}"
    );
    let psych = json_of(&["show", "--json", "psychologist"]);
    assert_eq!(
        psych["onet_codes"].as_array().map(Vec::len),
        Some(2),
        "{psych}"
    );
    let text = stdout_of(&["show", "kinesiologist"]);
    assert!(text.contains("the nearest O*NET equivalent"), "{text}");
}

#[test]
fn teer_scopes_a_search_to_a_preparation_level() {
    let out = stdout_of(&["search", "--json", "teer:3"]);
    let found: Value = serde_json::from_str(&out).expect("json");
    let results = found["results"].as_array().expect("results");
    assert!(!results.is_empty(), "{out}");
    for r in results {
        let id = r["id"].as_str().expect("id");
        let shown = json_of(&["show", "--json", id]);
        assert_eq!(shown["teer"], 3, "{id} is not TEER 3");
    }
}

#[test]
fn search_says_when_the_closest_come_first() {
    let out = stdout_of(&["search", "dentist", "kinesiology"]);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("(no occupation matches every word; closest first)"),
        "{out}"
    );
    assert!(
        out.contains("Dentist (dentist) · Medicine · matches: dentist"),
        "{out}"
    );
    let json = json_of(&["search", "--json", "dentist", "kinesiology"]);
    assert_eq!(json["every_word"], Value::Bool(false), "{json}");
    assert_eq!(json["results"][0]["matched_words"][0], "dentist", "{json}");
    let whole = json_of(&["search", "--json", "nurses"]);
    assert_eq!(whole["every_word"], Value::Bool(true), "{whole}");
    assert_eq!(whole["results"][0]["id"], "registered-nurse", "{whole}");
}

// --- the interest check for scripts and screen readers -----------------------------------------

/// Answers liking the Social and Investigative statements a lot and the rest a little less.
fn social_investigative_answers() -> String {
    career_clusters::interests::ITEMS
        .iter()
        .map(|i| {
            use career_clusters::catalog::Riasec::{Investigative, Social};
            if matches!(i.kind, Social | Investigative) {
                "5"
            } else {
                "2"
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn interests_prints_its_statements_for_a_paper_version() {
    let out = stdout_of(&["interests", "--items"]);
    assert!(
        out.starts_with("How much would you like to do each of these? 1 = dislike a lot"),
        "{out}"
    );
    assert!(out.contains("\n42. "), "{out}");
    let items = json_of(&["interests", "--items", "--json"]);
    assert_eq!(items["statements"].as_array().map(Vec::len), Some(42));
    assert_eq!(items["scale"][4], "like a lot");
}

#[test]
fn interests_scores_answers_and_ranks_clusters_and_occupations() {
    let answers = social_investigative_answers();
    let out = stdout_of(&["interests", "--answers", &answers]);
    for expected in [
        "Social         5.0 ####################\n",
        "Realistic      2.0 ########\n",
        "code: IS",
        "Investigative and Social are tied\n",
        "Social: You like to help",
        "\nClusters\n",
        "\nOccupations\n  strong fit · ",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    let json = json_of(&["interests", "--json", "--answers", &answers]);
    assert_eq!(json["scores"][3]["type"], "Social");
    assert_eq!(json["without_code"], 0);
    let first = &json["occupations"][0];
    assert_eq!(first["band"], "strong fit", "{json}");
    let code = first["interests"].as_str().expect("a code");
    assert!(code.contains('S') && code.contains('I'), "{first}");
}

#[test]
fn interests_matches_a_code_and_narrows_by_preparation() {
    let all = json_of(&["interests", "--json", "--code", "SIA"]);
    let college = json_of(&["interests", "--json", "--code", "sia", "--teer", "2"]);
    assert_eq!(college["code"], "SIA");
    let (a, c) = (
        all["occupations"].as_array().expect("list").len(),
        college["occupations"].as_array().expect("list").len(),
    );
    assert!(c > 0 && c < a, "{c} of {a}");
    assert!(college["other_levels"].as_u64().is_some_and(|n| n > 0));
    for o in college["occupations"].as_array().expect("list") {
        let shown = json_of(&["show", "--json", o["id"].as_str().expect("id")]);
        assert_eq!(shown["teer"], 2);
    }
    let text = stdout_of(&["interests", "--code", "RC", "--teer", "2,3"]);
    assert!(text.contains("left out:"), "{text}");
}

#[test]
fn interests_says_exactly_what_is_wrong_and_exits_2() {
    for (args, message) in [
        (
            vec!["interests"],
            "needs one of --items, --answers LIST or --code CODE",
        ),
        (
            vec!["interests", "--answers", "5,4,3"],
            "--answers has 3 answers; the check has 42 statements",
        ),
        (
            vec!["interests", "--code", "SXA"],
            "--code \"SXA\" is not a Holland code: \"X\" is not one of R I A S E C",
        ),
        (
            vec!["interests", "--code", "SIA", "--teer", "7"],
            "--teer \"7\" is not a preparation level",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let mut answers: Vec<&str> = vec!["3"; 42];
    answers[9] = "9";
    let out = run(&["interests", "--answers", &answers.join(",")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("answer 10 is \"9\"; each answer is 1 to 5"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn dump_of_the_bundled_catalog_is_the_file_as_shipped_with_its_comments() {
    let dumped = stdout_of(&["dump"]);
    let shipped = std::fs::read_to_string("assets/clusters.toml").expect("the bundled file");
    assert_eq!(dumped, shipped);
    assert!(dumped.contains("\n# ----"), "the comments are kept");
    // another catalog is written out from what was read, in the plain shape
    let (_dir, path) = temp_file("mini.toml", MINI);
    let out = stdout_of(&["--data", path_str(&path), "dump"]);
    assert!(out.starts_with("title = \"Mini\""), "{out}");
    let (_dir2, again) = temp_file("again.toml", &out);
    cmd().args(["check", path_str(&again)]).assert().success();
}
