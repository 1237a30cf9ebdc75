//! Handout tests: what `career_clusters::export` puts in a handout, and how it writes files.
//!
//! Covered: the Markdown handout of the physiotherapist (cluster, summary, duties, education,
//! settings, related occupations with their cluster when it is another one, NOC and O*NET codes
//! and the O*NET OnLine link) and its HTML twin (a standalone document, no script); catalog text
//! full of markup (`<script>`, `*stars*`, `[x](y)`) shown literally in both formats; empty
//! sections and absent codes left out; a cluster handout; choosing the subject from ids (order,
//! duplicates, unknown ids with suggestions, a cluster mixed with other ids, no ids); writing
//! atomically (no temporary file left behind), never over an existing file, numbered names
//! (`-2`, `-3`), a directory that is a file, and a missing directory. Then the real binary:
//! `export` to stdout, to `-o FILE`, refusing an existing file, an unknown id, HTML, `--data`.

#[path = "support/command.rs"]
mod command;
use command::cli as cmd;
use std::fs;
use std::path::{Path, PathBuf};

use career_clusters::atomic::WriteError;
use career_clusters::catalog::Catalog;
use career_clusters::export::{
    self, DEFAULT_STEM, ExportError, Format, Subject, render, subject_from_ids, write_new,
    write_unique,
};
use predicates::prelude::*;
use tempfile::TempDir;

const ONET_LINK: &str = "https://www.onetonline.org/link/summary/29-1123.00";

/// A catalog whose text is full of markup that must be shown, never obeyed.
const HOSTILE: &str = r##"title = "Tricky <b>catalog</b> & co"

[[clusters]]
id = "tricky"
name = "Tricky *cluster*"
summary = "Has <script>alert('x')</script> in it."
description = "First [x](y) paragraph.\n\n# Not a heading"
education = ["_underscored_ studies"]

[[clusters.occupations]]
id = "hacker"
title = "Hacker <script>alert(1)</script>"
summary = "Uses *stars* and [x](y) and `code` and \\ backslash."
duties = ["- not a list item", "# not a heading", "1. not numbered"]
skills = ["Quoting \"double\" and 'single' & ampersands"]
related = ["plain", "far"]

[[clusters.occupations]]
id = "plain"
title = "Plain"
summary = "Nothing to see."

[[clusters]]
id = "elsewhere"
name = "Elsewhere"
summary = "Another cluster."

[[clusters.occupations]]
id = "far"
title = "Far Away"
summary = "In another cluster."
noc = "31202"
"##;

fn bundled() -> Catalog {
    Catalog::bundled().expect("the bundled catalog is valid")
}

