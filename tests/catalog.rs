//! The bundled catalog against its source: every cluster and every occupation the seed text
//! names is present, with the facts the seed gives, and the codes are the verified ones.

use career_clusters::catalog::Catalog;

fn bundled() -> Catalog {
    Catalog::bundled().expect("the bundled catalog is valid")
}

#[test]
fn all_five_seed_clusters_are_present_in_order() {
    let names: Vec<String> = bundled()
        .clusters()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "Counselling and Mental Health",
            "Health Management and Health Administration",
            "Medical and Health Related Research",
            "Medicine",
            "Rehabilitation",
        ]
    );
}

/// (cluster id, occupation ids the seed names for it)
const SEED_OCCUPATIONS: &[(&str, &[&str])] = &[
    (
        "counselling-and-mental-health",
        &[
            "psychologist",
            "counsellor",
            "therapist",
            "social-worker",
            "psychiatrist",
            "nurse-practitioner",
        ],
    ),
    (
        "medicine",
        &[
            "family-physician",
            "registered-nurse",
            "cardiologist",
            "dermatologist",
            "pharmacist",
            "dietitian",
            "mri-technologist",
            "radiation-therapist",
        ],
    ),
    (
        "rehabilitation",
        &[
            "rehabilitation-counsellor",
            "occupational-therapist",
            "physiotherapist",
            "kinesiologist",
            "athletic-therapist",
            "recreation-therapist",
            "chiropractor",
        ],
    ),
];

#[test]
fn every_occupation_the_seed_names_is_its_own_entry_in_its_cluster() {
    let c = bundled();
    for (cluster_id, occupations) in SEED_OCCUPATIONS {
        let cluster = c.cluster_by_id(cluster_id).expect(cluster_id);
        for id in *occupations {
            let o = c
                .occupation_by_id(id)
                .unwrap_or_else(|| panic!("{id} missing"));
            assert_eq!(
                c.occupation(o).cluster(),
                cluster,
                "{id} is in the wrong cluster"
            );
        }
    }
}

#[test]
fn clusters_the_seed_leaves_empty_get_four_to_six_occupations() {
    let c = bundled();
    for id in [
        "health-management-and-administration",
        "medical-and-health-research",
    ] {
        let n = c
            .cluster(c.cluster_by_id(id).expect(id))
            .occupations()
            .len();
        assert!((4..=6).contains(&n), "{id} has {n} occupations");
    }
}

#[test]
fn every_education_and_setting_the_seed_names_is_listed() {
    let c = bundled();
    let expect: &[(&str, &[&str], &[&str])] = &[
        (
            "counselling-and-mental-health",
            &[
                "psychology",
                "counselling",
                "social work",
                "medical science",
                "nursing",
            ],
            &[
                "hospital",
                "education",
                "community health agenc",
                "government",
                "private",
            ],
        ),
        (
            "health-management-and-administration",
            &[
                "human resources",
                "public administration",
                "health informatics",
                "health management",
                "health science",
            ],
            &["communit", "hospital"],
        ),
        (
            "medical-and-health-research",
            &["phd", "md", "biomedical engineering", "biomedical science"],
            &["universit", "hospital", "lab"],
        ),
        (
            "medicine",
            &[
                "applied health science",
                "medicine",
                "biomedical science",
                "pharmacy",
                "nutrition",
                "nursing",
            ],
            &["hospital", "clinic", "pharmac", "school", "community agenc"],
        ),
        (
            "rehabilitation",
            &[
                "kinesiology",
                "vocational counselling",
                "psychology",
                "medical science",
                "physiology",
                "sports and recreation therap",
            ],
            &[],
        ),
    ];
    for (id, education, settings) in expect {
        let cluster = c.cluster(c.cluster_by_id(id).expect(id));
        let edu = cluster.education().join(" | ").to_lowercase();
        for e in *education {
            assert!(edu.contains(e), "{id}: education lacks {e:?}: {edu}");
        }
        let set = cluster.settings().join(" | ").to_lowercase();
        for s in *settings {
            assert!(set.contains(s), "{id}: settings lack {s:?}: {set}");
        }
        assert!(!cluster.description().is_empty() && !cluster.summary().is_empty());
    }
}

