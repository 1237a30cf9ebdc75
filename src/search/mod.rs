//! Matching: turns the filter text into a [`Query`] and the catalog into ranked [`Match`]es with
//! the character ranges to highlight and the reason a row matched.
//!
//! Pure and terminal-free: the browser, the `search` command, the examples and the benchmarks all
//! call [`Searcher::search`], so they agree on matches and order. Everything that can be prepared
//! is prepared once in [`Searcher::new`] (see [`index`]).
//!
//! # Rules
//! The query syntax is in [`query`]: words, `"phrases"` and `field:` scopes; every term must hold.
//! A free word matches
//! - titles and aliases **fuzzily** (letters in order, gaps allowed, as in fzf) and with typing
//!   errors: one missing, wrong or swapped letter from six letters on, two from twelve, provided
//!   the match stays compact — so "dietician" finds Dietitian, "psyhcologist" Psychologist,
//!   "phisiotherapist" Physiotherapist and "councellor" Counsellor without a list of misspellings;
//! - the cluster name anywhere inside a word;
//! - skills, education, settings, summary, duties and the NOC code at the **start of a word**, so a
//!   short word like "an" does not pull in every sentence.
//!
//! Ranking, per term, best field wins: title > alias > cluster > skills/education/settings/NOC >
//! summary/duties. Within a field a contiguous match beats a typo match, which beats a scattered
//! fuzzy match; a match at a word start or at the very start ranks higher; a term found in more
//! places ranks a little higher. Remaining ties go to the title in alphabetical order.
//!
//! # Why frizbee
//! We measured both candidate fuzzy matchers on our titles and aliases (169 strings bundled, and
//! 54k synthetic strings ≈ a 10k-occupation catalog), release build, this 2-core machine:
//!
//! | typing "physiotherapist", per keystroke | time over 54k strings |
//! |---|---|
//! | nucleo-matcher 0.3 (fuzzy, with or without indices) | 1.76 ms |
//! | frizbee 0.13, 0 typos (scores / with indices) | 0.56 / 1.40 ms |
//! | frizbee 0.13, 1 typo (scores / with indices) | 1.67 / 3.08 ms |
//!
//! | query | nucleo-matcher | frizbee, 1 typo |
//! |---|---|---|
//! | psyhcologist | no match | Psychologist first |
//! | phisiotherapist | no match | Physiotherapist first |
//! | councellor | no match | Counsellor first |
//! | dietician | only the alias "Dietician" | Dietician, then Dietitian |
//!
//! nucleo-matcher only matches letters in order, so swapped or wrong letters never match; frizbee's
//! Smith-Waterman alignment counts them as typos, and it is faster at equal work. (Measured with a
//! throwaway program, not kept, so the build does not carry a second matcher.)
//!
//! Frizbee alone is too generous for a career list ("nurse" with one typo finds "Nutritionist";
//! "nur" in order finds "mental health counselor"), so `classify` keeps a fuzzy match only when
//! it reads as what someone meant: it starts at a word start; a typo match is compact (spans at
//! most the term's length plus the typos allowed) and ends on the term's last letter ("physio" is
//! the start of Physiotherapist, not a misspelt "physician"); a scattered match jumps only to word
//! starts or in runs of three letters or more ("ot" → Occupational Therapist, "phys ther"). A
//! single letter matches word starts only. Strings are folded to lowercase before matching, with
//! a map back to original characters for highlights.
//!
//! # Speed
//! A prefix search walks postings of matching words only; the fuzzy matcher runs over the distinct
//! title and alias strings, or, once earlier terms have left few candidates, over the candidates'
//! own strings. Per-search scratch arrays are indexed by occupation.

pub mod index;
pub mod query;
pub mod stem;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::catalog::{Catalog, OccupationIdx};
use index::{ClusterNames, Kind, Names, Posting, WordIndex};
pub use query::{Query, Scope, Term};

/// A searchable field of an occupation; the number picks an item of a list field.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Field {
    Title,
    Alias(u16),
    Cluster,
    Skill(u16),
    Education(u16),
    Setting(u16),
    Summary,
    Duty(u16),
    /// The NOC 2021 unit group code.
    Noc,
    /// An educational background of the occupation's cluster ("Psychology"): what `edu:` also
    /// searches, since the seed names backgrounds per cluster. Free words do not reach it, or
    /// "nursing" would list every occupation of two clusters.
    ClusterEducation(u16),
    /// The preparation level (the NOC code's TEER digit); reached only by `teer:`.
    Teer,
    /// The O*NET Job Zone (1–5); reached only by `zone:`.
    JobZone,
}

