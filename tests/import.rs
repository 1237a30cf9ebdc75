//! The NOC 2021 importer: the hand-written sample (`tests/fixtures/noc-elements-sample.csv`: BOM,
//! CRLF, quoted fields with commas, quotes and a line break, exclusions inside and outside the
//! import, two malformed rows) through the library, the atomic no-clobber writer, and the real
//! Statistics Canada excerpt (`tests/fixtures/noc-2021-health-elements.csv`, byte-for-byte)
//! through the binary.

#[path = "support/command.rs"]
mod command;
use command::cli;
use std::path::{Path, PathBuf};

use career_clusters::atomic::WriteError;
use career_clusters::catalog::{Catalog, kebab_case};
use career_clusters::import::{
    Grouping, ImportError, ImportReport, Options, import_noc, import_noc_file, write_new_file,
};
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

const SAMPLE: &str = "noc-elements-sample.csv";
const REAL: &str = "noc-2021-health-elements.csv";

fn options(only: &[&str], by: Grouping) -> Options {
    Options {
        only: only.iter().map(|s| s.to_string()).collect(),
        by,
        source: SAMPLE.into(),
        ..Options::default()
    }
}

fn sample(only: &[&str], by: Grouping) -> ImportReport {
    import_noc_file(&fixture(SAMPLE), &options(only, by)).expect("the sample imports")
}

fn ids(catalog: &Catalog, of: &str) -> Vec<String> {
    let o = catalog.occupation(catalog.occupation_by_id(of).expect(of));
    o.related()
        .iter()
        .map(|&r| catalog.occupation(r).id().to_string())
        .collect()
}

fn occupation<'a>(catalog: &'a Catalog, id: &str) -> &'a career_clusters::catalog::Occupation {
    catalog.occupation(
        catalog
            .occupation_by_id(id)
            .unwrap_or_else(|| panic!("no {id}")),
    )
}

#[test]
fn broad_categories_become_clusters_with_their_official_titles() {
    let report = sample(&[], Grouping::Broad);
    let c = &report.catalog;
    let clusters: Vec<(&str, &str, usize)> = c
        .clusters()
        .iter()
        .map(|c| (c.id(), c.name(), c.occupations().len()))
        .collect();
    assert_eq!(
        clusters,
        vec![
            (
                "legislative-and-senior-management-occupations",
                "Legislative and senior management occupations",
                1
            ),
            (
                "business-finance-and-administration-occupations",
                "Business, finance and administration occupations",
                1
            ),
            ("health-occupations", "Health occupations", 9),
            (
                "occupations-in-education-law-and-social-community-and-government-services",
                "Occupations in education, law and social, community and government services",
                1
            ),
        ]
    );
    assert_eq!(
        c.clusters()[2].summary(),
        "NOC 2021 broad category 3: 9 unit groups imported."
    );
    assert_eq!(report.stats.occupations, 12);
    assert_eq!(report.stats.clusters, 4);
}

#[test]
fn occupations_have_code_and_title_ids_and_noc_codes() {
    let c = sample(&[], Grouping::Broad).catalog;
    let physio = occupation(&c, "31202-physiotherapists");
    assert_eq!(physio.title(), "Physiotherapists");
    assert_eq!(physio.noc(), Some("31202"));
    // quoted title with commas, no trailing blank or carriage return
    let aides = occupation(
        &c,
        "33102-nurse-aides-orderlies-and-patient-service-associates",
    );
    assert_eq!(
        aides.title(),
        "Nurse aides, orderlies and patient service associates"
    );
    for o in c.occupations() {
        let code = o.noc().expect("every occupation has its code");
        assert!(o.id().starts_with(&format!("{code}-")), "{}", o.id());
        assert_eq!(kebab_case(o.id()), o.id(), "ids are kebab-case");
        assert!(o.id().len() <= 60, "{}", o.id());
        assert!(!o.title().ends_with([' ', '\r']), "{:?}", o.title());
    }
    assert!(
        c.occupation_by_id("00013-senior-managers-health-education-social-and-community")
            .is_some(),
        "long titles are cut at a word boundary"
    );
}

