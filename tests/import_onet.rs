//! The O*NET importer: real rows of a dozen occupations (`tests/fixtures/onet/`, copied from the
//! O*NET 29.3 text release with their headers: titles, descriptions, alternate titles, tasks,
//! interests, Job Zones, education, related occupations and career clusters), through the
//! library and the binary; broken copies of it for the error paths; and the whole database when
//! `../shared/reference/onet-29.3` is there (skipped with a message on a fresh clone).

#[path = "support/command.rs"]
mod command;
use command::cli;
use std::path::{Path, PathBuf};

use career_clusters::catalog::{Catalog, Occupation, interest_letters};
use career_clusters::import_onet::{Grouping, OnetError, Options, import_onet_dir};
use career_clusters::search::{Query, Searcher};
use predicates::prelude::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onet")
}

fn crosswalk() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crosswalk-sample.csv")
}

fn import(options: &Options) -> career_clusters::import_onet::OnetReport {
    import_onet_dir(&fixture(), None, options).expect("the fixture imports")
}

fn occupation<'a>(catalog: &'a Catalog, id: &str) -> &'a Occupation {
    catalog.occupation(
        catalog
            .occupation_by_id(id)
            .unwrap_or_else(|| panic!("no {id}")),
    )
}

fn related(catalog: &Catalog, id: &str) -> Vec<String> {
    occupation(catalog, id)
        .related()
        .iter()
        .map(|&r| catalog.occupation(r).id().to_string())
        .collect()
}

/// A copy of the fixture to break.
fn copy_of_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(fixture()).expect("fixture") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copy");
    }
    dir
}

