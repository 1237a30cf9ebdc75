//! Matching: turns the filter text into a [`Query`] and the catalog into ranked [`Match`]es with
//! the character ranges to highlight and the reason a row matched.
//!
//! Pure and terminal-free: the browser, the `search` command and the benchmarks call the same
//! [`Searcher::search`]. Folding every field of the catalog happens once, in [`Searcher::new`], so a
//! keystroke only scans prepared text.
//!
//! Rules. The query is split on whitespace into terms; an occupation matches when every term
//! matches at least one of its fields, case-insensitively. Titles, aliases and the cluster name
//! match anywhere inside a word ("physio" in "Physiotherapist", "therap" in it too); the longer,
//! descriptive fields (skills, education, settings, summary, duties) match only at the start of a
//! word, so a short term like "an" does not pull in every sentence. Ranking: title > alias >
//! cluster > skills/education/settings > summary/duties; a match at a word start beats one
//! inside a word; a term found in more places ranks a little higher; remaining ties go to the
//! title in alphabetical order.

use std::ops::Range;

use crate::catalog::{Catalog, OccupationIdx};
use crate::text::{Folded, fold};

/// A searchable field of an occupation; the number picks an item of a list field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Alias(u16),
    Cluster,
    Skill(u16),
    Education(u16),
    Setting(u16),
    Summary,
    Duty(u16),
}

impl Field {
    /// How much a match in this field counts; higher ranks first.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 1000,
            Field::Alias(_) => 800,
            Field::Cluster => 600,
            Field::Skill(_) | Field::Education(_) | Field::Setting(_) => 400,
            Field::Summary | Field::Duty(_) => 200,
        }
    }

    /// Whether the field holds sentences (summary, duties) rather than a name or a short item.
    pub fn is_long(self) -> bool {
        matches!(self, Field::Summary | Field::Duty(_))
    }

    /// Whether a term may match inside a word of this field, not only at a word start.
    fn matches_inside_words(self) -> bool {
        matches!(self, Field::Title | Field::Alias(_) | Field::Cluster)
    }

    /// The field's name as a person reads it ("education").
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Alias(_) => "also called",
            Field::Cluster => "cluster",
            Field::Skill(_) => "skill",
            Field::Education(_) => "education",
            Field::Setting(_) => "setting",
            Field::Summary => "summary",
            Field::Duty(_) => "duties",
        }
    }

    /// The text of this field for an occupation.
    pub fn text<'a>(self, catalog: &'a Catalog, occupation: OccupationIdx) -> &'a str {
        let o = catalog.occupation(occupation);
        let item = |list: &'a [String], i: u16| list.get(usize::from(i)).map_or("", String::as_str);
        match self {
            Field::Title => &o.title,
            Field::Alias(i) => item(&o.aliases, i),
            Field::Cluster => &catalog.cluster(o.cluster).name,
            Field::Skill(i) => item(&o.skills, i),
            Field::Education(i) => item(&o.education, i),
            Field::Setting(i) => item(&o.settings, i),
            Field::Summary => &o.summary,
            Field::Duty(i) => item(&o.duties, i),
        }
    }
}

/// A parsed filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<Vec<char>>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        Query {
            terms: text.split_whitespace().map(fold).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A stretch of a field to highlight, in characters of the field's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub field: Field,
    pub range: Range<usize>,
}

/// One occupation that matched, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub occupation: OccupationIdx,
    pub score: u32,
    /// Every place a term was found, by field.
    pub highlights: Vec<Highlight>,
    /// The best field that matched when the title did not: what the list explains.
    pub reason: Option<Field>,
}

impl Match {
    /// The highlighted character ranges of one field, sorted and merged.
    pub fn ranges(&self, field: Field) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = self
            .highlights
            .iter()
            .filter(|h| h.field == field)
            .map(|h| h.range.clone())
            .collect();
        merge_ranges(&mut ranges);
        ranges
    }
}

/// Sorts ranges and merges those that overlap or touch.
pub fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

/// The catalog's text, folded once for matching.
#[derive(Debug, Clone)]
pub struct Searcher {
    entries: Vec<Vec<(Field, Folded)>>,
    /// Folded titles, for breaking ties alphabetically without allocating per search.
    sort_keys: Vec<String>,
}

impl Searcher {
    pub fn new(catalog: &Catalog) -> Searcher {
        let entries = catalog
            .occupations
            .iter()
            .map(|o| {
                let mut fields = vec![(Field::Title, Folded::new(&o.title))];
                fn list(make: fn(u16) -> Field, items: &[String]) -> Vec<(Field, Folded)> {
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, s)| (make(i as u16), Folded::new(s)))
                        .collect()
                }
                fields.extend(list(Field::Alias, &o.aliases));
                fields.push((
                    Field::Cluster,
                    Folded::new(&catalog.cluster(o.cluster).name),
                ));
                fields.extend(list(Field::Skill, &o.skills));
                fields.extend(list(Field::Education, &o.education));
                fields.extend(list(Field::Setting, &o.settings));
                fields.push((Field::Summary, Folded::new(&o.summary)));
                fields.extend(list(Field::Duty, &o.duties));
                fields
            })
            .collect();
        let sort_keys = catalog
            .occupations
            .iter()
            .map(|o| o.title.to_lowercase())
            .collect();
        Searcher { entries, sort_keys }
    }

    /// Every occupation matching `query`, best first. An empty query matches nothing: the browser
    /// shows the whole catalog then, without ranking.
    pub fn search(&self, query: &Query) -> Vec<Match> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut matches: Vec<Match> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, fields)| match_occupation(OccupationIdx(i), fields, query))
            .collect();
        matches.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.sort_keys[a.occupation.0].cmp(&self.sort_keys[b.occupation.0]))
                .then_with(|| a.occupation.cmp(&b.occupation))
        });
        matches
    }
}

