//! Fuzz target: any bytes given to `import noc` give a report or an error, never a panic; an
//! import that succeeds wrote a catalog the loader accepts (the importer loads it back, and a
//! refusal there is a bug), kept no more warnings than its cap, and put nothing on the way to a
//! terminal that could act as control: no ESC, no C1 control, in the catalog or the warnings.
#![no_main]

use career_clusters::import::{ImportError, Limits, Options, import_noc};
use libfuzzer_sys::fuzz_target;

fn assert_shows_safely(what: &str, text: &str) {
    assert!(
        text.chars()
            .all(|c| c == '\n' || c == '\t' || !(c.is_control())),
        "{what} holds a control character: {text:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    // the first byte picks the options, so prefixes and grouping are fuzzed too
    let (options, csv) = match data.split_first() {
        Some((&first, rest)) => {
            let only = match first % 4 {
                0 => vec![],
                1 => vec!["3".to_string()],
                2 => vec!["31".to_string(), "4".to_string()],
                _ => vec!["31202".to_string()],
            };
            let by = if first & 0x10 == 0 {
                career_clusters::import::Grouping::Broad
            } else {
                career_clusters::import::Grouping::Major
            };
            let limits = Limits {
                warnings: 8,
                ..Limits::default()
            };
            (
                Options {
                    only,
                    by,
                    source: "fuzz.csv".into(),
                    limits,
                    interests: None,
                },
                rest,
            )
        }
        None => (Options::default(), data),
    };
    match import_noc(csv, &options) {
        Ok(report) => {
            assert!(report.warnings.len() <= 8);
            assert_shows_safely("the catalog", &report.toml);
            // built in memory, written once: what was written loads back to the same catalog
            let again = career_clusters::catalog::Catalog::from_str(&report.toml, "imported")
                .expect("the written catalog loads");
            assert!(again == report.catalog, "the written catalog differs from the built one");
            for w in &report.warnings {
                assert_shows_safely("a warning", &w.to_string());
            }
            assert_eq!(
                report.catalog.occupations().len(),
                report.stats.occupations,
                "the stats count the occupations written"
            );
        }
        Err(ImportError::Invalid(e)) => panic!("the import wrote a catalog that fails: {e}"),
        Err(e) => assert_shows_safely("the error", &e.to_string()),
    }
});