#[test]
fn duties_lose_the_lead_in_and_education_is_the_employment_requirements() {
    let c = sample(&[], Grouping::Broad).catalog;
    let physio = occupation(&c, "31202-physiotherapists");
    assert_eq!(
        physio.duties()[0],
        "Assess clients' physical abilities using assessment procedures such as functional ability \
         tests and make a physiotherapy diagnosis"
    );
    assert_eq!(physio.duties().len(), 3);
    assert!(
        c.occupations()
            .iter()
            .flat_map(|o| o.duties())
            .all(|d| !d.contains("following duties")),
        "the lead-in is gone everywhere"
    );
    assert_eq!(
        physio.education(),
        vec![
            "A master's degree in physiotherapy and a period of supervised practical training are required.",
            "A licence or registration with a regulatory body is required in all provinces and territories.",
        ]
    );
    // a quoted field with doubled quotes, and one with a line break inside
    let psych = occupation(&c, "31200-psychologists");
    assert!(
        psych.education()[0].contains("the designation \"Psychologist\" in some"),
        "{:?}",
        psych.education()
    );
    let aides = occupation(
        &c,
        "33102-nurse-aides-orderlies-and-patient-service-associates",
    );
    assert_eq!(
        aides.education(),
        vec![
            "Completion of a nursing aide or personal support worker program of up to one year is usually required."
        ]
    );
}

#[test]
fn aliases_are_all_example_titles_once_each() {
    let c = sample(&[], Grouping::Broad).catalog;
    let physio = occupation(&c, "31202-physiotherapists");
    assert_eq!(
        physio.aliases(),
        vec![
            "physical therapist",
            "physiotherapist",
            "registered physiotherapist",
            "clinical physiotherapist",
            "physiotherapy officer - Canadian Armed Forces",
            "physiotherapy supervisor",
        ],
        "illustrative examples first, then all examples; \"Physical therapist\" is a repeat; \
         inclusions are not aliases"
    );
    let aides = occupation(
        &c,
        "33102-nurse-aides-orderlies-and-patient-service-associates",
    );
    assert!(
        aides
            .aliases()
            .contains(&"\"health care aide\"".to_string()),
        "{:?}",
        aides.aliases()
    );
    let assistants = occupation(
        &c,
        "32109-other-technical-occupations-in-therapy-and-assessment",
    );
    let lower: Vec<String> = assistants
        .aliases()
        .iter()
        .map(|a| a.to_lowercase())
        .collect();
    let mut unique = lower.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(lower.len(), unique.len(), "{lower:?}");
}

#[test]
fn exclusions_become_related_links_within_the_import() {
    let c = sample(&[], Grouping::Broad).catalog;
    assert_eq!(
        ids(&c, "31202-physiotherapists"),
        vec![
            "30010-managers-in-health-care",
            "32109-other-technical-occupations-in-therapy-and-assessment"
        ],
        "each unit group once, in order"
    );
    assert_eq!(
        ids(&c, "32101-licensed-practical-nurses"),
        vec!["31301-registered-nurses-and-registered-psychiatric-nurses"],
        "44101 is not in the import"
    );
    assert_eq!(
        ids(
            &c,
            "32109-other-technical-occupations-in-therapy-and-assessment"
        ),
        vec!["31202-physiotherapists"],
        "3212 is a minor group, not a unit group"
    );
    assert_eq!(
        ids(&c, "30010-managers-in-health-care"),
        vec![
            "31202-physiotherapists",
            "00013-senior-managers-health-education-social-and-community"
        ],
        "links cross clusters"
    );
    // only health: the senior managers are not imported, so the link is dropped
    let health = sample(&["3"], Grouping::Broad).catalog;
    assert_eq!(
        ids(&health, "30010-managers-in-health-care"),
        vec!["31202-physiotherapists"]
    );
}