impl Field {
    /// The field of item `i` of an occupation's list section, if that section is searched.
    pub fn of_section(section: crate::catalog::Section, i: u16) -> Option<Field> {
        use crate::catalog::Section;
        match section {
            Section::Duties => Some(Field::Duty(i)),
            Section::Education => Some(Field::Education(i)),
            Section::Settings => Some(Field::Setting(i)),
            Section::Skills => Some(Field::Skill(i)),
            Section::WorkingConditions | Section::CareerPath => None,
        }
    }

    /// Whether the field holds sentences (summary, duties) rather than a name or a short item.
    pub fn is_long(self) -> bool {
        matches!(self, Field::Summary | Field::Duty(_))
    }

    /// How much a match in this field counts; higher ranks first.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 1000,
            Field::Alias(_) => 800,
            Field::Cluster => 600,
            Field::Skill(_) | Field::Education(_) | Field::Setting(_) | Field::Noc => 400,
            Field::ClusterEducation(_) => 350,
            Field::Teer | Field::JobZone => 400,
            Field::Summary | Field::Duty(_) => 200,
        }
    }

    /// The field's name as a person reads it ("education").
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Alias(_) => "also called",
            Field::Cluster => "cluster",
            Field::Skill(_) => "skill",
            Field::Education(_) | Field::ClusterEducation(_) => "education",
            Field::Setting(_) => "setting",
            Field::Summary => "summary",
            Field::Duty(_) => "duties",
            Field::Noc => "NOC",
            Field::Teer => "TEER",
            Field::JobZone => "Job Zone",
        }
    }

    /// The text of this field for an occupation.
    pub fn text<'a>(self, catalog: &'a Catalog, occupation: OccupationIdx) -> &'a str {
        let o = catalog.occupation(occupation);
        let item = |list: &'a [String], i: u16| list.get(usize::from(i)).map_or("", String::as_str);
        match self {
            Field::Title => o.title(),
            Field::Alias(i) => item(o.aliases(), i),
            Field::Cluster => catalog.cluster(o.cluster()).name(),
            Field::Skill(i) => item(o.skills(), i),
            Field::Education(i) => item(o.education(), i),
            Field::Setting(i) => item(o.settings(), i),
            Field::Summary => o.summary(),
            Field::Duty(i) => item(o.duties(), i),
            Field::Noc => o.noc().unwrap_or(""),
            Field::Teer => o.teer().map_or("", |t| t.digit()),
            Field::JobZone => o.job_zone().map_or("", |z| z.digit()),
            Field::ClusterEducation(i) => item(catalog.cluster(o.cluster()).education(), i),
        }
    }

    fn kind(self) -> Kind {
        match self {
            Field::Title => Kind::Title,
            Field::Alias(_) => Kind::Alias,
            Field::Cluster => Kind::Cluster,
            Field::Skill(_) => Kind::Skill,
            Field::Education(_) => Kind::Education,
            Field::Setting(_) => Kind::Setting,
            Field::Summary => Kind::Summary,
            Field::Duty(_) => Kind::Duty,
            Field::Noc => Kind::Noc,
            Field::ClusterEducation(_) => Kind::ClusterEducation,
            Field::Teer => Kind::Teer,
            Field::JobZone => Kind::JobZone,
        }
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
    /// When no occupation holds every word: the words this one holds (as typed, folded), for
    /// a "closest first" list. `None` when it matches them all.
    pub partial: Option<Vec<String>>,
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

/// Every kind of field a free word or phrase may reach, for terms that may match anywhere
/// literally: titles, aliases and cluster names first, then [`WORD_KINDS`].
const ALL_KINDS: &[Kind] = Kind::ALL.split_at(9).0;

/// The fields a free word matches by word prefix (titles, aliases and cluster names have their
/// own, fuzzy or in-word, matching).
const WORD_KINDS: &[Kind] = ALL_KINDS.split_at(3).1;

/// Score bonus for a match at the start of a word.
const WORD_START: u32 = 50;
/// Further bonus for a match at the very start of the field.
const FIELD_START: u32 = 25;
/// Further bonus when the term is the whole title or alias: the occupation whose name *is* what
/// was typed comes before those whose longer names start with it.
const WHOLE_NAME: u32 = 400;

/// The catalog's text, prepared once for matching.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Searcher {
    words: WordIndex,
    names: Names,
    clusters: ClusterNames,
    /// Each cluster's occupations.
    members: Vec<Vec<u32>>,
    /// Each occupation's place in alphabetical order of titles, for breaking ties cheaply.
    title_rank: Vec<u32>,
    /// Each cluster's summary and description as words, for "closest first" ranking.
    cluster_words: Vec<ClusterWords>,
}

/// The words of a cluster's summary and description, folded, with their family keys.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct ClusterWords {
    words: Vec<String>,
    families: HashSet<String>,
}

impl ClusterWords {
    fn new(texts: &[&str]) -> ClusterWords {
        let mut words: Vec<String> = texts
            .iter()
            .flat_map(|t| query::words(t))
            .map(query::fold_str)
            .collect();
        words.sort_unstable();
        words.dedup();
        let families = words.iter().map(|w| stem::family(w)).collect();
        ClusterWords { words, families }
    }