fn match_occupation(
    occupation: OccupationIdx,
    fields: &[(Field, Folded)],
    query: &Query,
) -> Option<Match> {
    let mut score = 0;
    let mut highlights = Vec::new();
    let mut title_hit = false;
    let mut best_other: Option<Field> = None;
    for term in &query.terms {
        let mut best_for_term = 0;
        let before = highlights.len();
        for (field, folded) in fields {
            let mut from = 0;
            while let Some(at) = find(&folded.chars, term, from) {
                from = at + term.len().max(1);
                let word_start = folded.is_word_start(at);
                if !word_start && !field.matches_inside_words() {
                    continue;
                }
                let mut s = field.weight();
                if word_start {
                    s += 50;
                }
                if at == 0 {
                    s += 25;
                }
                best_for_term = best_for_term.max(s);
                highlights.push(Highlight {
                    field: *field,
                    range: folded.original_range(at, at + term.len()),
                });
                if *field == Field::Title {
                    title_hit = true;
                } else if best_other.is_none_or(|b| field.weight() > b.weight()) {
                    best_other = Some(*field);
                }
            }
        }
        if best_for_term == 0 {
            return None;
        }
        // a term found in many places says more about the occupation than one found once
        let found = highlights.len() - before;
        score += best_for_term + found.min(20) as u32;
    }
    Some(Match {
        occupation,
        score,
        highlights,
        reason: if title_hit { None } else { best_other },
    })
}

/// The first position at or after `from` where `needle` occurs in `haystack`.
fn find(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    (from..=haystack.len() - needle.len())
        .find(|&i| haystack[i] == first && haystack[i..i + needle.len()] == *needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::bundled().unwrap()
    }

    fn titles(catalog: &Catalog, query: &str) -> Vec<String> {
        Searcher::new(catalog)
            .search(&Query::parse(query))
            .iter()
            .map(|m| catalog.occupation(m.occupation).title.clone())
            .collect()
    }

    #[test]
    fn title_prefix_ranks_first() {
        let c = catalog();
        assert_eq!(titles(&c, "physio")[0], "Physiotherapist");
        assert_eq!(titles(&c, "PHYSIO")[0], "Physiotherapist");
    }

    #[test]
    fn aliases_find_occupations() {
        let c = catalog();
        assert_eq!(titles(&c, "dietician")[0], "Dietitian");
        assert_eq!(titles(&c, "physical therapist")[0], "Physiotherapist");
        assert_eq!(titles(&c, "mri tech")[0], "MRI Technologist");
        assert_eq!(titles(&c, "gp")[0], "Family Physician");
    }

    #[test]
    fn cluster_name_matches_all_its_occupations() {
        let c = catalog();
        let rehab = c.cluster_by_id("rehabilitation").unwrap();
        let found = Searcher::new(&c).search(&Query::parse("rehabilitation"));
        for &o in &c.cluster(rehab).occupations {
            assert!(found.iter().any(|m| m.occupation == o));
        }
    }

    #[test]
    fn every_term_must_match() {
        let c = catalog();
        let found = titles(&c, "therapist rehab");
        assert!(!found.is_empty());
        assert!(
            found.iter().all(|t| t.to_lowercase().contains("therap")
                || c.occupations.iter().any(|o| &o.title == t
                    && o.aliases
                        .iter()
                        .any(|a| a.to_lowercase().contains("therap")))),
            "{found:?}"
        );
        assert!(titles(&c, "physio zzzz").is_empty());
    }

    #[test]
    fn descriptive_fields_match_at_word_starts_and_explain_why() {
        let c = catalog();
        let s = Searcher::new(&c);
        let found = s.search(&Query::parse("injur"));
        assert!(!found.is_empty());
        let physio = c.occupation_by_id("physiotherapist").unwrap();
        let m = found
            .iter()
            .find(|m| m.occupation == physio)
            .expect("physio matches injur");
        assert!(m.reason.is_some());
        for h in &m.highlights {
            let text: String = h
                .field
                .text(&c, physio)
                .chars()
                .skip(h.range.start)
                .take(h.range.len())
                .collect();
            assert_eq!(text.to_lowercase(), "injur");
        }
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert!(titles(&catalog(), "   ").is_empty());
    }

    #[test]
    fn ranges_merge() {
        let mut r = vec![5..7, 0..2, 1..3, 7..9];
        merge_ranges(&mut r);
        assert_eq!(r, vec![0..3, 5..9]);
    }
}
