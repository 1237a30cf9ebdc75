//! Bad catalogs, one test per kind of mistake a career-centre editor makes: each asserts the
//! problem is reported at the right line and column with a message and a way to fix it, and that
//! every problem in a file is reported together. Property tests feed arbitrary bytes and random
//! mutations of the bundled catalog to the loader, which must never panic.

use std::io::Write;

use career_clusters::catalog::{BUNDLED_TOML, Catalog, CatalogError, MAX_FILE_BYTES, Problem};
use proptest::prelude::*;

/// A small valid catalog; tests break one line of it. Line numbers are noted on the right.
const GOOD: &str = r#"title = "Test catalog"
description = "For tests."

[[clusters]]
id = "rehabilitation"
name = "Rehabilitation"
summary = "Helping people recover."
education = ["Kinesiology"]

[[clusters.occupations]]
id = "physiotherapist"
title = "Physiotherapist"
summary = "Restores movement."
related = ["kinesiologist"]
noc = "31202"
onet = "29-1123.00"

[[clusters.occupations]]
id = "kinesiologist"
title = "Kinesiologist"
summary = "Studies movement."
"#;

fn problems(text: &str) -> Vec<Problem> {
    match Catalog::from_str(text, "test.toml") {
        Err(CatalogError::Invalid { problems, .. }) => problems,
        Err(other) => panic!("expected problems, got {other}"),
        Ok(_) => panic!("expected problems, the catalog loaded"),
    }
}

fn only(text: &str) -> Problem {
    let mut p = problems(text);
    assert_eq!(p.len(), 1, "{p:#?}");
    p.remove(0)
}

fn at(p: &Problem) -> (usize, usize) {
    (p.line, p.column)
}

#[test]
fn the_good_catalog_loads() {
    let c = Catalog::from_str(GOOD, "test.toml").expect("valid");
    assert_eq!(c.occupations().len(), 2);
}

#[test]
fn toml_syntax_error() {
    let p = only(&GOOD.replace(
        "[[clusters.occupations]]\nid = \"kin",
        "[[clusters.occupations]\nid = \"kin",
    ));
    assert_eq!(p.line, 18);
    assert!(p.message.starts_with("TOML syntax:"), "{}", p.message);
}

#[test]
fn unterminated_string() {
    let p = only(&GOOD.replace(
        "summary = \"Studies movement.\"",
        "summary = \"Studies movement.",
    ));
    assert_eq!(p.line, 21);
    assert!(p.message.contains("TOML syntax"), "{}", p.message);
}

#[test]
fn wrong_value_type() {
    let p = only(&GOOD.replace("summary = \"Restores movement.\"", "summary = 42"));
    assert_eq!(at(&p), (13, 11));
    assert_eq!(
        p.message,
        "`summary` must be text in quotes, not a whole number"
    );
    assert_eq!(p.help.as_deref(), Some("write it as `summary = \"…\"`"));
}

#[test]
fn a_list_that_is_not_a_list() {
    let p = only(&GOOD.replace(
        "education = [\"Kinesiology\"]",
        "education = \"Kinesiology\"",
    ));
    assert_eq!(at(&p), (8, 13));
    assert!(
        p.message.contains("must be a list of text"),
        "{}",
        p.message
    );
}

#[test]
fn a_list_item_of_the_wrong_type() {
    let p = only(&GOOD.replace(
        "education = [\"Kinesiology\"]",
        "education = [\"Kinesiology\", 3]",
    ));
    assert_eq!(at(&p), (8, 29));
    assert!(
        p.message.contains("items of `education` must be text"),
        "{}",
        p.message
    );
}

#[test]
fn missing_required_field_points_at_the_table() {
    let p = only(&GOOD.replace("summary = \"Restores movement.\"\n", ""));
    assert_eq!(at(&p), (10, 1));
    assert_eq!(p.message, "occupation \"physiotherapist\" has no `summary`");
    assert!(p.source_line.contains("[[clusters.occupations]]"));
}

#[test]
fn empty_required_text() {
    let p = only(&GOOD.replace("title = \"Kinesiologist\"", "title = \"   \""));
    assert_eq!(at(&p), (20, 9));
    assert!(p.message.contains("is empty"), "{}", p.message);
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let p = only(&GOOD.replace("title = \"Kinesiologist\"", "titel = \"Kinesiologist\""));
    assert_eq!(at(&p), (20, 1));
    assert_eq!(p.message, "unknown key `titel` in an occupation");
    assert!(
        p.help
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `title`?"),
        "{:?}",
        p.help
    );
}