#[test]
fn every_occupation_is_complete() {
    let c = bundled();
    for o in c.occupations() {
        assert!(!o.summary().is_empty(), "{}", o.id());
        assert!(
            (3..=6).contains(&o.duties().len()),
            "{}: {} duties",
            o.id(),
            o.duties().len()
        );
        assert!(!o.education().is_empty(), "{} education", o.id());
        assert!(!o.settings().is_empty(), "{} settings", o.id());
        assert!(!o.skills().is_empty(), "{} skills", o.id());
        assert!(!o.related().is_empty(), "{} related", o.id());
    }
}

#[test]
fn verified_codes_are_used() {
    let c = bundled();
    let expect = [
        ("psychologist", "31200", "19-3033.00"),
        ("physiotherapist", "31202", "29-1123.00"),
        ("chiropractor", "31201", "29-1011.00"),
        ("social-worker", "41300", "21-1022.00"),
        ("dietitian", "31121", "29-1031.00"),
        ("mri-technologist", "32121", "29-2035.00"),
        ("family-physician", "31102", "29-1215.00"),
    ];
    for (id, noc, onet) in expect {
        let o = c.occupation(c.occupation_by_id(id).expect(id));
        assert_eq!(o.noc(), Some(noc), "{id}");
        assert_eq!(o.onet(), Some(onet), "{id}");
    }
    // unverified codes are left empty rather than guessed
    let informatics = c.occupation(
        c.occupation_by_id("health-informatics-specialist")
            .expect("hi"),
    );
    assert_eq!(informatics.noc(), None);
}

#[test]
fn aliases_people_type_are_present() {
    let c = bundled();
    for (id, alias) in [
        ("dietitian", "Dietician"),
        ("physiotherapist", "Physical therapist"),
        ("family-physician", "Doctor"),
        ("family-physician", "GP"),
        ("mri-technologist", "MRI tech"),
        ("therapist", "Psychotherapist"),
    ] {
        let o = c.occupation(c.occupation_by_id(id).expect(id));
        assert!(
            o.aliases().iter().any(|a| a == alias),
            "{id} lacks alias {alias}"
        );
    }
}

#[test]
fn related_links_cross_clusters_somewhere() {
    let c = bundled();
    let crossing = c
        .occupations()
        .iter()
        .filter(|o| {
            o.related()
                .iter()
                .any(|&r| c.occupation(r).cluster() != o.cluster())
        })
        .count();
    assert!(
        crossing >= 5,
        "only {crossing} occupations relate across clusters"
    );
}

// --- breadth, accuracy and sources (the second round of the catalog) ---------------------------

/// The occupations a careers fair asks about, each a full entry in the cluster it fits.
const NEW_OCCUPATIONS: &[(&str, &str)] = &[
    ("paramedic", "medicine"),
    ("dentist", "medicine"),
    ("dental-hygienist", "medicine"),
    ("optometrist", "medicine"),
    ("midwife", "medicine"),
    ("respiratory-therapist", "medicine"),
    ("medical-sonographer", "medicine"),
    ("medical-radiation-technologist", "medicine"),
    ("licensed-practical-nurse", "medicine"),
    ("personal-support-worker", "medicine"),
    ("surgeon", "medicine"),
    ("physician-assistant", "medicine"),
    ("pharmacy-technician", "medicine"),
    ("medical-laboratory-technologist", "medicine"),
    (
        "registered-psychiatric-nurse",
        "counselling-and-mental-health",
    ),
    ("psychological-associate", "counselling-and-mental-health"),
    ("speech-language-pathologist", "rehabilitation"),
    ("audiologist", "rehabilitation"),
    ("massage-therapist", "rehabilitation"),
    ("therapy-assistant", "rehabilitation"),
    ("health-researcher", "medical-and-health-research"),
];

#[test]
fn every_new_occupation_is_a_full_entry_in_its_cluster() {
    let c = bundled();
    for (id, cluster) in NEW_OCCUPATIONS {
        let o = c.occupation(
            c.occupation_by_id(id)
                .unwrap_or_else(|| panic!("{id} missing")),
        );
        assert_eq!(
            c.cluster(o.cluster()).id(),
            *cluster,
            "{id} is in the wrong cluster"
        );
        assert!(o.noc().is_some() && o.onet().is_some(), "{id} lacks codes");
        assert!(!o.aliases().is_empty(), "{id} lacks aliases");
    }
}