    /// Whether a word of the text starts with `word`, or shares its family.
    fn holds(&self, word: &str) -> bool {
        let at = self.words.partition_point(|w| w.as_str() < word);
        self.words.get(at).is_some_and(|w| w.starts_with(word))
            || self.families.contains(&stem::family(word))
    }
}

impl Searcher {
    pub fn new(catalog: &Catalog) -> Searcher {
        Searcher {
            words: WordIndex::new(catalog),
            names: Names::new(catalog),
            clusters: ClusterNames::new(catalog),
            members: catalog
                .clusters()
                .iter()
                .map(|c| c.occupations().iter().map(|o| o.0 as u32).collect())
                .collect(),
            title_rank: title_ranks(catalog),
            cluster_words: catalog
                .clusters()
                .iter()
                .map(|c| ClusterWords::new(&[c.summary(), c.description()]))
                .collect(),
        }
    }

    /// The word index's postings, which its serde encoding leaves out: the cache stores them as
    /// their raw bytes after the rest, and puts them back with [`Searcher::set_postings`].
    pub fn postings(&self) -> &[index::Posting] {
        self.words.postings_table()
    }

    /// How many postings a decoded searcher's offsets call for.
    pub fn postings_expected(&self) -> usize {
        self.words.postings_expected()
    }

    /// Gives a decoded searcher back its postings; [`Searcher::fits`] then checks them.
    pub fn set_postings(&mut self, postings: Vec<index::Posting>) {
        self.words.set_postings_table(postings);
    }

    /// Whether this index was built for a catalog of `catalog`'s shape: every table the right
    /// length and every number in range, so no lookup can panic. Always true of
    /// `Searcher::new(catalog)`; the cache checks a searcher it decoded with it.
    pub fn fits(&self, catalog: &Catalog) -> bool {
        let occupations = catalog.occupations().len();
        let clusters = catalog.clusters().len();
        self.words.fits(occupations)
            && self.names.fits(occupations)
            && self.clusters.folded.len() == clusters
            && self.cluster_words.len() == clusters
            && self.title_rank.len() == occupations
            && self.members.len() == clusters
            && self
                .members
                .iter()
                .flatten()
                .all(|&o| (o as usize) < occupations)
    }

    /// Every occupation matching `query`, best first. An empty query matches nothing: the browser
    /// shows the whole catalog then, without ranking.
    pub fn search(&self, query: &Query) -> Vec<Match> {
        self.run(query)
    }