#[test]
fn unknown_key_in_a_cluster_and_at_the_top() {
    let text = GOOD
        .replace(
            "name = \"Rehabilitation\"",
            "name = \"Rehabilitation\"\nsumary = \"x\"",
        )
        .replace(
            "description = \"For tests.\"",
            "descripton = \"For tests.\"",
        );
    let p = problems(&text);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(at(&p[0]), (2, 1));
    assert!(
        p[0].help
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `description`?")
    );
    assert_eq!(at(&p[1]), (7, 1));
    assert!(
        p[1].help
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `summary`?")
    );
}

#[test]
fn duplicate_occupation_ids_point_at_both_places() {
    let text = GOOD
        .replace("related = [\"kinesiologist\"]\n", "")
        .replace("id = \"kinesiologist\"", "id = \"physiotherapist\"");
    let p = only(&text);
    assert_eq!(at(&p), (18, 6));
    assert_eq!(p.message, "occupation id \"physiotherapist\" is used twice");
    let (first, label) = p.also.as_ref().expect("the first place");
    assert_eq!((first.line, first.column), (11, 6));
    // the related line that pointed at the renamed occupation is reported too
    let text = GOOD.replace("id = \"kinesiologist\"", "id = \"physiotherapist\"");
    assert_eq!(problems(&text).len(), 2);
    assert_eq!(label, "first used here");
}

#[test]
fn duplicate_cluster_ids() {
    let text = format!(
        "{GOOD}\n[[clusters]]\nid = \"rehabilitation\"\nname = \"Again\"\nsummary = \"x\"\n\n[[clusters.occupations]]\nid = \"x\"\ntitle = \"X\"\nsummary = \"x\"\n"
    );
    let p = only(&text);
    assert_eq!(at(&p), (24, 6));
    assert_eq!(p.also.as_ref().map(|(a, _)| a.line), Some(5));
}

#[test]
fn related_id_that_does_not_exist() {
    let p = only(&GOOD.replace(
        "related = [\"kinesiologist\"]",
        "related = [\"kinesologist\"]",
    ));
    assert_eq!(at(&p), (14, 12));
    assert_eq!(p.help.as_deref(), Some("did you mean \"kinesiologist\"?"));
}

#[test]
fn an_occupation_related_to_itself() {
    let p = only(&GOOD.replace(
        "related = [\"kinesiologist\"]",
        "related = [\"physiotherapist\"]",
    ));
    assert_eq!(at(&p), (14, 12));
    assert!(p.message.contains("lists itself"), "{}", p.message);
}

#[test]
fn ids_must_be_kebab_case() {
    let text = GOOD
        .replace("related = [\"kinesiologist\"]\n", "")
        .replace("id = \"kinesiologist\"", "id = \"Kinesio Logist\"");
    let p = only(&text);
    assert_eq!(at(&p), (18, 6));
    assert_eq!(p.help.as_deref(), Some("write it as \"kinesio-logist\""));
}

#[test]
fn malformed_noc_code() {
    let p = only(&GOOD.replace("noc = \"31202\"", "noc = \"3120\""));
    assert_eq!(at(&p), (15, 7));
    assert_eq!(p.message, "NOC code \"3120\" is malformed");
    assert_eq!(p.help.as_deref(), Some("NOC codes look like \"31202\""));
}

#[test]
fn noc_code_without_quotes() {
    let p = only(&GOOD.replace("noc = \"31202\"", "noc = 31202"));
    assert_eq!(at(&p), (15, 7));
    assert!(
        p.help.as_deref().unwrap_or("").contains("leading zeros"),
        "{:?}",
        p.help
    );
}

#[test]
fn malformed_onet_code() {
    let p = only(&GOOD.replace("onet = \"29-1123.00\"", "onet = \"29-1123\""));
    assert_eq!(at(&p), (16, 8));
    assert_eq!(
        p.help.as_deref(),
        Some("O*NET-SOC codes look like \"29-1123.00\"")
    );
}