#[test]
fn every_occupation_is_imported_with_its_fields() {
    let report = import(&Options::default());
    let c = &report.catalog;
    assert_eq!(
        c.occupations().len(),
        64,
        "every row of Occupation Data.txt"
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let rn = occupation(c, "registered-nurses");
    assert_eq!(rn.title(), "Registered Nurses");
    assert_eq!(rn.onet(), Some("29-1141.00"));
    assert!(rn.summary().starts_with("Assess patient health problems"));
    assert!(rn.aliases().iter().any(|a| a == "Staff Nurse"));
    assert!(rn.aliases().iter().any(|a| a == "RN"), "short titles too");
    let lower: std::collections::HashSet<String> =
        rn.aliases().iter().map(|a| a.to_lowercase()).collect();
    assert_eq!(lower.len(), rn.aliases().len(), "no repeats ignoring case");
    assert_eq!(rn.duties().len(), 12, "at most 12 duties");
    assert_eq!(
        rn.duties()[0],
        "Record patients' medical information and vital signs."
    );
    assert_eq!(interest_letters(rn.interests()), "SIC");
    assert_eq!(
        rn.job_zone().map(|z| z.label()).as_deref(),
        Some("Job Zone 4 · considerable preparation")
    );
    assert_eq!(
        rn.education(),
        ["Most often required: Bachelor's Degree (56% of workers)"]
    );
    assert_eq!(rn.noc(), None, "no crosswalk given");
    // Primary-Short links, resolved: EMTs list paramedics, ambulance drivers and nurses
    let emt = related(c, "emergency-medical-technicians");
    for id in [
        "paramedics",
        "ambulance-drivers-and-attendants-except-emergency-medical",
        "registered-nurses",
    ] {
        assert!(emt.contains(&id.to_string()), "{id} in {emt:?}");
    }
    // an occupation with no rows but its title and description still imports
    let midwives = occupation(c, "midwives");
    assert!(midwives.duties().is_empty() && midwives.education().is_empty());
    assert!(c.description().contains(
        "This product includes information from the O*NET 29.3 Database by the U.S. Department \
         of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 \
         license. O*NET® is a trademark of USDOL/ETA."
    ));
}

#[test]
fn clusters_are_o_nets_career_clusters_and_each_occupation_goes_to_its_first() {
    let c = import(&Options::default()).catalog;
    let names: Vec<&str> = c.clusters().iter().map(|c| c.name()).collect();
    assert_eq!(names.last(), Some(&"Other occupations"), "{names:?}");
    let mut sorted = names[..names.len() - 1].to_vec();
    sorted.sort();
    assert_eq!(sorted, names[..names.len() - 1], "alphabetical");
    let bio = occupation(&c, "bioengineers-and-biomedical-engineers");
    assert_eq!(c.cluster(bio.cluster()).name(), "Health Science");
    assert!(
        bio.summary()
            .ends_with("O*NET also lists it under Science, Technology, Engineering & Mathematics."),
        "{}",
        bio.summary()
    );
    let biologists = occupation(&c, "biologists");
    assert_eq!(c.cluster(biologists.cluster()).name(), "Other occupations");
    let medic = occupation(&c, "paramedics");
    assert_eq!(
        c.cluster(medic.cluster()).name(),
        "Law, Public Safety, Corrections & Security"
    );

    let by_pathway = import(&Options {
        by: Grouping::Pathway,
        only: vec!["health".into()],
        ..Options::default()
    })
    .catalog;
    let names: Vec<&str> = by_pathway.clusters().iter().map(|c| c.name()).collect();
    // Health Informatics is only ever a second pathway in the fixture, so it makes no cluster
    assert_eq!(
        names,
        [
            "Biotechnology Research and Development",
            "Diagnostic Services",
            "Support Services",
            "Therapeutic Services"
        ]
    );
    let records = occupation(
        &by_pathway,
        "health-information-technologists-and-medical-registrars",
    );
    assert!(
        records
            .summary()
            .ends_with("also lists it under Health Science: Health Informatics."),
        "{}",
        records.summary()
    );
}

#[test]
fn only_keeps_health_science_or_code_prefixes_and_drops_links_outside() {
    let health = import(&Options {
        only: vec!["health".into()],
        ..Options::default()
    })
    .catalog;
    assert_eq!(health.clusters().len(), 1);
    assert_eq!(health.clusters()[0].name(), "Health Science");
    assert!(health.occupation_by_id("software-developers").is_none());
    assert!(
        health.occupation_by_id("paramedics").is_none(),
        "O*NET puts them in Law"
    );
    let prefixes = import(&Options {
        only: vec!["29-2".into(), "53-".into()],
        ..Options::default()
    })
    .catalog;
    assert!(prefixes.occupations().iter().all(|o| {
        o.onet()
            .is_some_and(|c| c.starts_with("29-2") || c.starts_with("53-"))
    }));
    assert!(prefixes.occupation_by_id("paramedics").is_some());
    assert_eq!(
        related(&prefixes, "emergency-medical-technicians"),
        [
            "paramedics",
            "ambulance-drivers-and-attendants-except-emergency-medical",
            "licensed-practical-and-licensed-vocational-nurses"
        ],
        "registered nurses (29-1) are not imported, so the link is dropped"
    );
    let union = import(&Options {
        only: vec!["health".into(), "47-".into()],
        ..Options::default()
    })
    .catalog;
    assert!(union.occupation_by_id("electricians").is_some());
    assert!(union.occupation_by_id("registered-nurses").is_some());
}

#[test]
fn the_crosswalk_fills_noc_codes_only_where_clear_and_never_32102() {
    let report =
        import_onet_dir(&fixture(), Some(&crosswalk()), &Options::default()).expect("imports");
    let c = &report.catalog;
    let pt = occupation(c, "physical-therapists");
    assert_eq!(pt.noc(), Some("31202"), "1.0 against 0.10");
    assert_eq!(
        pt.teer().map(|t| t.0),
        Some(1),
        "a NOC code brings its TEER"
    );
    assert_eq!(
        pt.job_zone().map(|z| z.number()),
        Some(5),
        "and the Job Zone stays"
    );
    assert_eq!(
        occupation(c, "medical-and-health-services-managers").noc(),
        Some("30010")
    );
    assert_eq!(
        occupation(
            c,
            "ambulance-drivers-and-attendants-except-emergency-medical"
        )
        .noc(),
        None,
        "the paramedic gap"
    );
    assert_eq!(occupation(c, "paramedics").noc(), None);
    assert!(report.stats.noc > 0);
    assert!(c.description().contains("crosswalk"));
}

#[test]
fn the_output_passes_check_and_opens_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("onet.toml");
    cli()
        .args(["import", "onet"])
        .arg(fixture())
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("imported 64 occupations"));
    cli()
        .arg("check")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("64 occupations"));
    cli()
        .arg("--data")
        .arg(&out)
        .args(["show", "registered-nurses"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "preparation: Job Zone 4 · considerable preparation",
        ));
    let json = cli()
        .arg("--data")
        .arg(&out)
        .args(["show", "--json", "registered-nurses"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&json).expect("json");
    assert_eq!(json["job_zone"], 4);
    assert_eq!(json["job_zone_preparation"], "considerable preparation");

    use career_clusters::browser::testing::{app_with, draw, typed};
    use career_clusters::browser::theme::Theme;
    let catalog = Catalog::from_path(&out).expect("loads");
    let mut app = app_with(catalog, Theme::dark(), 80, 24);
    typed(&mut app, "registered nurse");
    let screen: String = draw(&app, 80, 24)
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    assert!(
        screen.contains(">   Registered Nurses"),
        "best match first: {screen}"
    );
}