    fn run(&self, query: &Query) -> Vec<Match> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut found = self.run_terms(&query.terms);
        if found.is_empty() && query.terms.len() >= 2 {
            found = self.closest(&query.terms);
        }
        if query.plain && !found.is_empty() {
            // A plain-language query: the small words rank, they do not filter ("helping
            // people" puts "helps people recover" above "a degree helps"), and so does the
            // cluster's own summary and description, at a lower weight.
            let mut bonus = vec![0u32; self.title_rank.len()];
            for term in &query.optional {
                for m in self.run_terms(std::slice::from_ref(term)) {
                    bonus[m.occupation.0] += m.score;
                }
            }
            for term in query.terms.iter().chain(&query.optional) {
                if term.phrase || term.scope != Scope::Any {
                    continue;
                }
                for (c, words) in self.cluster_words.iter().enumerate() {
                    if words.holds(&term.words[0]) {
                        for &o in &self.members[c] {
                            bonus[o as usize] += Field::Cluster.weight() / 2;
                        }
                    }
                }
            }
            for m in &mut found {
                m.score += bonus[m.occupation.0];
            }
            if found.first().is_none_or(|m| m.partial.is_none()) {
                self.sort(&mut found);
            }
        }
        found
    }

    /// Occupations matching every one of `terms`, best first.
    fn run_terms(&self, terms: &[Term]) -> Vec<Match> {
        let mut acc = Accumulator::new(self.title_rank.len());
        for term in terms {
            self.match_term(term, &mut acc);
            if term.scope == Scope::Any && !term.phrase {
                for synonym in stem::everyday(&term.words[0]) {
                    if let Some(alt) = Term::free(synonym) {
                        self.match_term(&alt, &mut acc);
                    }
                }
            }
            acc.end_term();
            if acc.alive.is_empty() {
                return Vec::new();
            }
        }
        let mut matches = acc.finish();
        self.sort(&mut matches);
        matches
    }

    fn sort(&self, matches: &mut [Match]) {
        matches.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.title_rank[a.occupation.0].cmp(&self.title_rank[b.occupation.0]))
        });
    }

    /// No occupation holds every term: rank by how many terms each holds (a term found only in
    /// the occupation's cluster summary or description counts half), then by score.
    fn closest(&self, terms: &[Term]) -> Vec<Match> {
        let n = self.title_rank.len();
        // per occupation: half-terms held, score, highlights, reason, words held
        let mut held = vec![0u32; n];
        let mut merged: Vec<Option<Match>> = vec![None; n];
        for term in terms {
            let direct = self.run_terms(std::slice::from_ref(term));
            let mut found = vec![false; n];
            for m in direct {
                let i = m.occupation.0;
                found[i] = true;
                held[i] += 2;
                let label = term.text.clone();
                match &mut merged[i] {
                    Some(acc) => {
                        acc.score += m.score;
                        acc.highlights.extend(m.highlights);
                        if acc.reason.is_none() {
                            acc.reason = m.reason;
                        }
                        acc.partial.get_or_insert_with(Vec::new).push(label);
                    }
                    None => {
                        merged[i] = Some(Match {
                            partial: Some(vec![label]),
                            ..m
                        });
                    }
                }
            }
            if term.phrase || term.scope != Scope::Any {
                continue;
            }
            for (c, words) in self.cluster_words.iter().enumerate() {
                if !words.holds(&term.words[0]) {
                    continue;
                }
                for &o in &self.members[c] {
                    let i = o as usize;
                    if found[i] {
                        continue;
                    }
                    held[i] += 1;
                    let label = term.text.clone();
                    let entry = merged[i].get_or_insert_with(|| Match {
                        occupation: OccupationIdx(i),
                        score: 0,
                        highlights: Vec::new(),
                        reason: None,
                        partial: Some(Vec::new()),
                    });
                    entry.score += Field::Cluster.weight() / 4;
                    entry.partial.get_or_insert_with(Vec::new).push(label);
                }
            }
        }
        // an occupation must hold a word itself; its cluster's text only ranks it
        let mut out: Vec<Match> = merged
            .into_iter()
            .flatten()
            .filter(|m| !m.highlights.is_empty())
            .collect();
        out.sort_by(|a, b| {
            held[b.occupation.0]
                .cmp(&held[a.occupation.0])
                .then(b.score.cmp(&a.score))
                .then_with(|| self.title_rank[a.occupation.0].cmp(&self.title_rank[b.occupation.0]))
        });
        out
    }

    fn match_term(&self, term: &Term, acc: &mut Accumulator) {
        let kinds: &[Kind] = match term.scope {
            Scope::Any => WORD_KINDS,
            Scope::Title => &[Kind::Title],
            Scope::Alias => &[Kind::Alias],
            Scope::Cluster => &[Kind::Cluster],
            Scope::Skill => &[Kind::Skill],
            Scope::Education => &[Kind::Education, Kind::ClusterEducation],
            Scope::Setting => &[Kind::Setting],
            Scope::Summary => &[Kind::Summary],
            Scope::Duty => &[Kind::Duty],
            Scope::Noc => &[Kind::Noc],
            Scope::Teer => &[Kind::Teer],
            Scope::JobZone => &[Kind::JobZone],
        };
        if term.phrase {
            // a phrase is literal: consecutive words in one field, titles and aliases included
            let kinds: &[Kind] = if term.scope == Scope::Any {
                ALL_KINDS
            } else {
                kinds
            };
            self.match_phrase(&term.words, kinds, acc);
            return;
        }
        let word = &term.words[0];
        if word.chars().count() == 1 {
            // One letter: words that start with it, in every field; as a fuzzy pattern it would
            // match nearly every title.
            let kinds: &[Kind] = match term.scope {
                Scope::Any => ALL_KINDS,
                _ => kinds,
            };
            self.match_prefix(word, kinds, acc);
            return;
        }
        match term.scope {
            Scope::Any => {
                self.match_names(term, None, acc);
                self.match_clusters(word, acc);
            }
            Scope::Title => self.match_names(term, Some(Kind::Title), acc),
            Scope::Alias => self.match_names(term, Some(Kind::Alias), acc),
            Scope::Cluster => {
                self.match_clusters(word, acc);
                return;
            }
            _ => {}
        }
        if !matches!(term.scope, Scope::Title | Scope::Alias) {
            self.match_prefix(word, kinds, acc);
        }
        // other forms of the word: "nurses" → Nurse, "therapy" → Therapist
        let names = term.scope == Scope::Any;
        // a word with everyday synonyms means them, not its other forms ("seniors" are older
        // adults, not senior managers)
        let everyday = names && !stem::everyday(word).is_empty();
        if !matches!(term.scope, Scope::Noc | Scope::Teer | Scope::JobZone) && !everyday {
            self.match_family(word, kinds, names, acc);
            if !acc.term_found_any() {
                // nothing at all: a misspelt form ("councillor", "pysiotherapy") of a family
                self.match_misspelt_family(word, kinds, names, acc);
            }
        }
    }

    /// Families whose key is within a typing error or two of `word`'s: tried only when the word
    /// found nothing else, so it costs nothing while people type words the catalog has.
    fn match_misspelt_family(
        &self,
        word: &str,
        kinds: &[Kind],
        names: bool,
        acc: &mut Accumulator,
    ) {
        let key = stem::family(word);
        let len = key.chars().count();
        let limit = match len {
            0..=4 => return,
            5..=7 => 1,
            _ => 2,
        };
        for (family, ids) in self.words.families() {
            let other = family.chars().count();
            if other.abs_diff(len) > limit || strsim::levenshtein(family, &key) > limit {
                continue;
            }
            for &w in ids {
                self.score_postings(w as usize, kinds, names, 7, acc);
            }
        }
    }

    /// Words of the family of `word` ([`stem::family`]) in `kinds`, and in titles and aliases
    /// when `names`; a little below the word itself.
    fn match_family(&self, word: &str, kinds: &[Kind], names: bool, acc: &mut Accumulator) {
        for &w in self.words.family_of(word) {
            // words that start with the term were found as such, with their own highlights
            if !self.words.word(w as usize).starts_with(word) {
                self.score_postings(w as usize, kinds, names, 9, acc);
            }
        }
    }

    /// Hits for every occurrence of word `w` in `kinds` (and names when `names`), scored at
    /// `tenths` of a name's weight.
    fn score_postings(
        &self,
        w: usize,
        kinds: &[Kind],
        names: bool,
        tenths: u32,
        acc: &mut Accumulator,
    ) {
        {
            let chars = self.words.word(w).chars().count();
            for p in self.words.postings(w) {
                let name = matches!(p.kind(), Kind::Title | Kind::Alias);
                if !(kinds.contains(&p.kind()) || (names && name))
                    || !acc.is_candidate(p.occupation())
                {
                    continue;
                }
                let field = p.field();
                let base = if name {
                    field.weight() * tenths / 10
                } else {
                    field.weight().saturating_sub(5)
                };
                let mut score = base + WORD_START;
                if p.start() == 0 {
                    score += FIELD_START;
                }
                if p.whole() {
                    score += WHOLE_NAME * tenths / 10;
                }
                let start = p.start() as usize;
                acc.hit(
                    p.occupation(),
                    field,
                    start..start + p.word_len(chars),
                    score,
                );
            }
        }
    }

    /// Words of the given kinds that start with `prefix`.
    fn match_prefix(&self, prefix: &str, kinds: &[Kind], acc: &mut Accumulator) {
        let prefix_chars = prefix.chars().count();
        for w in self.words.with_prefix(prefix) {
            let chars = self.words.word(w).chars().count();
            for p in self.words.postings(w) {
                if !kinds.contains(&p.kind()) || !acc.is_candidate(p.occupation()) {
                    continue;
                }
                let field = p.field();
                let mut score = field.weight() + WORD_START;
                if p.start() == 0 {
                    score += FIELD_START;
                }
                let range = prefix_range(p, chars, prefix_chars);
                acc.hit(p.occupation(), field, range, score);
            }
        }
    }

    /// Consecutive words in one field, each equal to the phrase's word but the last, which may be
    /// a prefix.
    fn match_phrase(&self, words: &[String], kinds: &[Kind], acc: &mut Accumulator) {
        let Some((last, middle)) = words.split_last() else {
            return;
        };
        type Key = (u32, Kind, u16, u16);
        let key =
            |p: &Posting, offset: u16| (p.occupation(), p.kind(), p.item(), p.position() - offset);
        // where each later word occurs, keyed by the position the phrase would start at
        let mut later: Vec<HashSet<Key>> = Vec::new();
        for (i, word) in middle.iter().enumerate().skip(1) {
            let Some(w) = self.words.exact(word) else {
                return;
            };
            later.push(
                self.words
                    .postings(w)
                    .iter()
                    .filter(|p| p.position() >= i as u16 && acc.is_candidate(p.occupation()))
                    .map(|p| key(p, i as u16))
                    .collect(),
            );
        }
        let n = words.len() - 1;
        let last_chars = last.chars().count();
        let mut ends: HashMap<Key, Range<usize>> = HashMap::new();
        for w in self.words.with_prefix(last) {
            let chars = self.words.word(w).chars().count();
            for p in self.words.postings(w) {
                if p.position() as usize >= n && acc.is_candidate(p.occupation()) {
                    ends.insert(key(p, n as u16), prefix_range(p, chars, last_chars));
                }
            }
        }
        let first_postings: Vec<&Posting> = match middle.first() {
            Some(first) => match self.words.exact(first) {
                Some(w) => self.words.postings(w).iter().collect(),
                None => return,
            },
            // a single quoted word: that word, literally, in any field
            None => self
                .words
                .with_prefix(last)
                .flat_map(|w| self.words.postings(w))
                .collect(),
        };
        for p in first_postings {
            if !kinds.contains(&p.kind()) || !acc.is_candidate(p.occupation()) {
                continue;
            }
            let k = key(p, 0);
            let Some(end) = ends.get(&k) else { continue };
            if !later.iter().all(|set| set.contains(&k)) {
                continue;
            }
            let field = p.field();
            let mut score = field.weight() + WORD_START;
            if p.start() == 0 {
                score += FIELD_START;
            }
            acc.hit(p.occupation(), field, p.start() as usize..end.end, score);
        }
    }

    /// The term anywhere inside a word of a cluster name; counts for all the cluster's occupations.
    fn match_clusters(&self, word: &str, acc: &mut Accumulator) {
        let needle: Vec<char> = word.chars().collect();
        for (c, folded) in self.clusters.folded.iter().enumerate() {
            let hay = &folded.chars;
            if needle.is_empty() || hay.len() < needle.len() {
                continue;
            }
            for at in 0..=hay.len() - needle.len() {
                if hay[at..at + needle.len()] != needle[..] {
                    continue;
                }
                let mut score = Field::Cluster.weight();
                if folded.is_word_start(at) {
                    score += WORD_START;
                }
                if at == 0 {
                    score += FIELD_START;
                }
                let range = folded.original_range(at, at + needle.len());
                for &o in &self.members[c] {
                    if acc.is_candidate(o) {
                        acc.hit(o, Field::Cluster, range.clone(), score);
                    }
                }
            }
        }
    }

    /// Fuzzy, typo-tolerant matching of titles and aliases (only of `kind` when given).
    fn match_names(&self, term: &Term, kind: Option<Kind>, acc: &mut Accumulator) {
        let needle = &term.words[0];
        let typos = term.max_typos();
        let config = frizbee::Config::default()
            .casing(frizbee::CaseMatching::Ignore)
            .max_typos(Some(typos));
        let mut matcher = frizbee::Matcher::new(needle.as_str(), &config);
        let needle_len = needle.chars().count();
        let needle_last = needle.chars().last().unwrap_or(' ');
        let mut scratch = Scratch::default();
        let mut score_one =
            |acc: &mut Accumulator, s: usize, indices: &[u32], owners: &[(u32, Field)]| {
                let Some(quality) = classify(
                    &self.names.strings[s],
                    self.names.ascii[s],
                    indices,
                    needle_len,
                    needle_last,
                    typos,
                    &mut scratch,
                ) else {
                    return;
                };
                if let Some(origin) = &self.names.origin[s] {
                    // back from folded characters to the original ones
                    for r in scratch.ranges.iter_mut() {
                        let start = origin.get(r.start).map_or(0, |&o| o as usize);
                        let end = origin.get(r.end - 1).map_or(start, |&o| o as usize) + 1;
                        *r = start..end;
                    }
                    merge_ranges(&mut scratch.ranges);
                }
                let ranges = &scratch.ranges;
                for &(o, field) in owners {
                    if kind.is_some_and(|k| field.kind() != k) || !acc.is_candidate(o) {
                        continue;
                    }
                    let score = quality.score(field.weight());
                    for r in ranges {
                        acc.hit(o, field, r.clone(), score);
                    }
                }
            };
        // few candidates: match their own strings; otherwise every distinct string once
        let few = acc
            .candidate_count()
            .is_some_and(|n| n * 4 < self.names.strings.len());
        if few {
            let alive = acc.alive.clone();
            for o in alive {
                for &(s, field) in self.names.of_occupation(o as usize) {
                    let s = s as usize;
                    if let Some(m) = matcher.match_one_indices(&*self.names.strings[s], s as u32) {
                        score_one(acc, s, &m.indices, &[(o, field)]);
                    }
                }
            }
        } else {
            for m in matcher.match_list_indices(&self.names.strings) {
                let s = m.index as usize;
                score_one(acc, s, &m.indices, self.names.owners(s));
            }
        }
    }
}