#[test]
fn an_empty_catalog() {
    let p = only("title = \"Nothing here\"\n");
    assert_eq!(at(&p), (1, 1));
    assert_eq!(p.message, "the catalog has no clusters");
    let p = problems("");
    assert!(
        p.iter().any(|p| p.message == "the catalog has no clusters"),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|p| p.message == "the catalog has no `title`"),
        "{p:#?}"
    );
}

#[test]
fn an_empty_cluster() {
    let text = format!("{GOOD}\n[[clusters]]\nid = \"empty\"\nname = \"Empty\"\nsummary = \"x\"\n");
    let p = only(&text);
    assert_eq!(at(&p), (23, 1));
    assert_eq!(p.message, "cluster \"empty\" has no occupations");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = GOOD
        .replace("title = \"Kinesiologist\"", "titel = \"Kinesiologist\"")
        .replace(
            "related = [\"kinesiologist\"]",
            "related = [\"kinesologist\"]",
        )
        .replace("noc = \"31202\"", "noc = \"312\"")
        .replace("summary = \"Helping people recover.\"", "summary = 1");
    let p = problems(&text);
    let lines: Vec<usize> = p.iter().map(|p| p.line).collect();
    assert_eq!(lines, [7, 14, 15, 20], "{p:#?}");
}

#[test]
fn the_report_names_the_file_and_says_what_to_do() {
    let text = GOOD.replace("title = \"Kinesiologist\"", "titel = \"Kinesiologist\"");
    let err = Catalog::from_str(&text, "centre.toml")
        .expect_err("invalid")
        .to_string();
    let first = err.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "centre.toml: 1 problem in the catalog; fix it and run `career-clusters check centre.toml` again"
    );
    assert!(
        err.contains("centre.toml:20:1: unknown key `titel` in an occupation"),
        "{err}"
    );
    assert!(err.contains("20 | titel = \"Kinesiologist\""), "{err}");
    assert!(err.contains("   | ^^^^^"), "{err}");
}

#[test]
fn invalid_utf8_names_the_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.toml");
    let mut bytes = GOOD.as_bytes().to_vec();
    let at_title = GOOD.find("Restores").expect("summary");
    bytes.splice(at_title..at_title, [0xe9u8, b' ']);
    std::fs::write(&path, bytes).expect("write");
    match Catalog::from_path(&path) {
        Err(CatalogError::Invalid { problems, origin }) => {
            assert!(origin.ends_with("latin1.toml"));
            assert_eq!(problems.len(), 1);
            assert_eq!(at(&problems[0]), (13, 12));
            assert!(problems[0].message.contains("not valid UTF-8"));
        }
        other => panic!("expected an encoding problem, got {other:?}"),
    }
}

#[test]
fn a_missing_file() {
    let err = Catalog::from_path("/nonexistent/catalog.toml".as_ref()).expect_err("missing");
    assert!(matches!(err, CatalogError::Io { .. }));
    let text = err.to_string();
    assert!(text.starts_with("/nonexistent/catalog.toml: "), "{text}");
    assert!(text.contains("No such file"), "{text}");
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = Catalog::from_path(dir.path()).expect_err("a directory");
    assert!(
        err.to_string()
            .ends_with("is a directory, not a catalog file"),
        "{err}"
    );
}