#[test]
fn summaries_are_short_sentences_from_the_duties() {
    let c = sample(&[], Grouping::Broad).catalog;
    assert_eq!(
        occupation(&c, "31202-physiotherapists").summary(),
        "Assess clients' physical abilities using assessment procedures such as functional ability \
         tests and make a physiotherapy diagnosis."
    );
    // the first duty line is a heading ("Kinesiologists"), not a summary
    assert_eq!(
        occupation(
            &c,
            "31204-kinesiologists-and-other-professional-occupations-in"
        )
        .summary(),
        "Assess physical activity and develop exercise programs to improve strength, endurance and \
         mobility."
    );
    for o in c.occupations() {
        assert!(!o.summary().is_empty());
        assert!(o.summary().chars().count() <= 201, "{}", o.summary());
    }
}

#[test]
fn only_keeps_codes_with_the_given_prefixes() {
    let report = sample(&["3"], Grouping::Broad);
    let c = &report.catalog;
    assert_eq!(c.clusters().len(), 1);
    assert_eq!(c.clusters()[0].name(), "Health occupations");
    assert_eq!(c.occupations().len(), 9);
    assert!(c.title().contains("codes 3…"), "{}", c.title());

    let c = sample(&["312", "41"], Grouping::Broad).catalog;
    let codes: Vec<&str> = c.occupations().iter().filter_map(|o| o.noc()).collect();
    assert_eq!(codes, vec!["31200", "31202", "31203", "31204", "41300"]);

    let err = import_noc_file(&fixture(SAMPLE), &options(&["x3"], Grouping::Broad)).unwrap_err();
    assert!(
        matches!(err, ImportError::BadPrefix(ref p) if p == "x3"),
        "{err}"
    );
    let err = import_noc_file(&fixture(SAMPLE), &options(&["8"], Grouping::Broad)).unwrap_err();
    assert!(matches!(err, ImportError::NoUnitGroups { .. }), "{err}");
    assert!(err.to_string().contains("starting with `8`"), "{err}");
}

#[test]
fn by_major_makes_one_cluster_per_major_group() {
    let report = sample(&[], Grouping::Major);
    let names: Vec<&str> = report.catalog.clusters().iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        vec![
            "Major group 00 (Legislative and senior management occupations)",
            "Major group 12 (Business, finance and administration occupations)",
            "Major group 30 (Health occupations)",
            "Major group 31 (Health occupations)",
            "Major group 32 (Health occupations)",
            "Major group 33 (Health occupations)",
            "Major group 41 (Occupations in education, law and social, community and government services)",
        ]
    );
    assert_eq!(
        report.catalog.clusters()[3].summary(),
        "NOC 2021 major group 31: 5 unit groups imported."
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.line.is_none() && w.message.contains("no level-2 rows")),
        "the generated names are announced: {:?}",
        report.warnings
    );
}

#[test]
fn titles_of_broad_categories_and_major_groups_come_from_the_file_when_it_has_them() {
    let csv = "Level,Code - NOC 2021 V1.0,Class title,Element Type Label English,Element Description English\n\
               1,3,Health occupations (from the file),,\n\
               2,31,Professional occupations in health,,\n\
               5,31202,Physiotherapists,Main duties,Assess clients\n\
               5,32101,Licensed practical nurses,Main duties,Provide nursing services\n";
    let broad = import_noc(csv.as_bytes(), &options(&[], Grouping::Broad)).unwrap();
    assert_eq!(
        broad.catalog.clusters()[0].name(),
        "Health occupations (from the file)"
    );
    let major = import_noc(csv.as_bytes(), &options(&[], Grouping::Major)).unwrap();
    let names: Vec<&str> = major.catalog.clusters().iter().map(|c| c.name()).collect();
    assert_eq!(
        names,
        vec![
            "Professional occupations in health",
            "Major group 32 (Health occupations (from the file))"
        ]
    );
    assert_eq!(broad.stats.rows, 4);
}

