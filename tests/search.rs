//! Search behaviour over the bundled catalog: expected first results for typos, aliases, fields
//! and phrases; properties that hold for any query (every match really matches, highlights fall
//! on characters of the field); and agreement between the browser and `Searcher::search`.

use career_clusters::browser::app::App;
use career_clusters::browser::list::Row;
use career_clusters::browser::testing;
use career_clusters::browser::theme::Theme;
use career_clusters::catalog::{Catalog, OccupationIdx};
use career_clusters::generate::catalog_toml;
use career_clusters::search::{Field, Match, Query, Scope, Searcher, Term, stem};
use proptest::prelude::*;

fn bundled() -> Catalog {
    Catalog::bundled().expect("bundled catalog")
}

fn search(catalog: &Catalog, query: &str) -> Vec<Match> {
    Searcher::new(catalog).search(&Query::parse(query))
}

fn title(catalog: &Catalog, o: OccupationIdx) -> &str {
    catalog.occupation(o).title()
}

/// (query, expected first title, expected reason label of the first row, or "" for none)
const FIRST_RESULTS: &[(&str, &str, &str)] = &[
    // titles and prefixes
    ("physio", "Physiotherapist", ""),
    ("PHYSIO", "Physiotherapist", ""),
    ("nurse", "Registered Nurse", ""),
    ("rehab", "Rehabilitation Counsellor", ""),
    // typing errors the catalog did not anticipate
    ("psyhcologist", "Psychologist", ""),
    ("phisiotherapist", "Physiotherapist", ""),
    ("phisio", "Physiotherapist", ""),
    ("councellor", "Counsellor", ""),
    ("kinesiolgist", "Kinesiologist", ""),
    ("cardiolgist", "Cardiologist", ""),
    ("psychologsit", "Psychologist", ""),
    // other names
    ("dietician", "Dietitian", "also called"),
    ("gp", "Family Physician", "also called"),
    ("rn", "Registered Nurse", "also called"),
    ("ot", "Occupational Therapist", "also called"),
    ("physical therapist", "Physiotherapist", "also called"),
    ("heart doctor", "Cardiologist", "also called"),
    ("mri tech", "MRI Technologist", ""),
    // phrases
    ("\"physical therapist\"", "Physiotherapist", "also called"),
    ("\"long-term care\"", "Dental Hygienist", "setting"),
    // fields
    ("edu:kinesiology", "Kinesiologist", "education"),
    ("kinesiology", "Kinesiologist", ""),
    ("skill:listening", "Counsellor", "skill"),
    ("cluster:rehab", "Athletic Therapist", "cluster"),
    ("noc:31202", "Physiotherapist", "NOC"),
    ("nurse setting:hospital", "Registered Nurse", "setting"),
    ("councellor edu:psychology", "Counsellor", "education"),
    ("injur", "Athletic Therapist", "duties"),
];