#[test]
fn a_path_through_a_file_is_unreadable() {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    let err = Catalog::from_path(&file.path().join("catalog.toml")).expect_err("not a directory");
    assert!(matches!(err, CatalogError::Io { .. }), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(b"title = \"x\"\n").expect("write");
    // a sparse file: the limit is checked before reading
    file.as_file().set_len(MAX_FILE_BYTES + 1).expect("grow");
    let err = Catalog::from_path(file.path()).expect_err("too large");
    assert!(matches!(err, CatalogError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("limited to"), "{err}");
}

#[test]
fn control_characters_in_text_are_neutralised() {
    let text = GOOD.replace(
        "Restores movement.",
        r"Restores\u001b[2J movement\u001b]0;title\u0007 fast\r\b\tok",
    );
    let c = Catalog::from_str(&text, "x").expect("loads");
    let summary = &c.occupations()[0].summary();
    assert!(!summary.chars().any(|ch| ch.is_control()), "{summary:?}");
    assert!(summary.contains("␛[2J"), "{summary:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = Catalog::from_str(&text, "fuzz.toml");
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Catalog::from_str(&text, "fuzz.toml");
    }

    #[test]
    fn mutations_of_the_bundled_catalog_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<char>()), 1..8)
    ) {
        let mut chars: Vec<char> = BUNDLED_TOML.chars().collect();
        for (at, op, ch) in edits {
            let i = at.index(chars.len());
            match op {
                0 => { chars.remove(i); }
                1 => chars.insert(i, ch),
                2 => chars[i] = ch,
                _ => {
                    // duplicate a slice, as a careless copy-paste would
                    let end = (i + 40).min(chars.len());
                    let copy: Vec<char> = chars[i..end].to_vec();
                    chars.splice(i..i, copy);
                }
            }
        }
        let text: String = chars.into_iter().collect();
        match Catalog::from_str(&text, "mutated.toml") {
            Ok(c) => prop_assert!(!c.clusters().is_empty()),
            Err(CatalogError::Invalid { problems, .. }) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(p.line >= 1 && p.column >= 1);
                    prop_assert!(!p.source_line.chars().any(|c| c.is_control()));
                }
            }
            Err(other) => prop_assert!(false, "unexpected error kind: {other}"),
        }
    }
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_before_reading() {
    let err = Catalog::from_path("/dev/zero".as_ref()).expect_err("not a regular file");
    assert!(matches!(err, CatalogError::NotRegular { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "/dev/zero: not a regular file (it is a character device); give the path of a regular file"
    );
}

// --- the second round of the format: interests, several O*NET codes, career paths --------------

/// GOOD with the physiotherapist's `onet` line (line 16) replaced by `lines`.
fn with_physio(lines: &str) -> String {
    GOOD.replace("onet = \"29-1123.00\"\n", &format!("{lines}\n"))
}

#[test]
fn the_new_fields_load_and_round_trip() {
    let text = with_physio(
        "onet = [\"29-1123.00\", \"31-2021.00\"]\nonet_nearest = true\ninterests = \"sir\"\n\
         working_conditions = [\"Days, some evenings\"]\ncareer_path = [\"High school: biology\", \"Master's\"]\n\
         advances_to = [\"kinesiologist\"]",
    );
    let c = Catalog::from_str(&text, "test.toml").expect("valid");
    let physio = c.occupation(c.occupation_by_id("physiotherapist").expect("physio"));
    assert_eq!(physio.onet(), Some("29-1123.00"));
    assert_eq!(physio.onet_codes().len(), 2);
    assert!(physio.onet_nearest());
    assert_eq!(
        career_clusters::catalog::interest_letters(physio.interests()),
        "SIR"
    );
    assert_eq!(
        physio.teer().map(|t| t.label()).as_deref(),
        Some("TEER 1 · usually a university degree")
    );
    assert_eq!(physio.career_path().len(), 2);
    assert_eq!(physio.advances_to().len(), 1);
    let again = Catalog::from_str(&c.to_toml().expect("toml"), "dumped").expect("loads");
    assert_eq!(again, c);
}

#[test]
fn a_bad_holland_code_is_placed_and_explained() {
    for (code, why) in [
        ("SXA", "\"X\" is not one of R I A S E C"),
        ("SIAE", "it has 4 letters"),
        ("SSI", "Social (S) is there twice"),
    ] {
        let p = only(&with_physio(&format!("interests = \"{code}\"")));
        assert_eq!(at(&p), (16, 13), "{code}: {p:?}");
        assert!(p.message.contains(why), "{code}: {}", p.message);
        assert!(
            p.help.as_deref().unwrap_or("").contains("R I A S E C"),
            "{p:?}"
        );
    }
}

#[test]
fn several_onet_codes_are_checked_one_by_one() {
    let p = only(&with_physio("onet = [\"29-1123.00\", \"29-112\"]"));
    assert_eq!(at(&p), (16, 23), "{p:?}");
    assert!(
        p.message.contains("\"29-112\" is malformed"),
        "{}",
        p.message
    );
    let p = only(&with_physio("onet = [\"29-1123.00\", \"29-1123.00\"]"));
    assert!(p.message.contains("listed twice"), "{}", p.message);
}

#[test]
fn onet_nearest_is_true_or_false_and_needs_a_code() {
    let p = only(&with_physio("onet_nearest = \"yes\""));
    assert_eq!(at(&p), (16, 16), "{p:?}");
    assert!(p.message.contains("must be true or false"), "{}", p.message);
    let p = only(&with_physio("onet_nearest = true"));
    assert!(
        p.message.contains("marks codes it does not have"),
        "{}",
        p.message
    );
}

#[test]
fn advances_to_names_another_occupation() {
    let p = only(&with_physio("advances_to = [\"kinesiolgist\"]"));
    assert_eq!(at(&p), (16, 16), "{p:?}");
    assert!(
        p.message.contains("advances_to id \"kinesiolgist\""),
        "{}",
        p.message
    );
    assert_eq!(p.help.as_deref(), Some("did you mean \"kinesiologist\"?"));
    let p = only(&with_physio("advances_to = [\"physiotherapist\"]"));
    assert!(
        p.message.contains("lists itself in `advances_to`"),
        "{}",
        p.message
    );
}

#[test]
fn a_syntax_error_does_not_hide_the_other_problems() {
    // three mistakes: a misspelt key and a broken related id, then an unclosed string at the end
    let text = GOOD
        .replace("title = \"Physiotherapist\"", "titel = \"Physiotherapist\"")
        .replace(
            "related = [\"kinesiologist\"]",
            "related = [\"kinesiolgist\"]",
        )
        .replace(
            "summary = \"Studies movement.\"",
            "summary = \"Studies movement.",
        );
    let found = problems(&text);
    let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
    assert!(
        found.iter().any(|p| p.message.starts_with("TOML syntax")),
        "{messages:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.message.contains("unknown key `titel`")),
        "{messages:#?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.message.contains("related id \"kinesiolgist\"")),
        "{messages:#?}"
    );
}