#[test]
fn cli_never_clobbers_and_writes_nothing_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("onet.toml");
    std::fs::write(&out, "keep me").unwrap();
    cli()
        .args(["import", "onet"])
        .arg(fixture())
        .arg("-o")
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("exists; use --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    cli()
        .args([
            "import", "onet", "--only", "health", "--by", "pathway", "--force",
        ])
        .arg(fixture())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    cli()
        .arg("check")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: 4 clusters"));

    // a broken database: nothing is written
    let broken = copy_of_fixture();
    std::fs::remove_file(broken.path().join("Job Zones.txt")).unwrap();
    let fresh = dir.path().join("fresh.toml");
    cli()
        .args(["import", "onet"])
        .arg(broken.path())
        .arg("-o")
        .arg(&fresh)
        .assert()
        .failure()
        .code(1)
        .stderr(
            predicate::str::contains("Job Zones.txt: no such file")
                .and(predicate::str::contains(broken.path().to_str().unwrap())),
        );
    assert!(!fresh.exists());
}

#[test]
fn a_missing_file_or_a_wrong_header_is_named() {
    let broken = copy_of_fixture();
    std::fs::remove_file(broken.path().join("Task Statements.txt")).unwrap();
    let err = import_onet_dir(broken.path(), None, &Options::default()).expect_err("missing");
    assert!(
        matches!(&err, OnetError::Missing(files) if files.len() == 1),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("Task Statements.txt: no such file"),
        "{err}"
    );

    let broken = copy_of_fixture();
    std::fs::write(
        broken.path().join("Related Occupations.txt"),
        "Code\tRelated\tTier\n",
    )
    .unwrap();
    let err = import_onet_dir(broken.path(), None, &Options::default()).expect_err("header");
    assert!(
        err.to_string().starts_with(
            "Related Occupations.txt: line 1: the header has no `O*NET-SOC Code` column \
             (expected `O*NET-SOC Code`, `Related O*NET-SOC Code`, `Relatedness Tier`, `Index`"
        ),
        "{err}"
    );
    cli()
        .args(["import", "onet", "no-such-dir"])
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(
            "career-clusters: no-such-dir: not a directory",
        ));
    cli()
        .args(["import", "onet", "--only", "nursing"])
        .arg(fixture())
        .assert()
        .failure()
        .stderr(predicate::str::contains("`--only nursing`: give `health`"));
    cli()
        .args(["import", "onet", "--by", "major"])
        .arg(fixture())
        .assert()
        .code(2);
}

#[test]
fn malformed_rows_are_skipped_and_reported_with_file_and_line() {
    let broken = copy_of_fixture();
    let zones = broken.path().join("Job Zones.txt");
    let mut text = std::fs::read_to_string(&zones).unwrap();
    text.push_str("29-1141.00\tRegistered Nurses\tseven\t08/2023\tAnalyst\n29-9999\n");
    std::fs::write(&zones, text).unwrap();
    let lines = std::fs::read_to_string(&zones).unwrap().lines().count();
    let tasks = broken.path().join("Task Statements.txt");
    let mut text = std::fs::read_to_string(&tasks).unwrap();
    text.push_str("XX-0000\tNobody\t1\tDo things.\tCore\t\t\t\n");
    std::fs::write(&tasks, text).unwrap();
    let task_lines = std::fs::read_to_string(&tasks).unwrap().lines().count();

    let report = import_onet_dir(broken.path(), None, &Options::default()).expect("imports");
    assert_eq!(report.stats.skipped_rows, 3);
    let warnings: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            format!(
                "Task Statements.txt: line {task_lines}: \"XX-0000\" is not an O*NET-SOC code; \
                 row skipped"
            ),
            format!(
                "Job Zones.txt: line {}: the Job Zone \"seven\" is not a number from 1 to 5; row \
                 skipped",
                lines - 1
            ),
            format!(
                "Job Zones.txt: line {lines}: the row has 1 field, expected at least 3; row skipped"
            ),
        ]
    );
    // the zone already read for the code is kept; the import is otherwise whole
    assert_eq!(report.catalog.occupations().len(), 64);
    cli()
        .args(["import", "onet"])
        .arg(broken.path())
        .assert()
        .success()
        .stderr(
            predicate::str::contains(format!("warning: Job Zones.txt: line {lines}:"))
                .and(predicate::str::contains("3 malformed rows skipped")),
        );
}