#[test]
fn first_results_for_typos_aliases_fields_and_phrases() {
    let catalog = bundled();
    let searcher = Searcher::new(&catalog);
    let mut failures = Vec::new();
    for &(query, expected, reason) in FIRST_RESULTS {
        let found = searcher.search(&Query::parse(query));
        let first = found.first();
        let got = first
            .map(|m| title(&catalog, m.occupation))
            .unwrap_or("(nothing)");
        let got_reason = first.and_then(|m| m.reason).map_or("", Field::label);
        if got != expected || got_reason != reason {
            failures.push(format!(
                "{query:?}: expected {expected} ({reason}), got {got} ({got_reason})"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn short_words_do_not_match_by_typo() {
    let catalog = bundled();
    // "heart" is one letter from "healt(h)"; five letters allow no typing error, so only
    // occupations that do mention the heart are found (the cardiologist and the sonographer)
    let found = search(&catalog, "heart");
    assert_eq!(title(&catalog, found[0].occupation), "Cardiologist");
    assert!(
        found
            .iter()
            .all(|m| !title(&catalog, m.occupation).contains("Health")),
        "{:?}",
        found
            .iter()
            .map(|m| title(&catalog, m.occupation))
            .collect::<Vec<_>>()
    );
    // a word nothing holds leaves the closest: physiotherapy, said to be partial
    let closest = search(&catalog, "physio zzzz");
    assert_eq!(title(&catalog, closest[0].occupation), "Physiotherapist");
    assert_eq!(
        closest[0].partial.as_deref(),
        Some(&["physio".to_string()][..])
    );
}

#[test]
fn a_psychology_degree_leads_to_every_occupation_that_names_it() {
    let catalog = bundled();
    let found = search(&catalog, "edu:psychology");
    let names = |list: &[String]| list.iter().any(|e| e.to_lowercase().contains("psycholog"));
    let own = |o: OccupationIdx| names(catalog.occupation(o).education());
    // the occupation's own education, or its cluster's educational backgrounds (the seed names
    // psychology for counselling and for rehabilitation)
    let expected: Vec<OccupationIdx> = (0..catalog.occupations().len())
        .map(OccupationIdx)
        .filter(|&o| own(o) || names(catalog.cluster(catalog.occupation(o).cluster()).education()))
        .collect();
    assert!(
        expected.len() > 3,
        "several clusters' occupations: {expected:?}"
    );
    let mut got: Vec<OccupationIdx> = found.iter().map(|m| m.occupation).collect();
    got.sort();
    assert_eq!(got, expected);
    // occupations whose own education names it come first
    let first_cluster_level = found
        .iter()
        .position(|m| !own(m.occupation))
        .unwrap_or(found.len());
    assert!(
        found[first_cluster_level..]
            .iter()
            .all(|m| !own(m.occupation))
    );
    assert!(first_cluster_level > 0);
    for m in &found {
        assert!(
            matches!(
                m.reason,
                Some(Field::Education(_) | Field::ClusterEducation(_))
            ),
            "{m:?}"
        );
        assert_eq!(m.reason.map(Field::label), Some("education"));
        assert!(
            m.highlights
                .iter()
                .all(|h| matches!(h.field, Field::Education(_) | Field::ClusterEducation(_)))
        );
    }
}

#[test]
fn scopes_restrict_where_a_word_may_match() {
    let catalog = bundled();
    for (query, ok) in [
        (
            "setting:hospital",
            (|f| matches!(f, Field::Setting(_))) as fn(Field) -> bool,
        ),
        ("skill:listening", |f| matches!(f, Field::Skill(_))),
        ("cluster:rehab", |f| f == Field::Cluster),
        ("noc:312", |f| f == Field::Noc),
        ("title:therap", |f| f == Field::Title),
    ] {
        let found = search(&catalog, query);
        assert!(!found.is_empty(), "{query}");
        for m in &found {
            assert!(m.highlights.iter().all(|h| ok(h.field)), "{query}: {m:?}");
        }
    }
    let rehab = catalog.cluster_by_id("rehabilitation").expect("cluster");
    assert_eq!(
        search(&catalog, "cluster:rehab").len(),
        catalog.cluster(rehab).occupations().len()
    );
    for m in search(&catalog, "noc:312") {
        let noc = catalog.occupation(m.occupation).noc();
        assert!(noc.is_some_and(|n| n.starts_with("312")), "{noc:?}");
    }
}

#[test]
fn phrases_need_the_words_together() {
    let catalog = bundled();
    // both words occur in many occupations, together only where the phrase is
    let loose = search(&catalog, "care long");
    let phrase = search(&catalog, "\"long-term care\"");
    assert!(!phrase.is_empty());
    assert!(phrase.len() < loose.len());
    for m in &phrase {
        let highlighted: Vec<String> = m
            .highlights
            .iter()
            .map(|h| {
                h.field
                    .text(&catalog, m.occupation)
                    .chars()
                    .skip(h.range.start)
                    .take(h.range.len())
                    .collect::<String>()
                    .to_lowercase()
            })
            .collect();
        assert!(
            highlighted.iter().all(|t| t == "long-term care"),
            "{highlighted:?}"
        );
    }
}

// --- properties --------------------------------------------------------------------------------

/// A catalog with text that folds to a different length and characters beyond one byte, so
/// character and byte positions differ.
const UNICODE_TOML: &str = r#"
title = "Unicode"
[[clusters]]
id = "sante"
name = "Santé et Médecine"
summary = "Soins."
[[clusters.occupations]]
id = "medecin"
title = "Médecin généraliste"
aliases = ["İnfirmier ÉTUDIANT", "Ärztin für Allgemeinmedizin", "医者 doctor"]
summary = "Soigne les patients à l'hôpital; ﬁxes 🩺 ﬂu."
duties = ["Écouter, diagnostiquer", "Prescrire des médicaments"]
education = ["Doctorat en médecine (MD)"]
settings = ["Hôpitaux", "Cliniques privées"]
skills = ["Écoute active"]
noc = "31102"
[[clusters.occupations]]
id = "physio"
title = "Physiothérapeute"
aliases = ["Kinésithérapeute", "Physio"]
summary = "Rééducation après une blessure."
"#;

fn field_len(catalog: &Catalog, m: &Match, field: Field) -> usize {
    field.text(catalog, m.occupation).chars().count()
}

/// Lowercased words of a field.
fn words_of(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Length of the longest common subsequence, for a loose independent check of fuzzy matches.
fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0; b.len() + 1];
    for &x in a {
        let mut cur = vec![0; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The fields of an occupation a scope may match, with their texts.
fn fields(catalog: &Catalog, o: OccupationIdx, scope: Scope) -> Vec<(Field, String)> {
    let occ = catalog.occupation(o);
    let mut out = Vec::new();
    let mut push = |f: Field| out.push((f, f.text(catalog, o).to_string()));
    let any = scope == Scope::Any;
    if any || scope == Scope::Title {
        push(Field::Title);
    }
    if any || scope == Scope::Alias {
        (0..occ.aliases().len()).for_each(|i| push(Field::Alias(i as u16)));
    }
    if any || scope == Scope::Cluster {
        push(Field::Cluster);
    }
    if any || scope == Scope::Skill {
        (0..occ.skills().len()).for_each(|i| push(Field::Skill(i as u16)));
    }
    if any || scope == Scope::Education {
        (0..occ.education().len()).for_each(|i| push(Field::Education(i as u16)));
    }
    if scope == Scope::Education {
        let cluster = catalog.cluster(occ.cluster());
        (0..cluster.education().len()).for_each(|i| push(Field::ClusterEducation(i as u16)));
    }
    if any || scope == Scope::Setting {
        (0..occ.settings().len()).for_each(|i| push(Field::Setting(i as u16)));
    }
    if any || scope == Scope::Summary {
        push(Field::Summary);
    }
    if any || scope == Scope::Duty {
        (0..occ.duties().len()).for_each(|i| push(Field::Duty(i as u16)));
    }
    if (any || scope == Scope::Noc) && occ.noc().is_some() {
        push(Field::Noc);
    }
    out
}

/// Whether `words` hold `before` word for word, then a word that `last` accepts.
fn has_words(words: &[String], before: &[String], last: impl Fn(&str) -> bool) -> bool {
    (0..words.len()).any(|i| {
        i + before.len() < words.len()
            && before.iter().enumerate().all(|(k, w)| &words[i + k] == w)
            && last(&words[i + before.len()])
    })
}

/// An independent, looser statement of "this term matches this occupation": some field in scope
/// has the words (the last as a prefix), or, for titles and aliases, nearly all the term's letters
/// in order, or a cluster name contains it.
fn plausibly_matches(catalog: &Catalog, o: OccupationIdx, term: &Term) -> bool {
    let (last, before) = term.words.split_last().expect("terms have words");
    fields(catalog, o, term.scope).iter().any(|(field, text)| {
        let words = words_of(text);
        let literal = has_words(&words, before, |w| w.starts_with(last.as_str()));
        let fuzzy =
            !term.phrase && matches!(field, Field::Title | Field::Alias(_) | Field::Cluster) && {
                let needle: Vec<char> = last.chars().collect();
                let hay: Vec<char> = text.to_lowercase().chars().collect();
                lcs(&needle, &hay) + usize::from(term.max_typos()) >= needle.len()
            };
        // another form of the word ("nurses" / "Nurse", "therapy" / "Therapist") or a misspelt
        // one
        let family = !term.phrase && {
            let key = stem::family(last);
            words.iter().any(|w| {
                let other = stem::family(w);
                other == key || (key.chars().count() >= 5 && strsim::levenshtein(&other, &key) <= 2)
            })
        };
        // an everyday synonym ("seniors" / "older"), which may be more than one word of the
        // field ("old" / "Long-term care homes")
        let synonym = !term.phrase
            && stem::everyday(last).iter().any(|s| {
                let s_words = words_of(s);
                let Some((s_last, s_before)) = s_words.split_last() else {
                    return false;
                };
                has_words(&words, s_before, |w| {
                    w.starts_with(s_last.as_str()) || stem::family(s_last) == stem::family(w)
                })
            });
        literal || fuzzy || family || synonym
    })
}

fn check_matches(catalog: &Catalog, query: &str) -> Result<(), TestCaseError> {
    let parsed = Query::parse(query);
    let found = Searcher::new(catalog).search(&parsed);
    for m in &found {
        match &m.partial {
            // closest first: it holds some of the words (or its cluster's text does)
            Some(words) => prop_assert!(!words.is_empty()),
            None => {
                for term in parsed.terms() {
                    prop_assert!(
                        plausibly_matches(catalog, m.occupation, term),
                        "{query:?} matched {} but {term:?} is not in it",
                        title(catalog, m.occupation)
                    );
                }
            }
        }
        prop_assert!(!m.highlights.is_empty());
        for h in &m.highlights {
            let len = field_len(catalog, m, h.field);
            prop_assert!(
                h.range.start < h.range.end && h.range.end <= len,
                "{query:?}: {:?} outside {len} characters of {:?}",
                h.range,
                h.field
            );
        }
        for field in m.highlights.iter().map(|h| h.field) {
            let ranges = m.ranges(field);
            prop_assert!(ranges.windows(2).all(|w| w[0].end < w[1].start));
        }
    }
    Ok(())
}

/// Words of the catalog, cut, changed or scoped the way people type them.
fn query_strategy(words: Vec<String>) -> impl Strategy<Value = String> {
    let term = (
        prop::sample::select(words),
        0usize..12,
        0usize..4,
        prop::sample::select(vec![
            "", "", "", "edu:", "setting:", "skill:", "cluster:", "title:", "noc:", "\"",
        ]),
    )
        .prop_map(|(word, cut, edit, scope)| {
            let mut chars: Vec<char> = word.chars().collect();
            let keep = chars.len().saturating_sub(cut % 3).max(1);
            chars.truncate(keep);
            // a typing error: swap two letters, drop one, or none
            match edit {
                1 if chars.len() > 3 => chars.swap(1, 2),
                2 if chars.len() > 3 => {
                    chars.remove(2);
                }
                _ => {}
            }
            let word: String = chars.into_iter().collect();
            if scope == "\"" {
                format!("\"{word}\"")
            } else {
                format!("{scope}{word}")
            }
        });
    prop::collection::vec(term, 1..3).prop_map(|terms| terms.join(" "))
}

fn catalog_words(catalog: &Catalog) -> Vec<String> {
    let mut words: Vec<String> = catalog
        .occupations()
        .iter()
        .flat_map(|o| {
            let mut texts = vec![o.title().to_string(), o.summary().to_string()];
            texts.extend(o.aliases().iter().cloned());
            texts.extend(o.education().iter().cloned());
            texts.extend(o.settings().iter().cloned());
            texts.extend(o.skills().iter().cloned());
            texts
        })
        .flat_map(|t| words_of(&t))
        .collect();
    words.sort();
    words.dedup();
    words
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_match_matches_and_highlights_are_characters_of_the_field(
        query in query_strategy(catalog_words(&bundled()))
    ) {
        check_matches(&bundled(), &query)?;
    }

    #[test]
    fn unicode_text_highlights_whole_characters(
        query in query_strategy(catalog_words(&Catalog::from_str(UNICODE_TOML, "u").expect("valid")))
    ) {
        check_matches(&Catalog::from_str(UNICODE_TOML, "u").expect("valid"), &query)?;
    }

    #[test]
    fn any_text_is_a_query(query in "\\PC{0,24}") {
        let catalog = bundled();
        check_matches(&catalog, &query)?;
    }
}

#[test]
fn a_synonym_of_several_words_passes_the_independent_check() {
    // "old" means "long-term" (care homes), which the check's word split makes two words; a
    // random run found the check refusing it (its seed is in search.proptest-regressions)
    let catalog = bundled();
    let found = search(&catalog, "old");
    let hygienist = found
        .iter()
        .find(|m| title(&catalog, m.occupation) == "Dental Hygienist")
        .expect("a dental hygienist works in long-term care homes");
    assert_eq!(
        hygienist.reason.map(|f| matches!(f, Field::Setting(_))),
        Some(true)
    );
    for query in ["old", "elderly", "seniors"] {
        check_matches(&catalog, query).expect(query);
    }
}

#[test]
fn unicode_fields_match_and_map_back_to_characters() {
    let catalog = Catalog::from_str(UNICODE_TOML, "u").expect("valid");
    let found = search(&catalog, "generaliste");
    assert!(found.is_empty(), "accents are not folded away (yet)");
    let found = search(&catalog, "géné");
    let m = found.first().expect("médecin");
    assert_eq!(m.ranges(Field::Title), vec![8..12]);
    // 'İ' lowercases to two characters ("i̇"); the highlight still covers the one original
    let m = &search(&catalog, "İnfirm")[0];
    assert_eq!(m.ranges(Field::Alias(0)), vec![0..6]);
    let m = &search(&catalog, "alias:étudiant")[0];
    assert_eq!(m.ranges(Field::Alias(0)), vec![10..18]);
    let m = &search(&catalog, "\"İnfirmier étu\"")[0];
    assert_eq!(m.ranges(Field::Alias(0)), vec![0..13]);
    let m = &search(&catalog, "écoute")[0];
    assert_eq!(m.ranges(Field::Skill(0)), vec![0..6]);
    assert_eq!(m.reason, Some(Field::Skill(0)));
}

// --- the browser and the search command agree ---------------------------------------------------

fn typed_app(catalog: Catalog, text: &str) -> App {
    let mut app = testing::app_with(catalog, Theme::monochrome(), 120, 40);
    testing::typed(&mut app, text);
    app
}

fn assert_browser_agrees(catalog: &Catalog, query: &str) {
    let expected: Vec<OccupationIdx> = search(catalog, query)
        .iter()
        .map(|m| m.occupation)
        .collect();
    let app = typed_app(catalog.clone(), query);
    let shown: Vec<OccupationIdx> = app
        .filter()
        .matches()
        .iter()
        .map(|m| m.occupation)
        .collect();
    assert_eq!(shown, expected, "{query:?}: filter matches differ");
    // the list groups by cluster, clusters in the order of their best match
    let mut grouped: Vec<(usize, Vec<OccupationIdx>)> = Vec::new();
    for &o in &expected {
        let c = catalog.occupation(o).cluster().0;
        match grouped.iter_mut().find(|(g, _)| *g == c) {
            Some((_, members)) => members.push(o),
            None => grouped.push((c, vec![o])),
        }
    }
    let expected_rows: Vec<OccupationIdx> = grouped.into_iter().flat_map(|(_, m)| m).collect();
    let rows: Vec<OccupationIdx> = app
        .list()
        .rows()
        .iter()
        .filter_map(|r| match r {
            Row::Occupation(o) => Some(*o),
            Row::Cluster(_) => None,
        })
        .collect();
    assert_eq!(rows, expected_rows, "{query:?}: list rows differ");
}

#[test]
fn the_browser_shows_what_search_finds_in_the_same_order() {
    let catalog = bundled();
    for &(query, _, _) in FIRST_RESULTS {
        assert_browser_agrees(&catalog, query);
    }
    // one search: the plain-language, word-form and closest-first cases too
    for &(query, _, _) in HOW_PEOPLE_ASK {
        assert_browser_agrees(&catalog, query);
    }
    for query in [
        "dentist kinesiology",
        "p",
        "ph",
        "the",
        "therapist rehab",
        "a",
        "physiotherapist",
        "zzz",
    ] {
        assert_browser_agrees(&catalog, query);
    }
}

#[test]
fn the_browser_agrees_on_a_bigger_catalog_too() {
    let catalog = Catalog::from_str(&catalog_toml(400), "synthetic").expect("valid");
    for query in ["physio", "psyhcologist", "edu:psych", "senior nurse", "p"] {
        assert_browser_agrees(&catalog, query);
    }
}

// --- how people ask: the query table ------------------------------------------------------------

/// Where the expected occupation must be.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    First,
    Top3,
}
use Want::{First, Top3};

/// Queries people type, with the occupation they mean: plurals and word forms, exact names,
/// misspellings, abbreviations, U.S. and Canadian spellings, plain language, new occupations.
const HOW_PEOPLE_ASK: &[(&str, &str, Want)] = &[
    // the seed's plurals and other plurals
    ("nurses", "Registered Nurse", First),
    ("psychologists", "Psychologist", First),
    ("pharmacists", "Pharmacist", First),
    ("physiotherapists", "Physiotherapist", First),
    ("dieticians", "Dietitian", First),
    ("chiropractors", "Chiropractor", First),
    ("occupational therapists", "Occupational Therapist", First),
    ("psychiatrists", "Psychiatrist", First),
    ("counsellors", "Counsellor", First),
    ("therapists", "Therapist", Top3),
    ("doctors", "Family Physician", First),
    ("nurse practitioners", "Nurse Practitioner", First),
    ("dermatologists", "Dermatologist", First),
    ("athletic therapists", "Athletic Therapist", First),
    ("midwives", "Midwife", First),
    ("paramedics", "Paramedic", First),
    ("surgeons", "Surgeon", First),
    // word forms
    ("recreation therapy", "Recreation Therapist", First),
    ("physiotherapy", "Physiotherapist", First),
    ("kinesiology", "Kinesiologist", First),
    ("psychology", "Psychologist", First),
    ("midwifery", "Midwife", First),
    ("radiography", "Medical Radiation Technologist", First),
    ("sonography", "Medical Sonographer", First),
    ("respiratory therapy", "Respiratory Therapist", First),
    ("biostatistics", "Biostatistician", First),
    ("therapy", "Therapist", Top3),
    // the name that is the query comes first
    ("doctor", "Family Physician", First),
    ("nurse", "Registered Nurse", First),
    ("counselor", "Counsellor", First),
    ("counsellor", "Counsellor", First),
    ("surgeon", "Surgeon", First),
    ("dentist", "Dentist", First),
    // misspellings common in this field
    ("councillor", "Counsellor", First),
    ("counseler", "Counsellor", First),
    ("phychiatrist", "Psychiatrist", First),
    ("pysiotherapy", "Physiotherapist", First),
    ("dietition", "Dietitian", First),
    ("psyhcologist", "Psychologist", First),
    ("pharmasist", "Pharmacist", First),
    ("optomotrist", "Optometrist", First),
    // abbreviations
    ("OT", "Occupational Therapist", First),
    ("PT", "Physiotherapist", First),
    ("RN", "Registered Nurse", First),
    ("NP", "Nurse Practitioner", First),
    ("SLP", "Speech-Language Pathologist", First),
    ("RT", "Respiratory Therapist", Top3),
    ("RRT", "Respiratory Therapist", First),
    ("PSW", "Personal Support Worker", First),
    ("LPN", "Licensed Practical Nurse", First),
    ("EMT", "Paramedic", First),
    ("PA", "Physician Assistant", First),
    ("RMT", "Massage Therapist", First),
    ("GP", "Family Physician", First),
    // U.S. names and spellings
    ("physical therapist", "Physiotherapist", First),
    ("speech therapist", "Speech-Language Pathologist", First),
    ("x-ray technician", "Medical Radiation Technologist", First),
    ("pharmacy technician", "Pharmacy Technician", First),
    ("personal support worker", "Personal Support Worker", First),
    ("athletic trainer", "Athletic Therapist", First),
    ("orthopedic surgeon", "Surgeon", First),
    // plain language
    ("i like sports", "Athletic Therapist", Top3),
    ("sport helping people", "Physiotherapist", Top3),
    ("helping people", "Counsellor", Top3),
    ("working with seniors", "Personal Support Worker", Top3),
    ("heart doctor", "Cardiologist", First),
    ("skin doctor", "Dermatologist", First),
    ("x-ray", "Medical Radiation Technologist", First),
    ("hearing", "Audiologist", First),
    ("teeth", "Dental Hygienist", Top3),
    ("eyes", "Optometrist", First),
    ("speech", "Speech-Language Pathologist", First),
    ("pharmacy", "Pharmacist", Top3),
    ("nutrition", "Dietitian", First),
    (
        "health data",
        "Health Information Management Professional",
        Top3,
    ),
    ("emergency", "Paramedic", First),
    ("babies", "Midwife", First),
    ("lab", "Medical Laboratory Technologist", First),
    ("mental health", "Counsellor", Top3),
];

#[test]
fn how_people_ask_finds_what_they_mean() {
    let catalog = bundled();
    let searcher = Searcher::new(&catalog);
    let (mut first, mut top3, mut failures) = (0, 0, Vec::new());
    for &(query, expected, want) in HOW_PEOPLE_ASK {
        let found: Vec<&str> = searcher
            .search(&Query::parse(query))
            .iter()
            .take(3)
            .map(|m| title(&catalog, m.occupation))
            .collect();
        let at = found.iter().position(|t| *t == expected);
        first += usize::from(at == Some(0));
        top3 += usize::from(at.is_some());
        let ok = match want {
            First => at == Some(0),
            Top3 => at.is_some(),
        };
        if !ok {
            failures.push(format!("{query:?}: want {expected}, got {found:?}"));
        }
    }
    let n = HOW_PEOPLE_ASK.len();
    assert!(n >= 60, "the table has {n} queries");
    eprintln!("how people ask: {n} queries, top-1 {first}/{n}, top-3 {top3}/{n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn small_words_never_make_a_query_fail_and_the_closest_come_first() {
    let catalog = bundled();
    let searcher = Searcher::new(&catalog);
    // every word matched by someone, but by no one all together: closest first, and said so
    let found = searcher.search(&Query::parse("dentist kinesiology"));
    assert!(!found.is_empty());
    let words = found[0].partial.as_ref().expect("a partial match");
    assert_eq!(words.len(), 1, "{words:?}");
    // small words alone are still a query
    assert!(!searcher.search(&Query::parse("people")).is_empty());
    // and never filter when there is more
    let with = searcher.search(&Query::parse("i like to work with sports"));
    let without = searcher.search(&Query::parse("sports"));
    assert_eq!(
        with.first().map(|m| m.occupation),
        without.first().map(|m| m.occupation)
    );
    assert!(with.iter().all(|m| m.partial.is_none()));
}