#[test]
fn occupations_at_the_top_are_told_where_they_belong() {
    let text = GOOD.replacen("[[clusters.occupations]]", "[[occupations]]", 1);
    let found = problems(&text);
    let p = found
        .iter()
        .find(|p| p.message.contains("unknown key `occupations`"))
        .expect("the stray table is reported");
    assert!(
        p.help
            .as_deref()
            .unwrap_or("")
            .contains("write `[[clusters.occupations]]` below its `[[clusters]]`"),
        "{p:?}"
    );
}

#[test]
fn a_missing_closing_quote_in_a_list_is_one_message_where_the_quote_belongs() {
    let with_list = |list: &str| {
        GOOD.replace(
            "education = [\"Kinesiology\"]",
            &format!("education = {list}"),
        )
    };
    for (list, line, column, item) in [
        // the string swallows the comma and the next item's opening quote
        (r#"["Kinesiology, "Physiology"]"#, 8, 26, "Kinesiology"),
        // the last item runs on to the end of the line, swallowing the bracket
        (r#"["Kinesiology", "Physiology]"#, 8, 40, "Physiology"),
        // a list over several lines: the quote is missing before the comma
        (
            "[\n  \"Kinesiology\",\n  \"Physiology,\n  \"Anatomy\",\n]",
            10,
            14,
            "Physiology",
        ),
    ] {
        let p = only(&with_list(list));
        assert_eq!(at(&p), (line, column), "{list}: {p:?}");
        assert_eq!(
            p.message,
            format!(
                "a string in this list has no closing quote: a \" probably belongs after \"{item}\""
            ),
            "{list}"
        );
        assert!(
            p.help
                .as_deref()
                .unwrap_or("")
                .contains("in quotes, separated by commas"),
            "{p:?}"
        );
    }
}

#[test]
fn a_missing_quote_in_a_list_does_not_hide_a_syntax_error_in_another_table() {
    let text = GOOD
        .replace(
            "education = [\"Kinesiology\"]",
            "education = [\"Kinesiology, \"Physiology\"]",
        )
        .replace(
            "summary = \"Studies movement.\"",
            "summary = \"Studies movement.",
        );
    let found = problems(&text);
    let messages: Vec<String> = found
        .iter()
        .map(|p| format!("{}: {}", p.line, p.message))
        .collect();
    assert_eq!(found.len(), 2, "{messages:#?}");
    assert!(
        found[0].message.starts_with("a string in this list"),
        "{messages:#?}"
    );
    assert_eq!(found[1].line, 21, "{messages:#?}");
    assert!(found[1].message.starts_with("TOML syntax"), "{messages:#?}");
}