#[test]
fn malformed_rows_are_skipped_and_reported_with_their_line_numbers() {
    let report = sample(&[], Grouping::Broad);
    let lines: Vec<(Option<u64>, &str)> = report
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (Some(44), "the row has 3 fields, expected 5; row skipped"),
            (
                Some(126),
                "the level \"five\" is not a number from 1 to 5; row skipped"
            ),
        ],
        "line 126 comes after a quoted field with a line break in it"
    );
    assert_eq!(
        report.warnings[0].to_string(),
        "line 44: the row has 3 fields, expected 5; row skipped"
    );
    assert_eq!(report.stats.skipped_rows, 2);
    // the rest of those unit groups is still there
    let c = &report.catalog;
    assert_eq!(occupation(c, "31202-physiotherapists").duties().len(), 3);
    assert_eq!(occupation(c, "41300-social-workers").duties().len(), 1);
}

#[test]
fn other_malformed_input_is_reported() {
    let header = "Level,Code - NOC 2021 V1.0,Class title,Element Type Label English,Element Description English\n";
    let csv = format!(
        "{header}5,3120,Short code,Main duties,Lost a digit\n\
         5,3120A,Letters,Main duties,Not a number\n\
         5,123456,Too long,Main duties,Six digits\n\
         5,31202,,Main duties,No title\n\
         5,31202,Physiotherapists,Strange element,Something\n\
         5,31202,Physiotherapists,Strange element,Reported once\n\
         5,31202,Physiotherapists,Main duties,Assess clients\n\
         5,31202,Physio,Main duties,Another title\n"
    );
    let report = import_noc(csv.as_bytes(), &options(&[], Grouping::Broad)).unwrap();
    let lines: Vec<u64> = report.warnings.iter().filter_map(|w| w.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 6, 9], "{:?}", report.warnings);
    assert!(report.warnings[0].message.contains("read as \"03120\""));
    assert!(report.warnings[4].message.contains("Strange element"));
    assert!(
        report.warnings[5]
            .message
            .contains("the first title is kept")
    );
    assert_eq!(report.stats.skipped_rows, 3);
    let codes: Vec<&str> = report
        .catalog
        .occupations()
        .iter()
        .filter_map(|o| o.noc())
        .collect();
    assert_eq!(codes, vec!["03120", "31202"]);
}

#[test]
fn text_that_is_not_utf8_is_read_as_latin1_with_a_warning() {
    let mut csv = b"Level,Code - NOC 2021 V1.0,Class title,Element Type Label English,Element Description English\r\n".to_vec();
    csv.extend_from_slice(b"5,31202,Physioth\xe9rapeutes,Main duties,Assess clients\r\n");
    let report = import_noc(&csv[..], &options(&[], Grouping::Broad)).unwrap();
    assert_eq!(report.catalog.occupations()[0].title(), "Physiothérapeutes");
    assert_eq!(
        report.catalog.occupations()[0].id(),
        "31202-physiotherapeutes"
    );
    assert_eq!(report.warnings[0].line, Some(2));
    assert!(report.warnings[0].message.contains("Latin-1"));
}

#[test]
fn files_that_are_not_elements_files_are_refused() {
    let err = import_noc(&b""[..], &options(&[], Grouping::Broad)).unwrap_err();
    assert!(matches!(err, ImportError::Empty), "{err}");
    let err = import_noc(
        &b"Level,Code,Class title,Class definition\n1,3,Health,Defined\n"[..],
        &options(&[], Grouping::Broad),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("no `Element Type Label English` column"),
        "{err}"
    );
    let err = import_noc(
        &b"Level,Code - NOC 2021 V1.0,Class title,Element Type Label English,Element Description English\n"[..],
        &options(&[], Grouping::Broad),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::NoUnitGroups { .. }), "{err}");
}

