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