/// Each occupation's place when sorted by folded title, then by catalog order.
fn title_ranks(catalog: &Catalog) -> Vec<u32> {
    let keys: Vec<String> = catalog
        .occupations()
        .iter()
        .map(|o| o.title().to_lowercase())
        .collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
    let mut rank = vec![0u32; keys.len()];
    for (r, o) in order.into_iter().enumerate() {
        rank[o] = r as u32;
    }
    rank
}

/// How well a fuzzy match fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quality {
    /// The term as one run of letters; `whole` when the run is the whole name ("RN" is the
    /// alias "RN", not the start of "RN(EC)").
    Contiguous {
        word_start: bool,
        at_start: bool,
        whole: bool,
    },
    /// With typing errors, compact.
    Typo,
    /// All letters in order, with gaps.
    Scattered,
}

impl Quality {
    fn score(self, weight: u32) -> u32 {
        match self {
            Quality::Contiguous {
                word_start,
                at_start,
                whole,
            } => {
                weight
                    + if word_start { WORD_START } else { 0 }
                    + if at_start { FIELD_START } else { 0 }
                    + if whole { WHOLE_NAME } else { 0 }
            }
            Quality::Typo => weight * 7 / 10,
            Quality::Scattered => weight / 2,
        }
    }
}

/// Turns frizbee's matched byte offsets (in reverse) into character ranges and a quality, or
/// `None` when a typo match is too loose to be what someone meant.
fn classify(
    text: &str,
    ascii: bool,
    indices: &[u32],
    needle_len: usize,
    needle_last: char,
    typos: u16,
    scratch: &mut Scratch,
) -> Option<Quality> {
    let Scratch {
        chars,
        text_chars,
        ranges,
    } = scratch;
    chars.clear();
    text_chars.clear();
    if ascii {
        chars.extend(indices.iter().map(|&i| i as usize));
        text_chars.extend(text.bytes().map(char::from));
    } else {
        let mut starts = Vec::new();
        for (b, c) in text.char_indices() {
            starts.push(b);
            text_chars.push(c);
        }
        chars.extend(
            indices
                .iter()
                .filter_map(|&b| starts.binary_search(&(b as usize)).ok()),
        );
    }
    chars.sort_unstable();
    chars.dedup();
    let (&first, &last) = (chars.first()?, chars.last()?);
    let missing = needle_len.saturating_sub(chars.len());
    if missing > usize::from(typos) {
        return None;
    }
    let contiguous = last - first + 1 == chars.len();
    let word_start =
        |i: usize| i == 0 || !text_chars.get(i - 1).is_some_and(|c| c.is_alphanumeric());
    let quality = if contiguous && missing == 0 && needle_len <= 2 && !word_start(first) {
        // one or two letters inside a word ("ot" in "Physiotherapist") say little
        Quality::Scattered
    } else if contiguous && missing == 0 {
        Quality::Contiguous {
            word_start: word_start(first),
            at_start: first == 0,
            whole: first == 0 && last + 1 == text_chars.len(),
        }
    } else {
        // Gaps are fine where they read as abbreviations ("ot", "phys ther") or typing errors in
        // one word; not letters picked from all over a title ("nur" in "mental health counselor").
        if !word_start(first) {
            return None;
        }
        // every run of letters after the first starts a word or is at least three letters long
        let mut runs_read_well = true;
        let mut run_start = first;
        for (k, &c) in chars
            .iter()
            .enumerate()
            .skip(1)
            .chain([(chars.len(), &usize::MAX)])
        {
            let prev = chars[k - 1];
            if c != prev + 1 {
                if run_start != first && prev + 1 - run_start < 3 && !word_start(run_start) {
                    runs_read_well = false;
                }
                run_start = c;
            }
        }
        let gaps = last + 1 - first - chars.len();
        if missing > 0 {
            // A typo match must be compact and end on the term's last letter: "physio" is the
            // start of "physiotherapist", not a misspelt "physician".
            let ends_alike = text_chars
                .get(last)
                .is_some_and(|c| c.to_lowercase().eq(needle_last.to_lowercase()));
            if last - first >= needle_len + usize::from(typos) || !ends_alike {
                return None;
            }
            Quality::Typo
        } else if gaps <= usize::from(typos) {
            // a letter or two left out ("kinesiolgist")
            Quality::Typo
        } else if runs_read_well {
            Quality::Scattered
        } else {
            return None;
        }
    };
    ranges.clear();
    for &c in chars.iter() {
        match ranges.last_mut() {
            Some(r) if r.end == c => r.end = c + 1,
            _ => ranges.push(c..c + 1),
        }
    }
    Some(quality)
}