#[test]
fn the_whole_database_imports_and_searches() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/onet-29.3");
    if !dir.join("Occupation Data.txt").exists() {
        eprintln!(
            "skipped: the O*NET database is not at {} (a fresh clone has no ../shared)",
            dir.display()
        );
        return;
    }
    let started = std::time::Instant::now();
    let report = import_onet_dir(&dir, None, &Options::default()).expect("the database imports");
    eprintln!(
        "imported the O*NET database in {:?} (debug build)",
        started.elapsed()
    );
    let c = &report.catalog;
    assert_eq!(c.occupations().len(), 1_016);
    assert_eq!(
        c.clusters().len(),
        17,
        "16 career clusters and Other occupations"
    );
    assert_eq!(c.clusters()[16].name(), "Other occupations");
    assert!(report.warnings.is_empty(), "{:?}", &report.warnings);
    assert!(report.toml.len() < career_clusters::catalog::MAX_FILE_BYTES as usize);
    assert_eq!(
        Catalog::from_str(&report.toml, "onet.toml").expect("loads"),
        *c
    );

    let searcher = Searcher::new(c);
    let first = |query: &str| -> Vec<String> {
        searcher
            .search(&Query::parse(query))
            .iter()
            .take(5)
            .map(|m| c.occupation(m.occupation).title().to_string())
            .collect()
    };
    let nurses = first("registered nurse");
    assert_eq!(nurses[0], "Registered Nurses", "{nurses:?}");
    let xray = first("x-ray tech");
    assert!(
        xray.contains(&"Radiologic Technologists and Technicians".to_string()),
        "{xray:?}"
    );

    let code = career_clusters::interests::parse_code("SIR").expect("code");
    let found = career_clusters::interests::matches(c, &code, &[]);
    assert!(found.occupations.len() > 50, "{}", found.occupations.len());
    assert!(found.without_code < 100, "{}", found.without_code);
    let best = c.occupation(found.occupations[0].occupation);
    assert!(best.interests().starts_with(&code[..1]), "{}", best.title());
    assert!(
        found.occupations.windows(2).all(|w| w[0].m >= w[1].m),
        "ranked best first"
    );
}

#[test]
fn the_interest_result_narrows_an_o_net_import_by_job_zone() {
    use career_clusters::interests::{Level, matches, parse_code};
    let report = import(&Options::default());
    let c = &report.catalog;
    // no NOC codes without the crosswalk: the levels to step through are the Job Zones
    let levels = Level::in_catalog(c);
    assert!(!levels.is_empty(), "{levels:?}");
    assert!(
        levels.iter().all(|l| matches!(l, Level::JobZone(_))),
        "{levels:?}"
    );
    let code = parse_code("SIC").expect("code");
    let all = matches(c, &code, &[]);
    let zone_3 = matches(c, &code, &[Level::JobZone(3)]);
    assert!(!zone_3.occupations.is_empty());
    assert!(zone_3.occupations.len() < all.occupations.len());
    assert!(
        zone_3.occupations.iter().all(|f| c
            .occupation(f.occupation)
            .job_zone()
            .map(|z| z.number())
            == Some(3)),
        "only Job Zone 3"
    );
    let elsewhere = c
        .occupations()
        .iter()
        .filter(|o| !o.interests().is_empty() && o.job_zone().map(|z| z.number()) != Some(3))
        .count();
    assert_eq!(
        zone_3.other_levels, elsewhere,
        "the rest are counted as at other levels"
    );

    // and from the command line
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("onet.toml");
    std::fs::write(&out, &report.toml).expect("write");
    cli()
        .args([
            "--data",
            out.to_str().expect("path"),
            "interests",
            "--code",
            "SIC",
        ])
        .args(["--job-zone", "3", "--json"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("\"job_zone\": [\n    3\n  ]")
                .or(predicate::str::contains("\"job_zone\":[3]")),
        );
    cli()
        .args([
            "--data",
            out.to_str().expect("path"),
            "interests",
            "--code",
            "SIC",
        ])
        .args(["--job-zone", "6"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--job-zone \"6\" is not an O*NET Job Zone; use 1 to 5",
        ));
}

#[test]
fn zone_searches_the_job_zone_as_teer_searches_the_teer() {
    let report = import(&Options::default());
    let c = &report.catalog;
    let searcher = Searcher::new(c);
    let found = searcher.search(&Query::parse("zone:3"));
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|m| c.occupation(m.occupation).job_zone().map(|z| z.number()) == Some(3)),
        "only Job Zone 3"
    );
    let in_zone_3 = c
        .occupations()
        .iter()
        .filter(|o| o.job_zone().map(|z| z.number()) == Some(3))
        .count();
    assert_eq!(found.len(), in_zone_3, "every one of them");
    // with a word: nurses who need medium preparation, not a digit anywhere in the text
    let nurses = searcher.search(&Query::parse("nurse zone:3"));
    assert!(nurses.len() < found.len());
    assert!(
        nurses
            .iter()
            .all(|m| c.occupation(m.occupation).job_zone().map(|z| z.number()) == Some(3))
    );
    // and a free "3" never matches by the zone
    let free = searcher.search(&Query::parse("3"));
    assert!(
        free.iter().all(
            |m| m.reason != Some(career_clusters::search::Field::JobZone)
                && m.ranges(career_clusters::search::Field::JobZone).is_empty()
        ),
        "a free word reaches the zone"
    );
    // the reason a `zone:` match gives names the field
    assert_eq!(
        found[0].reason,
        Some(career_clusters::search::Field::JobZone)
    );
}