fn hostile() -> Catalog {
    Catalog::from_str(HOSTILE, "hostile.toml").expect("the hostile catalog is valid")
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn occupations(catalog: &Catalog, list: &[&str]) -> Subject {
    subject_from_ids(catalog, &ids(list)).expect("known ids")
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the directory is readable")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------------------------
// Content

#[test]
fn markdown_handout_of_the_physiotherapist_has_every_section() {
    let catalog = bundled();
    let md = render(
        &catalog,
        &occupations(&catalog, &["physiotherapist"]),
        Format::Markdown,
    );
    for expected in [
        "# Career handout\n",
        "Source: Occupational Clusters in Medicine & Health\n",
        "## Physiotherapist\n",
        "**Cluster:** Rehabilitation\n",
        "Helps people recover movement and reduce pain after an injury, surgery or illness",
        "### What they do\n",
        "- Assess movement, strength and physical function\n",
        "### Education\n",
        "- Master's degree in physiotherapy\n",
        "### Where they work\n",
        "- Private clinics\n",
        "### Skills\n",
        "- Active listening\n",
        "### Related occupations\n",
        "- Kinesiologist\n",
        "- Chiropractor\n",
        "**NOC 2021:** 31202",
        "**O\\*NET-SOC:** 29-1123.00",
        &format!("<{ONET_LINK}>"),
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    // sections in the order a reader expects
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing"));
    assert!(at("What they do") < at("### Education"));
    assert!(at("### Education") < at("Where they work"));
    assert!(at("Where they work") < at("### Skills"));
    assert!(at("### Skills") < at("Related occupations"));
    assert!(at("Related occupations") < at("31202"));
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
}

#[test]
fn markdown_handout_keeps_the_given_order_of_occupations() {
    let catalog = bundled();
    let md = render(
        &catalog,
        &occupations(&catalog, &["kinesiologist", "physiotherapist"]),
        Format::Markdown,
    );
    let kin = md.find("## Kinesiologist").expect("kinesiologist");
    let physio = md.find("## Physiotherapist").expect("physiotherapist");
    assert!(kin < physio);
    assert_eq!(md.matches("# Career handout").count(), 1);
}

#[test]
fn html_handout_is_a_standalone_document_without_script() {
    let catalog = bundled();
    let html = render(
        &catalog,
        &occupations(&catalog, &["physiotherapist"]),
        Format::Html,
    );
    assert!(html.starts_with("<!doctype html>\n"), "{html}");
    for expected in [
        "<meta charset=\"utf-8\">",
        "<title>Career handout</title>",
        "<style>",
        "<h1>Career handout</h1>",
        "<p class=\"source\">Source: Occupational Clusters in Medicine &amp; Health</p>",
        "<h2>Physiotherapist</h2>",
        "<strong>Cluster:</strong> Rehabilitation",
        "<h3>What they do</h3>",
        "<li>Master&#39;s degree in physiotherapy</li>",
        "<h3>Where they work</h3>",
        "<li>Chiropractor</li>",
        "<strong>NOC 2021:</strong> 31202",
        &format!("<a href=\"{ONET_LINK}\">{ONET_LINK}</a>"),
    ] {
        assert!(html.contains(expected), "missing {expected:?} in:\n{html}");
    }
    assert!(html.trim_end().ends_with("</html>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script: {html}");
    assert!(!lower.contains("javascript:"));
    assert!(!lower.contains(" src="), "loads nothing");
}

#[test]
fn markup_in_catalog_text_is_shown_literally_in_markdown() {
    let catalog = hostile();
    let md = render(
        &catalog,
        &occupations(&catalog, &["hacker"]),
        Format::Markdown,
    );
    for expected in [
        "Source: Tricky \\<b>catalog\\</b> & co",
        "## Hacker \\<script>alert(1)\\</script>\n",
        "Uses \\*stars\\* and \\[x\\](y) and \\`code\\` and \\\\ backslash.",
        "- \\- not a list item\n",
        "- \\# not a heading\n",
        "- 1\\. not numbered\n",
        "**Cluster:** Tricky \\*cluster\\*",
        "### Related occupations\n\n- Plain\n- Far Away (Elsewhere cluster)\n",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    // every `<` is escaped, except the ones of autolinks
    for (at, _) in md.match_indices('<') {
        assert!(
            md[..at].ends_with('\\') || md[at..].starts_with("<https://"),
            "unescaped < at {at}:\n{md}"
        );
    }
    assert!(!md.contains("*stars*"), "{md}");
    assert!(!md.contains("[x](y)"), "{md}");
}

#[test]
fn markup_in_catalog_text_is_escaped_in_html() {
    let catalog = hostile();
    let html = render(&catalog, &occupations(&catalog, &["hacker"]), Format::Html);
    for expected in [
        "<title>Career handout</title>",
        "Source: Tricky &lt;b&gt;catalog&lt;/b&gt; &amp; co",
        "<h2>Hacker &lt;script&gt;alert(1)&lt;/script&gt;</h2>",
        "Uses *stars* and [x](y) and `code` and \\ backslash.",
        "<li>Quoting &quot;double&quot; and &#39;single&#39; &amp; ampersands</li>",
        "<li>Far Away (Elsewhere cluster)</li>",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in:\n{html}");
    }
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
}

#[test]
fn empty_sections_and_absent_codes_are_left_out() {
    let catalog = hostile();
    let plain = occupations(&catalog, &["plain"]);
    let md = render(&catalog, &plain, Format::Markdown);
    for absent in [
        "What they do",
        "Education",
        "Where they work",
        "Skills",
        "Related",
        "Also called",
        "NOC",
        "O\\*NET",
        "onetonline",
    ] {
        assert!(!md.contains(absent), "{absent:?} should be left out:\n{md}");
    }
    assert!(md.contains("## Plain\n\n**Cluster:** Tricky \\*cluster\\*\n\nNothing to see.\n"));
    let html = render(&catalog, &plain, Format::Html);
    // the one list is the "Next steps" to write in
    assert_eq!(html.matches("<ul>").count(), 1, "{html}");
    assert!(!html.contains("onetonline"), "{html}");

    // a NOC code without an O*NET code: only the NOC code is shown
    let far = render(&catalog, &occupations(&catalog, &["far"]), Format::Markdown);
    assert!(
        far.contains("### Occupation codes\n\n- **NOC 2021:** 31202, on Statistics Canada's site at <https://www23.statcan.gc.ca/"),
        "{far}"
    );
    assert!(!far.contains("O\\*NET"), "{far}");
}

#[test]
fn cluster_handout_has_its_fields_and_every_occupation() {
    let catalog = bundled();
    let subject = subject_from_ids(&catalog, &ids(&["rehabilitation"])).expect("a cluster");
    assert!(matches!(subject, Subject::Cluster(_)));
    let md = render(&catalog, &subject, Format::Markdown);
    assert!(
        md.starts_with(
            "# Rehabilitation\n\nSource: Occupational Clusters in Medicine & Health\n\n"
        )
    );
    for expected in [
        "Helping people recover from injury, manage pain",
        "Rehabilitation careers help people get back as much ability",
        "## Educational backgrounds\n",
        "- Kinesiology\n",
        "## Where people work\n",
        "- Workplaces and return-to-work programs\n",
        "## Occupations\n",
        "### Physiotherapist\n\nHelps people recover movement",
        "### Kinesiologist\n",
        "**NOC 2021:** 31202",
        ONET_LINK,
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    let rehab = catalog
        .cluster_by_id("rehabilitation")
        .expect("rehabilitation");
    for &o in catalog.cluster(rehab).occupations() {
        let title = &catalog.occupation(o).title();
        assert!(md.contains(&format!("### {title}\n")), "{title} missing");
    }
    // a cluster handout lists occupations, it does not repeat their duties
    assert!(!md.contains("What they do"));

    let html = render(&catalog, &subject, Format::Html);
    assert!(html.contains("<title>Rehabilitation</title>"));
    assert!(html.contains("<h1>Rehabilitation</h1>"));
    assert!(html.contains("<h3>Physiotherapist</h3>"));
}

#[test]
fn cluster_description_paragraphs_stay_paragraphs_and_literal() {
    let catalog = hostile();
    let subject = subject_from_ids(&catalog, &ids(&["tricky"])).expect("a cluster");
    let md = render(&catalog, &subject, Format::Markdown);
    assert!(
        md.contains("\nFirst \\[x\\](y) paragraph.\n\n\\# Not a heading\n"),
        "{md}"
    );
    assert!(md.contains("- \\_underscored\\_ studies\n"), "{md}");
    let html = render(&catalog, &subject, Format::Html);
    assert!(html.contains("<p>First [x](y) paragraph.</p>\n<p># Not a heading</p>"));
    assert!(html.contains("<title>Tricky *cluster*</title>"));
}

// ---------------------------------------------------------------------------------------------
// Choosing the subject

#[test]
fn occupation_ids_keep_their_order_without_duplicates() {
    let catalog = bundled();
    let subject = subject_from_ids(
        &catalog,
        &ids(&["kinesiologist", " physiotherapist ", "kinesiologist", ""]),
    )
    .expect("known ids");
    let expected = ["kinesiologist", "physiotherapist"]
        .map(|id| catalog.occupation_by_id(id).expect("known"))
        .to_vec();
    assert_eq!(subject, Subject::Occupations(expected));
}

#[test]
fn an_unknown_id_is_named_with_suggestions() {
    let catalog = bundled();
    let err = subject_from_ids(&catalog, &ids(&["kinesiologist", "physio"])).unwrap_err();
    assert!(matches!(&err, ExportError::UnknownId { id, .. } if id == "physio"));
    let message = err.to_string();
    assert!(message.contains("\"physio\""), "{message}");
    assert!(
        message.contains("did you mean physiotherapist"),
        "{message}"
    );
}

#[test]
fn a_cluster_id_must_stand_alone() {
    let catalog = bundled();
    for list in [
        &["rehabilitation", "physiotherapist"][..],
        &["physiotherapist", "rehabilitation"],
        &["rehabilitation", "medicine"],
    ] {
        let err = subject_from_ids(&catalog, &ids(list)).unwrap_err();
        assert!(
            matches!(err, ExportError::ClusterNotAlone { .. }),
            "{list:?}: {err}"
        );
        assert!(err.to_string().contains("one cluster id"), "{err}");
    }
    // the same cluster twice is still one cluster
    assert!(matches!(
        subject_from_ids(&catalog, &ids(&["rehabilitation", "rehabilitation"])),
        Ok(Subject::Cluster(_))
    ));
}

#[test]
fn no_ids_is_an_error() {
    let catalog = bundled();
    for list in [&[][..], &[""], &[" ", ""]] {
        assert!(matches!(
            subject_from_ids(&catalog, &ids(list)),
            Err(ExportError::NoIds)
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Writing files

#[test]
fn write_new_writes_atomically_and_leaves_no_temporary_file() {
    let dir = TempDir::new().expect("a temporary directory");
    let path = dir.path().join("handout.md");
    let written = write_new(&path, "# Hello\n").expect("written");
    assert!(written.is_absolute());
    assert_eq!(written, path);
    assert_eq!(fs::read_to_string(&path).expect("readable"), "# Hello\n");
    assert_eq!(names_in(dir.path()), ["handout.md"]);
}

/// The process's umask, from `/proc/self/status` (Linux); `None` where that is not available.
fn umask() -> Option<u32> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("Umask:"))?;
    u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
}

#[cfg(unix)]
#[test]
fn a_written_handout_gets_the_permissions_of_a_new_file_not_a_private_temporary_one() {
    use std::os::unix::fs::PermissionsExt;
    let Some(umask) = umask() else {
        eprintln!("skipped: the umask cannot be read here");
        return;
    };
    let dir = TempDir::new().expect("a temporary directory");
    let path = dir.path().join("handout.md");
    write_new(&path, "x").expect("written");
    let unique = write_unique(dir.path(), DEFAULT_STEM, Format::Html, "x").expect("written");
    for path in [path, unique] {
        let mode = fs::metadata(&path).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask, "{}: {mode:o}", path.display());
    }
}

#[test]
fn write_new_never_overwrites() {
    let dir = TempDir::new().expect("a temporary directory");
    let path = dir.path().join("handout.md");
    let original = b"the advisor's notes\n\x00\xff binary too";
    fs::write(&path, original).expect("written");
    let err = write_new(&path, "a new handout").unwrap_err();
    assert!(
        matches!(&err, ExportError::Write(WriteError::Exists(p)) if p == &path),
        "{err}"
    );
    let message = err.to_string();
    assert!(message.contains("already exists"), "{message}");
    assert!(
        message.ends_with("; choose another name with -o or remove it"),
        "{message}"
    );
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert_eq!(fs::read(&path).expect("readable"), original);
    assert_eq!(
        names_in(dir.path()),
        ["handout.md"],
        "no temporary file left"
    );
}

#[test]
fn write_unique_numbers_names_and_never_overwrites() {
    let dir = TempDir::new().expect("a temporary directory");
    let first = write_unique(dir.path(), DEFAULT_STEM, Format::Markdown, "one").expect("first");
    let second = write_unique(dir.path(), DEFAULT_STEM, Format::Markdown, "two").expect("second");
    let third = write_unique(dir.path(), DEFAULT_STEM, Format::Markdown, "three").expect("third");
    assert_eq!(first, dir.path().join("career-handout.md"));
    assert_eq!(second, dir.path().join("career-handout-2.md"));
    assert_eq!(third, dir.path().join("career-handout-3.md"));
    assert!(first.is_absolute() && second.is_absolute() && third.is_absolute());
    assert_eq!(fs::read_to_string(&first).expect("readable"), "one");
    assert_eq!(fs::read_to_string(&second).expect("readable"), "two");
    assert_eq!(fs::read_to_string(&third).expect("readable"), "three");
    let html = write_unique(dir.path(), DEFAULT_STEM, Format::Html, "<p>").expect("html");
    assert_eq!(html, dir.path().join("career-handout.html"));
    assert_eq!(
        names_in(dir.path()),
        [
            "career-handout-2.md",
            "career-handout-3.md",
            "career-handout.html",
            "career-handout.md"
        ]
    );
}

#[test]
fn write_unique_returns_an_absolute_path_for_a_relative_directory() {
    // A directory under the target directory, named relative to the working directory (the
    // package root when cargo runs tests); the process's working directory is never changed.
    let dir = tempfile::Builder::new()
        .prefix("export-test-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("a temporary directory");
    let cwd = std::env::current_dir().expect("a working directory");
    let Ok(relative) = dir.path().strip_prefix(&cwd) else {
        eprintln!("skipped: the target directory is not under the working directory");
        return;
    };
    assert!(relative.is_relative());
    let path = write_unique(relative, DEFAULT_STEM, Format::Markdown, "x").expect("written");
    assert!(path.is_absolute(), "{}", path.display());
    assert_eq!(path, dir.path().join("career-handout.md"));
    assert_eq!(fs::read_to_string(&path).expect("readable"), "x");
}

#[test]
fn write_unique_fills_the_first_free_number() {
    let dir = TempDir::new().expect("a temporary directory");
    fs::write(dir.path().join("career-handout.md"), "old").expect("written");
    fs::write(dir.path().join("career-handout-3.md"), "old 3").expect("written");
    let path = write_unique(dir.path(), DEFAULT_STEM, Format::Markdown, "new").expect("written");
    assert_eq!(path, dir.path().join("career-handout-2.md"));
    assert_eq!(
        fs::read_to_string(dir.path().join("career-handout.md")).expect("readable"),
        "old"
    );
    let next = write_unique(dir.path(), DEFAULT_STEM, Format::Markdown, "next").expect("written");
    assert_eq!(next, dir.path().join("career-handout-4.md"));
    assert_eq!(
        fs::read_to_string(dir.path().join("career-handout-3.md")).expect("readable"),
        "old 3"
    );
}

#[test]
fn write_unique_refuses_a_stem_that_is_a_path() {
    let dir = TempDir::new().expect("a temporary directory");
    for stem in ["", "..", "sub/handout"] {
        let err = write_unique(dir.path(), stem, Format::Markdown, "x").unwrap_err();
        assert!(
            matches!(err, ExportError::Write(WriteError::NotAFileName(_))),
            "{stem:?}: {err}"
        );
    }
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_directory_that_is_a_file_is_unwritable() {
    // Tests may run as root, whom permissions do not stop; a file in the directory's place does.
    let dir = TempDir::new().expect("a temporary directory");
    let file = dir.path().join("file.txt");
    fs::write(&file, "not a directory").expect("written");
    let target = file.join("handout.md");
    let err = write_new(&target, "x").unwrap_err();
    assert!(
        matches!(&err, ExportError::Write(WriteError::Unwritable { dir, .. }) if dir == &file),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(message.contains("not a directory"), "{message}");

    let deeper = write_new(&file.join("sub").join("handout.md"), "x").unwrap_err();
    assert!(
        matches!(deeper, ExportError::Write(WriteError::Unwritable { .. })),
        "{deeper:?}"
    );
    let unique = write_unique(&file, DEFAULT_STEM, Format::Html, "x").unwrap_err();
    assert!(
        matches!(unique, ExportError::Write(WriteError::Unwritable { .. })),
        "{unique:?}"
    );
    assert_eq!(
        fs::read_to_string(&file).expect("readable"),
        "not a directory"
    );
    assert_eq!(names_in(dir.path()), ["file.txt"]);
}

#[test]
fn a_missing_directory_is_reported_with_the_os_reason() {
    let dir = TempDir::new().expect("a temporary directory");
    let missing = dir.path().join("no-such-dir");
    let err = write_new(&missing.join("handout.md"), "x").unwrap_err();
    assert!(
        matches!(&err, ExportError::Write(WriteError::MissingDirectory { dir, .. }) if dir == &missing),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains(&missing.display().to_string()),
        "{message}"
    );
    assert!(message.contains("does not exist"), "{message}");
    assert!(message.contains("os error"), "the OS's reason: {message}");
    assert!(!missing.exists(), "the directory is not created");
    let unique = write_unique(&missing, DEFAULT_STEM, Format::Markdown, "x").unwrap_err();
    assert!(matches!(
        unique,
        ExportError::Write(WriteError::MissingDirectory { .. })
    ));
}

#[test]
fn a_path_without_a_file_name_is_refused() {
    let dir = TempDir::new().expect("a temporary directory");
    for path in [
        PathBuf::from("/"),
        dir.path().join(".."),
        PathBuf::from(format!("{}/sub/", dir.path().display())),
    ] {
        let err = write_new(&path, "x").unwrap_err();
        assert!(
            matches!(err, ExportError::Write(WriteError::NotAFileName(_))),
            "{path:?}: {err}"
        );
    }
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_rendered_handout_round_trips_through_a_file() {
    let catalog = bundled();
    let subject = occupations(&catalog, &["physiotherapist"]);
    let html = export::render(&catalog, &subject, Format::Html);
    let dir = TempDir::new().expect("a temporary directory");
    let path = write_unique(dir.path(), DEFAULT_STEM, Format::Html, &html).expect("written");
    assert_eq!(fs::read_to_string(path).expect("readable"), html);
}

// ---------------------------------------------------------------------------------------------
// The command

/// Physiotherapist, kinesiologist and occupational therapist: the three share work settings.
fn comparison(catalog: &Catalog) -> Subject {
    export::comparison(occupations(
        catalog,
        &["physiotherapist", "kinesiologist", "occupational-therapist"],
    ))
    .expect("three occupations")
}

#[test]
fn a_comparison_handout_is_the_side_by_side_table_with_shared_items_marked() {
    let catalog = bundled();
    let md = export::render_dated(&catalog, &comparison(&catalog), Format::Markdown, None, "x");
    assert!(
        md.starts_with("# Comparing Physiotherapist, Kinesiologist and Occupational Therapist\n"),
        "{md}"
    );
    // the facts as one table, a column per occupation, with working links
    assert!(
        md.contains(
            "|  | Physiotherapist | Kinesiologist | Occupational Therapist |\n|---|---|---|---|\n"
        ),
        "{md}"
    );
    let row = |label: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| **{label}** |")))
            .unwrap_or_else(|| panic!("no {label} row: {md}"))
            .to_string()
    };
    assert_eq!(
        row("Cluster"),
        "| **Cluster** | Rehabilitation | Rehabilitation | Rehabilitation |"
    );
    assert!(row("NOC 2021").contains("31202 <https://www23.statcan.gc.ca/"));
    assert!(row("O\\*NET-SOC").contains(&format!("29-1123.00 <{ONET_LINK}>")));
    // each section a table; an item another one shares is marked, the others are not
    let settings = md
        .split("### Where they work\n")
        .nth(1)
        .expect("a Where they work table");
    let table: Vec<&str> = settings
        .lines()
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(
        table[0],
        "| Physiotherapist | Kinesiologist | Occupational Therapist |"
    );
    assert!(table[2].starts_with("| **◆** Hospitals |"), "{table:?}");
    assert!(
        table.iter().any(|r| r.contains("| Private clinics |")),
        "not shared: {table:?}"
    );
    assert!(md.contains("**◆** marks what another occupation in this comparison shares."));
    // then each in full, and the page to write on
    assert!(md.contains("\n## Occupational Therapist\n"), "{md}");
    assert!(md.contains("\n## Next steps\n"), "{md}");
}

#[test]
fn a_comparison_handout_in_html_is_a_printable_table() {
    let catalog = bundled();
    let html = render(&catalog, &comparison(&catalog), Format::Html);
    assert!(html.contains(
        "<table>\n<thead><tr><th scope=\"col\"></th><th scope=\"col\">Physiotherapist</th>"
    ));
    assert!(
        html.contains("<td><strong>◆</strong> Hospitals</td>"),
        "{html}"
    );
    assert!(
        html.contains("tr { break-inside: avoid;"),
        "rows are not split over pages"
    );
    assert!(html.contains(&format!("<a href=\"{ONET_LINK}\">")));
}

#[test]
fn cli_compares_two_or_three_occupations_and_says_so_otherwise() {
    let out = cmd()
        .args([
            "export",
            "--compare",
            "--ids",
            "physiotherapist,kinesiologist",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).expect("UTF-8");
    assert!(
        md.starts_with("# Comparing Physiotherapist and Kinesiologist\n"),
        "{md}"
    );
    for (ids, said) in [
        ("physiotherapist", "one was given"),
        (
            "physiotherapist,kinesiologist,dietitian,pharmacist",
            "4 were given",
        ),
        ("rehabilitation", "a cluster was given"),
    ] {
        cmd()
            .args(["export", "--compare", "--ids", ids])
            .assert()
            .failure()
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "a comparison lays two or three occupations side by side; {said}"
            )));
    }
}

#[test]
fn cli_exports_markdown_to_stdout() {
    let catalog = bundled();
    let expected = render(
        &catalog,
        &occupations(&catalog, &["physiotherapist", "kinesiologist"]),
        Format::Markdown,
    );
    cmd()
        .args(["export", "--ids", "physiotherapist,kinesiologist"])
        .assert()
        .success()
        .stdout(expected)
        .stderr("");
}

#[test]
fn cli_exports_html_of_a_cluster() {
    let output = cmd()
        .args(["export", "--ids", "rehabilitation", "--format", "html"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(output).expect("UTF-8");
    assert!(html.starts_with("<!doctype html>"), "{html}");
    assert!(html.contains("<h1>Rehabilitation</h1>"));
    assert!(html.contains(&format!("<a href=\"{ONET_LINK}\">")));
}

#[test]
fn cli_writes_a_new_file_with_o_and_says_where() {
    let dir = TempDir::new().expect("a temporary directory");
    let path = dir.path().join("client.html");
    cmd()
        .args([
            "export",
            "--ids",
            "physiotherapist",
            "--format",
            "html",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout(format!("wrote handout to {}\n", path.display()))
        .stderr("");
    let html = fs::read_to_string(&path).expect("written");
    assert!(html.contains("<h2>Physiotherapist</h2>"));
    assert_eq!(names_in(dir.path()), ["client.html"]);
}

#[test]
fn cli_output_relative_to_the_working_directory_is_reported_absolute() {
    let dir = TempDir::new().expect("a temporary directory");
    cmd()
        .current_dir(dir.path())
        .args(["export", "--ids", "physiotherapist", "--output", "h.md"])
        .assert()
        .success()
        .stdout(format!(
            "wrote handout to {}\n",
            dir.path().join("h.md").display()
        ));
    assert!(dir.path().join("h.md").is_file());
}

#[test]
fn cli_refuses_to_overwrite_an_existing_file() {
    let dir = TempDir::new().expect("a temporary directory");
    let path = dir.path().join("client.md");
    fs::write(&path, "keep me").expect("written");
    cmd()
        .args(["export", "--ids", "physiotherapist", "-o"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains("-o"))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    assert_eq!(fs::read_to_string(&path).expect("readable"), "keep me");
    assert_eq!(names_in(dir.path()), ["client.md"]);
}

#[test]
fn cli_unknown_id_suggests_the_nearest() {
    cmd()
        .args(["export", "--ids", "physio"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("career-clusters: "))
        .stderr(predicate::str::contains("\"physio\""))
        .stderr(predicate::str::contains("physiotherapist"));
}

#[test]
fn cli_unwritable_and_missing_directories_fail_with_one_line() {
    let dir = TempDir::new().expect("a temporary directory");
    let file = dir.path().join("file.txt");
    fs::write(&file, "x").expect("written");
    for (target, says) in [
        (file.join("handout.md"), "not a directory"),
        (
            dir.path().join("missing").join("handout.md"),
            "does not exist",
        ),
    ] {
        cmd()
            .args(["export", "--ids", "physiotherapist", "-o"])
            .arg(&target)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(says))
            .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    }
    assert_eq!(names_in(dir.path()), ["file.txt"]);
}

#[test]
fn cli_mixing_a_cluster_with_occupations_is_refused() {
    cmd()
        .args(["export", "--ids", "rehabilitation,physiotherapist"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("one cluster id"));
}

#[test]
fn cli_export_reads_the_data_file() {
    let dir = TempDir::new().expect("a temporary directory");
    let data = dir.path().join("hostile.toml");
    fs::write(&data, HOSTILE).expect("written");
    cmd()
        .arg("--data")
        .arg(&data)
        .args(["export", "--ids", "hacker", "--format", "html"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "<h2>Hacker &lt;script&gt;alert(1)&lt;/script&gt;</h2>",
        ))
        .stdout(predicate::str::contains("<script").not());
    // the bundled catalog's ids are not in it
    cmd()
        .args(["export", "--ids", "physiotherapist", "--data"])
        .arg(&data)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"physiotherapist\""));
}

#[test]
fn cli_ids_are_required_and_the_format_is_checked() {
    cmd().args(["export"]).assert().code(2);
    cmd()
        .args(["export", "--ids", "physiotherapist", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("markdown"));
}

#[test]
fn a_handout_gives_preparation_interests_working_conditions_career_path_and_next_steps() {
    let catalog = bundled();
    let md = render(
        &catalog,
        &occupations(&catalog, &["registered-nurse", "kinesiologist"]),
        Format::Markdown,
    );
    for expected in [
        "**Preparation:** TEER 1 · usually a university degree",
        "**Interests:** Social · Investigative · Conventional (SIC)",
        "### Working conditions\n",
        "### Career path\n",
        "- High school:",
        "### Leads on to\n",
        "- Nurse Practitioner\n",
        // kinesiologist's code is only the nearest U.S. occupation, and the handout says so
        "(the nearest O\\*NET equivalent)",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing"));
    assert!(at("### Working conditions") < at("### Career path"));
}

#[test]
fn a_handout_after_the_interest_check_gives_the_result_never_the_answers() {
    use career_clusters::export::{InterestSummary, render_with_interests};
    let catalog = bundled();
    let summary = InterestSummary {
        code: "SIA".into(),
        names: "Social · Investigative · Artistic".into(),
        ties: vec!["Investigative and Artistic are tied".into()],
        scores: vec![
            ("Realistic", Some(2.0)),
            ("Social", Some(4.5)),
            ("Conventional", None),
        ],
        top: vec!["Occupational Therapist — strong fit, shares Social and Investigative".into()],
    };
    let md = render_with_interests(
        &catalog,
        &occupations(&catalog, &["occupational-therapist"]),
        Format::Markdown,
        Some(&summary),
    );
    for expected in [
        "## Your interest result\n",
        "**Holland code:** SIA (Social · Investigative · Artistic)",
        "Investigative and Artistic are tied.",
        "- Social: 4.5 of 5\n",
        "- Conventional: every statement skipped\n",
        "### Occupations that fit best\n",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing"));
    assert!(at("Your interest result") < at("## Occupational Therapist"));
    let html = render_with_interests(
        &catalog,
        &occupations(&catalog, &["occupational-therapist"]),
        Format::Html,
        Some(&summary),
    );
    assert!(html.contains("Your interest result"), "{html}");
}

#[test]
fn every_handout_is_dated_links_the_official_pages_and_leaves_room_for_next_steps() {
    let catalog = bundled();
    let md = career_clusters::export::render_dated(
        &catalog,
        &occupations(&catalog, &["physiotherapist"]),
        Format::Markdown,
        None,
        "2026-12-03",
    );
    for expected in [
        "**Prepared:** 2026-12-03",
        "## Next steps\n",
        "<https://www23.statcan.gc.ca/imdb/p3VD.pl?Function=getVD&TVD=1322554&CVD=1322870&CPV=31202&CST=01052021&CLV=5&MLV=5>",
        &format!("<{ONET_LINK}>"),
    ] {
        assert!(md.contains(expected), "missing {expected:?} in:\n{md}");
    }
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing"));
    assert!(at("Prepared:") < at("## Physiotherapist"));
    assert!(
        at("## Physiotherapist") < at("## Next steps"),
        "next steps come last"
    );
    // the link is the one Statistics Canada's own unit-group list gives (tests/fixtures copy)
    let listed = std::fs::read_to_string("tests/fixtures/noc-unit-group-links.txt").expect("links");
    for line in listed.lines() {
        let (code, link) = line.split_once(' ').expect("code link");
        assert_eq!(career_clusters::catalog::noc_url(code), link, "{code}");
    }
    // today's date when not given
    let dated = render(
        &catalog,
        &occupations(&catalog, &["physiotherapist"]),
        Format::Markdown,
    );
    assert!(dated.contains("**Prepared:** 20"), "{dated}");
}