#[test]
fn the_output_passes_the_catalog_checks_and_states_source_and_licence() {
    for by in [Grouping::Broad, Grouping::Major] {
        let report = sample(&[], by);
        let reread = Catalog::from_str(&report.toml, "imported.toml").expect("valid catalog");
        assert_eq!(reread, report.catalog);
        assert!(
            reread
                .description()
                .contains("Statistics Canada Open Licence"),
            "{}",
            reread.description()
        );
        assert!(reread.description().contains(SAMPLE));
        assert!(reread.description().contains("Source: Statistics Canada"));
        assert!(
            report
                .toml
                .starts_with("title = \"National Occupational Classification (NOC) 2021\"")
        );
    }
}

#[test]
fn the_real_excerpt_imports_all_its_unit_groups() {
    let report = import_noc_file(
        &fixture(REAL),
        &Options {
            source: REAL.into(),
            ..Options::default()
        },
    )
    .expect("the real excerpt imports");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(report.stats.rows, 3948);
    assert_eq!(report.stats.occupations, 54);
    let c = &report.catalog;
    let health = &c.clusters()[c.cluster_by_id("health-occupations").unwrap().0];
    assert_eq!(health.occupations().len(), 43);
    assert_eq!(
        ids(c, "31202-physiotherapists"),
        vec![
            "30010-managers-in-health-care",
            "32109-other-technical-occupations-in-therapy-and-assessment"
        ]
    );
    let surgeons = occupation(c, "31101-specialists-in-surgery");
    assert!(
        surgeons.summary().starts_with("Treat diseases"),
        "{}",
        surgeons.summary()
    );
}

#[test]
fn writing_is_atomic_and_never_clobbers_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalog.toml");
    write_new_file(&path, "first", false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");

    let err = write_new_file(&path, "second", false).unwrap_err();
    assert!(
        matches!(err, ImportError::Write(WriteError::Exists(ref p)) if p == &path),
        "{err}"
    );
    assert!(err.to_string().contains("use --force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "first",
        "untouched"
    );

    write_new_file(&path, "third", true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "third");

    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        vec!["catalog.toml"],
        "no temporary file is left behind"
    );

    let missing = dir.path().join("no-such-dir").join("catalog.toml");
    assert!(matches!(
        write_new_file(&missing, "x", false),
        Err(ImportError::Write(WriteError::MissingDirectory { .. }))
    ));
    assert!(
        matches!(
            write_new_file(dir.path(), "x", true),
            Err(ImportError::Write(WriteError::IsADirectory(_)))
        ),
        "a directory"
    );
}

#[test]
fn cli_imports_the_real_excerpt_into_a_file_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("noc.toml");
    cli()
        .args(["import", "noc"])
        .arg(fixture(REAL))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("imported 54 occupations"));
    cli()
        .arg("check")
        .arg(&out)
        .assert()
        .success()
        .stdout("ok: 5 clusters, 54 occupations\n");
    cli()
        .arg("--data")
        .arg(&out)
        .args(["search", "physio"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Physiotherapists"));

    // no clobbering: the file is left as it was
    let before = std::fs::read(&out).unwrap();
    cli()
        .args(["import", "noc", "--only", "31"])
        .arg(fixture(REAL))
        .arg("-o")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("exists; use --force"));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    cli()
        .args(["import", "noc", "--only", "31", "--by", "major", "--force"])
        .arg(fixture(REAL))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    cli()
        .arg("check")
        .arg(&out)
        .assert()
        .success()
        .stdout("ok: 1 clusters, 19 occupations\n");
}

#[test]
fn cli_writes_to_stdout_and_reports_malformed_rows_on_stderr() {
    let output = cli()
        .args(["import", "noc", "--only", "3"])
        .arg(fixture(SAMPLE))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "noc-elements-sample.csv: line 44: the row has 3 fields",
        ))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).unwrap();
    let catalog = Catalog::from_str(&text, "stdout").unwrap();
    assert_eq!(catalog.occupations().len(), 9);
}