/// Buffers reused across fuzzy matches, so classifying a match allocates nothing.
#[derive(Default)]
struct Scratch {
    chars: Vec<usize>,
    text_chars: Vec<char>,
    ranges: Vec<Range<usize>>,
}

/// The characters of a posting's word (of `word_chars` folded characters) covered by a prefix of
/// `prefix_chars` folded characters.
fn prefix_range(p: &Posting, word_chars: usize, prefix_chars: usize) -> Range<usize> {
    let start = p.start() as usize;
    let len = if p.one_to_one() {
        prefix_chars.min(word_chars)
    } else {
        p.word_len(word_chars)
    };
    start..start + len
}

/// Per-search scratch: which occupations are still in, their scores and highlights so far.
struct Accumulator {
    /// Occupations matching every term so far (unused before the first: everyone is).
    alive: Vec<u32>,
    /// Whether every occupation is still a candidate (no term applied yet).
    everyone: bool,
    is_alive: Vec<bool>,
    total: Vec<u32>,
    /// Every hit of every term, by occupation; grouped per match at the end.
    hits: Vec<(u32, Highlight)>,
    reason: Vec<Option<Field>>,
    /// This term's best score and field per occupation, and how often it was found.
    term_best: Vec<(u32, Field)>,
    term_hits: Vec<u16>,
    /// This term's best score in the title: when the title holds the term as typed, the title
    /// is reason enough, even if another name scores higher ("physio" / "Physio").
    term_title: Vec<u32>,
    touched: Vec<u32>,
}

