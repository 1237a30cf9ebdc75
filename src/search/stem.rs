//! Word families: which forms of a word count as the same word for searching, so "nurses" finds
//! Nurse, "physiotherapy" finds Physiotherapist and "recreation therapy" finds Recreation
//! Therapist.
//!
//! A family key is the Snowball English stem (the `rust-stemmers` crate: plurals and verb forms,
//! "nurses" → "nurs", "helping" → "help") with one of the endings that turn a field into its
//! practitioner taken off — "-ist", "-ian", "-ic", "-ics" and Snowball's "-i" for "-y": therapy
//! and therapist, kinesiology and kinesiologist, psychology and psychologist, paediatrics and
//! paediatrician all share a key. A key shorter than four letters is never shortened, so short
//! words keep their meaning. Pure; knows nothing of the catalog.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Endings that mark the practitioner or the adjective of a field, longest first.
const DERIVED: &[&str] = &["ician", "ist", "ian", "ics", "ic", "i"];

/// The family key of a folded (lowercase) word.
pub fn family(word: &str) -> String {
    let stem = ENGLISH.stem(word);
    for ending in DERIVED {
        if let Some(root) = stem.strip_suffix(ending)
            && root.chars().count() >= 4
        {
            return root.to_string();
        }
    }
    stem.into_owned()
}

/// Small words that say how a person asks rather than what about ("i like sports", "working
/// with seniors", "helping people"): they never make a query fail.
pub const SMALL_WORDS: &[&str] = &[
    "a",
    "about",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "can",
    "do",
    "enjoy",
    "for",
    "from",
    "good",
    "i",
    "i'm",
    "im",
    "in",
    "into",
    "is",
    "it",
    "job",
    "jobs",
    "like",
    "love",
    "me",
    "my",
    "of",
    "on",
    "or",
    "people",
    "person",
    "some",
    "something",
    "that",
    "the",
    "things",
    "to",
    "want",
    "who",
    "with",
    "work",
    "working",
    "would",
];

/// Everyday words for what the catalog says in its own terms, so a plain-language query finds
/// the occupations ("working with seniors" → older adults, long-term care). Each is tried
/// alongside the word typed, as if it were another form of it.
const EVERYDAY: &[(&str, &[&str])] = &[
    ("babies", &["newborns", "infants", "pregnancy"]),
    ("baby", &["newborns", "infants", "pregnancy"]),
    ("children", &["child", "kids", "paediatric", "pediatric"]),
    ("elderly", &["older", "seniors", "long-term"]),
    ("eye", &["vision", "eyes"]),
    ("eyes", &["vision", "eye"]),
    ("kids", &["children", "child", "paediatric", "pediatric"]),
    ("old", &["older", "seniors", "long-term"]),
    ("seniors", &["older", "elderly", "long-term"]),
    ("sports", &["athletes", "athletic", "sport"]),
    ("teeth", &["dental", "oral", "tooth"]),
];

/// The everyday synonyms of a folded word, if it has any.
pub fn everyday(word: &str) -> &'static [&'static str] {
    EVERYDAY
        .binary_search_by(|(w, _)| (*w).cmp(word))
        .map_or(&[], |i| EVERYDAY[i].1)
}

/// The small words that still say something about the work ("helping *people*"): they do not
/// filter, but an occupation that has them ranks higher.
pub const RANKING_WORDS: &[&str] = &["people", "person"];

/// Whether `word` (folded) is one of the [`SMALL_WORDS`].
pub fn is_small(word: &str) -> bool {
    SMALL_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_practitioners_meet_their_fields() {
        for (a, b) in [
            ("nurses", "nurse"),
            ("psychologists", "psychologist"),
            ("therapy", "therapist"),
            ("physiotherapy", "physiotherapists"),
            ("kinesiology", "kinesiologist"),
            ("psychology", "psychologist"),
            ("helping", "helps"),
            ("sports", "sport"),
            ("dieticians", "dietician"),
            ("chiropractors", "chiropractor"),
        ] {
            assert_eq!(family(a), family(b), "{a} / {b}");
        }
        // different words stay apart
        for (a, b) in [
            ("nurse", "nutrition"),
            ("care", "career"),
            ("heart", "health"),
        ] {
            assert_ne!(family(a), family(b), "{a} / {b}");
        }
    }

    #[test]
    fn everyday_words_are_sorted_for_lookup() {
        let mut sorted: Vec<&str> = EVERYDAY.iter().map(|(w, _)| *w).collect();
        sorted.sort_unstable();
        assert_eq!(sorted, EVERYDAY.iter().map(|(w, _)| *w).collect::<Vec<_>>());
        assert_eq!(everyday("seniors"), ["older", "elderly", "long-term"]);
        assert!(everyday("nurse").is_empty());
    }

    #[test]
    fn small_words_are_sorted_for_lookup() {
        let mut sorted = SMALL_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, SMALL_WORDS);
        assert!(is_small("people") && is_small("i") && !is_small("sports"));
    }
}