#[test]
fn cli_failures_are_one_line_with_a_cause() {
    cli()
        .args(["import", "noc", "no-such-file.csv"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::starts_with(
            "career-clusters: no-such-file.csv: could not read the input",
        ));
    cli()
        .args(["import", "noc", "--only", "health"])
        .arg(fixture(SAMPLE))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "`--only health`: a code prefix is 1 to 5 digits",
        ));
    cli()
        .args(["import", "noc", "--by", "minor"])
        .arg(fixture(SAMPLE))
        .assert()
        .code(2);
}

#[path = "../benches/support/noc_synth.rs"]
mod noc_synth;

#[test]
fn a_file_the_size_of_the_real_one_imports_whole() {
    let csv = noc_synth::elements_csv();
    let mb = csv.len() as f64 / 1e6;
    assert!((4.5..6.0).contains(&mb), "{mb:.1} MB");
    let report = import_noc(csv.as_bytes(), &options(&[], Grouping::Broad)).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", &report.warnings[..3]);
    assert_eq!(report.stats.occupations, noc_synth::UNIT_GROUPS);
    assert_eq!(report.stats.clusters, 10);
    assert_eq!(
        report.stats.aliases,
        noc_synth::UNIT_GROUPS * noc_synth::EXAMPLES_PER_GROUP
    );
    assert!(report.stats.related > 1000, "{}", report.stats.related);
    let major = import_noc(csv.as_bytes(), &options(&[], Grouping::Major)).unwrap();
    assert_eq!(major.stats.clusters, 60);
}

#[test]
fn the_import_opens_in_the_browser() {
    use career_clusters::browser::testing::{app_with, draw, typed};
    use career_clusters::browser::theme::Theme;

    let catalog = sample(&[], Grouping::Broad).catalog;
    let mut app = app_with(catalog, Theme::dark(), 80, 24);
    typed(&mut app, "physical therapist");
    let terminal = draw(&app, 80, 24);
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    assert!(screen.contains("Physiotherapists"), "{screen}");
    assert!(screen.contains("3 of 12 occupations"), "{screen}");
    assert!(
        screen.contains(">   Physiotherapists"),
        "best match first: {screen}"
    );
}

#[test]
fn import_noc_fills_holland_codes_from_o_net_through_the_crosswalk() {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let out = dir.path().join("noc.toml");
    cli()
        .args([
            "import",
            "noc",
            "tests/fixtures/noc-elements-sample.csv",
            "-o",
        ])
        .arg(&out)
        .args([
            "--onet-interests",
            "tests/fixtures/onet/Interests.txt",
            "--crosswalk",
            "tests/fixtures/crosswalk-sample.csv",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("Holland codes for"));
    let catalog = Catalog::from_path(&out).expect("the import loads");
    let physio = occupation(&catalog, "31202-physiotherapists");
    assert_eq!(
        career_clusters::catalog::interest_letters(physio.interests()),
        "SIR",
        "Physical Therapists' O*NET scores"
    );
    assert!(catalog.description().contains("CC BY 4.0"));
    // the interest check works on the imported catalog, and counts what it leaves out
    let found = career_clusters::interests::matches(
        &catalog,
        &career_clusters::interests::parse_code("SIR").expect("code"),
        &[],
    );
    assert!(!found.occupations.is_empty());
    assert!(found.without_code < catalog.occupations().len());
    // the two files come together, and a wrong one is named
    cli()
        .args(["import", "noc", "tests/fixtures/noc-elements-sample.csv"])
        .args(["--onet-interests", "tests/fixtures/onet/Interests.txt"])
        .assert()
        .code(2);
    cli()
        .args(["import", "noc", "tests/fixtures/noc-elements-sample.csv"])
        .args(["--onet-interests", "tests/fixtures/crosswalk-sample.csv"])
        .args(["--crosswalk", "tests/fixtures/crosswalk-sample.csv"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "line 1: the header has no `O*NET-SOC Code` column",
        ));
}