impl Accumulator {
    fn new(n: usize) -> Accumulator {
        Accumulator {
            alive: Vec::new(),
            everyone: true,
            is_alive: vec![true; n],
            total: vec![0; n],
            hits: Vec::new(),
            reason: vec![None; n],
            term_best: vec![(0, Field::Title); n],
            term_hits: vec![0; n],
            term_title: vec![0; n],
            touched: Vec::new(),
        }
    }

    fn is_candidate(&self, o: u32) -> bool {
        self.is_alive[o as usize]
    }

    /// Whether the term being matched has found anything yet.
    fn term_found_any(&self) -> bool {
        !self.touched.is_empty()
    }

    /// How many candidates are left, or `None` while it is everyone.
    fn candidate_count(&self) -> Option<usize> {
        (!self.everyone).then_some(self.alive.len())
    }

    fn hit(&mut self, o: u32, field: Field, range: Range<usize>, score: u32) {
        let i = o as usize;
        if self.term_hits[i] == 0 {
            self.touched.push(o);
        }
        self.term_hits[i] = self.term_hits[i].saturating_add(1);
        if field == Field::Title {
            self.term_title[i] = self.term_title[i].max(score);
        }
        if score > self.term_best[i].0 {
            self.term_best[i] = (score, field);
        }
        self.hits.push((o, Highlight { field, range }));
    }