#[test]
fn every_occupation_has_working_conditions_a_career_path_and_interests() {
    let c = bundled();
    for o in c.occupations() {
        let n = o.working_conditions().len();
        assert!((3..=5).contains(&n), "{}: {n} working conditions", o.id());
        assert!(
            o.career_path().len() >= 3,
            "{}: career path too short",
            o.id()
        );
        assert!(
            o.career_path()[0].starts_with("High school"),
            "{}: a career path starts in high school: {:?}",
            o.id(),
            o.career_path()[0]
        );
        assert!(!o.interests().is_empty(), "{} has no Holland code", o.id());
    }
}

fn noc_titles() -> std::collections::HashMap<String, String> {
    let mut reader = csv::Reader::from_path("tests/fixtures/noc-2021-health-elements.csv")
        .expect("the NOC fixture");
    let mut titles = std::collections::HashMap::new();
    for row in reader.records() {
        let row = row.expect("a NOC row");
        if &row[0] == "5" {
            titles.insert(row[1].to_string(), row[2].to_string());
        }
    }
    titles
}

/// Rows of a tab-separated O*NET fixture file (a copy of the rows the catalog needs).
fn onet_rows(file: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(format!("tests/fixtures/onet/{file}")).expect(file);
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn every_code_exists_in_the_official_files_and_interests_are_o_nets_high_points() {
    let c = bundled();
    let noc = noc_titles();
    let titles: std::collections::HashMap<String, String> = onet_rows("Occupation Data.txt")
        .into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    // the IH scale: first, second and third high point as 1-6 for R I A S E C (0 = none)
    let mut high_points: std::collections::HashMap<String, [char; 3]> = Default::default();
    for r in onet_rows("Interests.txt") {
        if r[4] != "IH" {
            continue;
        }
        let slot = match r[3].as_str() {
            "First Interest High-Point" => 0,
            "Second Interest High-Point" => 1,
            "Third Interest High-Point" => 2,
            _ => continue,
        };
        let value: f64 = r[6].parse().expect("a number");
        let letter = ['-', 'R', 'I', 'A', 'S', 'E', 'C'][value as usize];
        high_points.entry(r[0].clone()).or_insert(['-'; 3])[slot] = letter;
    }
    for o in c.occupations() {
        if let Some(code) = o.noc() {
            assert!(
                noc.contains_key(code),
                "{}: NOC {code} is not a unit group of the NOC file",
                o.id()
            );
        }
        for code in o.onet_codes() {
            assert!(
                titles.contains_key(code),
                "{}: O*NET {code} is not in Occupation Data",
                o.id()
            );
        }
        if let Some(code) = o.onet()
            && let Some(points) = high_points.get(code)
        {
            let expected: String = points.iter().filter(|&&l| l != '-').collect();
            assert_eq!(
                career_clusters::catalog::interest_letters(o.interests()),
                expected,
                "{}: interests should be O*NET's high points of {code} ({})",
                o.id(),
                titles[code]
            );
        }
    }
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every piece of text in the catalog.
fn all_text(c: &Catalog) -> Vec<String> {
    let mut out = vec![c.title().to_string(), c.description().to_string()];
    for cluster in c.clusters() {
        out.extend([cluster.name(), cluster.summary(), cluster.description()].map(String::from));
        out.extend(cluster.education().iter().cloned());
        out.extend(cluster.settings().iter().cloned());
    }
    for o in c.occupations() {
        out.extend([o.title(), o.summary()].map(String::from));
        for list in [
            o.aliases(),
            o.duties(),
            o.education(),
            o.settings(),
            o.skills(),
            o.working_conditions(),
            o.career_path(),
        ] {
            out.extend(list.iter().cloned());
        }
    }
    out
}

#[test]
fn no_run_of_eight_words_is_copied_from_the_seed_or_the_noc_file() {
    let mut sources = vec![std::fs::read_to_string("tests/fixtures/seed.txt").expect("seed")];
    let mut reader = csv::Reader::from_path("tests/fixtures/noc-2021-health-elements.csv")
        .expect("the NOC fixture");
    for row in reader.records() {
        sources.push(row.expect("row").iter().collect::<Vec<_>>().join(" "));
    }
    let mut runs = std::collections::HashSet::new();
    for text in &sources {
        let w = words(text);
        for run in w.windows(8) {
            runs.insert(run.join(" "));
        }
    }
    let copied: Vec<String> = all_text(&bundled())
        .iter()
        .flat_map(|t| {
            words(t)
                .windows(8)
                .map(|run| run.join(" "))
                .filter(|run| runs.contains(run))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(copied.is_empty(), "copied runs: {copied:#?}");
}

#[test]
fn links_go_both_ways_where_the_relation_does() {
    let c = bundled();
    let related = |a: &str, b: &str| {
        let a = c.occupation(c.occupation_by_id(a).expect(a));
        let b = c.occupation_by_id(b).expect(b);
        a.related().contains(&b)
    };
    for (a, b) in [
        ("medical-scientist", "family-physician"),
        ("psychiatrist", "social-worker"),
        ("psychiatrist", "counsellor"),
        ("psychiatrist", "registered-psychiatric-nurse"),
        ("medical-sonographer", "medical-radiation-technologist"),
        ("medical-radiation-technologist", "mri-technologist"),
        ("speech-language-pathologist", "audiologist"),
        ("personal-support-worker", "licensed-practical-nurse"),
        ("pharmacist", "pharmacy-technician"),
        ("psychologist", "psychological-associate"),
    ] {
        assert!(
            related(a, b) && related(b, a),
            "{a} and {b} should relate both ways"
        );
    }
    let next = |a: &str, b: &str| {
        let a = c.occupation(c.occupation_by_id(a).expect(a));
        a.advances_to().contains(&c.occupation_by_id(b).expect(b))
    };
    assert!(next("registered-nurse", "nurse-practitioner"));
    assert!(next("licensed-practical-nurse", "registered-nurse"));
}

#[test]
fn credentials_and_abbreviations_people_type_are_aliases() {
    let c = bundled();
    for (id, alias) in [
        ("counsellor", "Registered psychotherapist"),
        ("nurse-practitioner", "RN(EC)"),
        ("radiation-therapist", "RTT"),
        ("kinesiologist", "R.Kin"),
        ("athletic-therapist", "CAT(C)"),
        ("recreation-therapist", "Therapeutic recreationist"),
        ("medical-laboratory-technologist", "Medical technologist"),
        ("speech-language-pathologist", "SLP"),
        ("personal-support-worker", "PSW"),
        ("licensed-practical-nurse", "LPN"),
        ("paramedic", "EMT"),
        ("physician-assistant", "PA"),
    ] {
        let o = c.occupation(c.occupation_by_id(id).expect(id));
        assert!(
            o.aliases().iter().any(|a| a.eq_ignore_ascii_case(alias)),
            "{id} lacks alias {alias}: {:?}",
            o.aliases()
        );
    }
    // no longer an alias of the registered nurse: its own entry
    let rn = c.occupation(c.occupation_by_id("registered-nurse").expect("rn"));
    assert!(
        !rn.aliases()
            .iter()
            .any(|a| a.to_lowercase().contains("psychiatric nurse"))
    );
    let kin = c.occupation(c.occupation_by_id("kinesiologist").expect("kin"));
    assert!(
        !kin.aliases()
            .iter()
            .any(|a| a.eq_ignore_ascii_case("Exercise therapist"))
    );
}

#[test]
fn facts_that_changed_in_canada_are_right() {
    let c = bundled();
    let text = |id: &str| -> String {
        let o = c.occupation(c.occupation_by_id(id).expect(id));
        [
            o.summary().to_string(),
            o.education().join(" "),
            o.career_path().join(" "),
        ]
        .join(" ")
    };
    assert!(text("pharmacist").contains("PharmD"));
    assert!(text("psychologist").contains("psychological associate"));
    assert!(text("family-physician").contains("CCFP"));
    assert!(text("radiation-therapist").contains("CAMRT"));
    assert!(text("dietitian").to_lowercase().contains("nutritionist"));
    let hsm = c.occupation(c.occupation_by_id("health-services-manager").expect("hsm"));
    assert!(
        !hsm.aliases()
            .iter()
            .any(|a| a.eq_ignore_ascii_case("Hospital administrator"))
    );
    let exec = c.occupation(c.occupation_by_id("health-system-executive").expect("exec"));
    assert!(
        exec.aliases()
            .iter()
            .any(|a| a.eq_ignore_ascii_case("Hospital administrator"))
    );
    assert!(
        exec.onet_nearest(),
        "chief executives is the nearest O*NET match"
    );
}

#[test]
fn the_description_credits_its_sources() {
    let d = bundled().description().to_string();
    for credit in [
        "Statistics Canada",
        "Open Licence",
        "O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.",
    ] {
        assert!(d.contains(credit), "the description lacks {credit:?}");
    }
}