    fn end_term(&mut self) {
        for &o in &self.alive {
            self.is_alive[o as usize] = false;
        }
        if self.everyone {
            self.is_alive.iter_mut().for_each(|a| *a = false);
            self.everyone = false;
        }
        self.alive = std::mem::take(&mut self.touched);
        for &o in &self.alive {
            let i = o as usize;
            self.is_alive[i] = true;
            let (best, field) = self.term_best[i];
            self.total[i] += best + u32::from(self.term_hits[i].min(20));
            let in_title = std::mem::take(&mut self.term_title[i]) >= Field::Title.weight();
            if field != Field::Title
                && !in_title
                && self.reason[i].is_none_or(|r| field.weight() > r.weight())
            {
                self.reason[i] = Some(field);
            }
            self.term_best[i] = (0, Field::Title);
            self.term_hits[i] = 0;
        }
    }

    fn finish(self) -> Vec<Match> {
        // count each surviving occupation's hits, then move them into its match
        let mut slot = vec![u32::MAX; self.total.len()];
        let mut matches: Vec<Match> = Vec::with_capacity(self.alive.len());
        let mut counts: Vec<usize> = Vec::with_capacity(self.alive.len());
        for (k, &o) in self.alive.iter().enumerate() {
            slot[o as usize] = k as u32;
            counts.push(0);
        }
        for (o, _) in &self.hits {
            if let Some(c) = counts.get_mut(slot[*o as usize] as usize) {
                *c += 1;
            }
        }
        for (&o, &count) in self.alive.iter().zip(&counts) {
            let i = o as usize;
            matches.push(Match {
                occupation: OccupationIdx(i),
                score: self.total[i],
                highlights: Vec::with_capacity(count),
                reason: self.reason[i],
                partial: None,
            });
        }
        for (o, h) in self.hits {
            if let Some(m) = matches.get_mut(slot[o as usize] as usize) {
                m.highlights.push(h);
            }
        }
        matches
    }
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
            .map(|m| catalog.occupation(m.occupation).title().to_string())
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
        for &o in c.cluster(rehab).occupations() {
            assert!(found.iter().any(|m| m.occupation == o));
        }
    }

    #[test]
    fn every_term_must_match() {
        let c = catalog();
        let s = Searcher::new(&c);
        let found = s.search(&Query::parse("therapist rehab"));
        assert!(!found.is_empty());
        for m in &found {
            let o = c.occupation(m.occupation);
            let text = [
                o.title().to_string(),
                o.aliases().join(" "),
                o.duties().join(" "),
                o.settings().join(" "),
                o.summary().to_string(),
                c.cluster(o.cluster()).name().to_string(),
            ]
            .join(" ")
            .to_lowercase();
            assert!(m.partial.is_none(), "{}", o.title());
            assert!(
                text.contains("therap") && text.contains("rehab"),
                "{}",
                o.title()
            );
        }
        // a word nothing has leaves the closest, marked as such
        let closest = s.search(&Query::parse("physio zzzz"));
        assert!(closest.iter().all(|m| m.partial.is_some()));
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
