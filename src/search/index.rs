//! The prepared catalog text the matcher scans: an inverted word index over every field, and the
//! distinct title and alias strings for the fuzzy matcher. Built once by `Searcher::new`.
//!
//! The word index maps each distinct folded word to its postings: which occupation, which field,
//! where in the field's original text (in characters) and at which word position (for phrases).
//! A prefix query is a binary search in the sorted vocabulary plus a walk over the postings of
//! the words in range, so its cost follows the number of hits, not the size of the catalog.
//! Postings live in one flat array (16 bytes each), grouped by word.

use std::collections::HashMap;

use crate::catalog::Catalog;

use super::Field;

/// The kind of a field, without the item number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Kind {
    Title,
    Alias,
    Cluster,
    Skill,
    Education,
    Setting,
    Summary,
    Duty,
    Noc,
}

impl Kind {
    pub fn field(self, item: u16) -> Field {
        match self {
            Kind::Title => Field::Title,
            Kind::Alias => Field::Alias(item),
            Kind::Cluster => Field::Cluster,
            Kind::Skill => Field::Skill(item),
            Kind::Education => Field::Education(item),
            Kind::Setting => Field::Setting(item),
            Kind::Summary => Field::Summary,
            Kind::Duty => Field::Duty(item),
            Kind::Noc => Field::Noc,
        }
    }
}

/// One occurrence of a word.
#[derive(Debug, Clone, Copy)]
pub struct Posting {
    pub occupation: u32,
    /// First character of the word in the field's original text.
    pub start: u32,
    /// The item of a list field.
    pub item: u16,
    /// Length of the word in original characters.
    pub len: u16,
    /// Word position within the field, saturating.
    pub position: u16,
    pub kind: Kind,
    /// Whether folding kept one character per original character, so a prefix of the folded word
    /// maps to the same number of original characters.
    pub one_to_one: bool,
}

impl Posting {
    pub fn field(&self) -> Field {
        self.kind.field(self.item)
    }
}

/// Distinct folded words and where each occurs.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    /// The vocabulary, sorted.
    words: Vec<Box<str>>,
    /// `postings[offsets[w]..offsets[w + 1]]` are the occurrences of `words[w]`.
    offsets: Vec<u32>,
    postings: Vec<Posting>,
}

impl WordIndex {
    pub fn new(catalog: &Catalog) -> WordIndex {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut raw: Vec<(u32, Posting)> = Vec::new();
        let mut add = |occupation: usize, kind: Kind, item: usize, text: &str| {
            let mut position: u16 = 0;
            let mut word = String::new();
            let mut start = 0usize;
            let mut len = 0usize;
            let mut one_to_one = true;
            let mut flush = |word: &mut String, start: usize, len: usize, one_to_one: bool| {
                if word.is_empty() {
                    return;
                }
                let next = ids.len() as u32;
                let id = *ids.entry(std::mem::take(word)).or_insert(next);
                raw.push((
                    id,
                    Posting {
                        occupation: occupation as u32,
                        start: start as u32,
                        item: item.min(usize::from(u16::MAX)) as u16,
                        len: len.min(usize::from(u16::MAX)) as u16,
                        position,
                        kind,
                        one_to_one,
                    },
                ));
                position = position.saturating_add(1);
            };
            for (i, c) in text.chars().enumerate() {
                if c.is_alphanumeric() {
                    if word.is_empty() {
                        start = i;
                        len = 0;
                        one_to_one = true;
                    }
                    let before = word.chars().count();
                    word.extend(c.to_lowercase());
                    one_to_one &= word.chars().count() == before + 1;
                    len += 1;
                } else {
                    flush(&mut word, start, len, one_to_one);
                }
            }
            flush(&mut word, start, len, one_to_one);
        };
        for (o, occ) in catalog.occupations.iter().enumerate() {
            add(o, Kind::Title, 0, &occ.title);
            for (i, s) in occ.aliases.iter().enumerate() {
                add(o, Kind::Alias, i, s);
            }
            add(o, Kind::Cluster, 0, &catalog.cluster(occ.cluster).name);
            for (i, s) in occ.skills.iter().enumerate() {
                add(o, Kind::Skill, i, s);
            }
            for (i, s) in occ.education.iter().enumerate() {
                add(o, Kind::Education, i, s);
            }
            for (i, s) in occ.settings.iter().enumerate() {
                add(o, Kind::Setting, i, s);
            }
            add(o, Kind::Summary, 0, &occ.summary);
            for (i, s) in occ.duties.iter().enumerate() {
                add(o, Kind::Duty, i, s);
            }
            if let Some(noc) = &occ.noc {
                add(o, Kind::Noc, 0, noc);
            }
        }

        // sort the vocabulary and renumber, then group postings by word (counting sort, stable)
        let mut vocabulary: Vec<(String, u32)> = ids.into_iter().collect();
        vocabulary.sort_unstable();
        let mut rank = vec![0u32; vocabulary.len()];
        for (r, (_, id)) in vocabulary.iter().enumerate() {
            rank[*id as usize] = r as u32;
        }
        let mut offsets = vec![0u32; vocabulary.len() + 1];
        for (id, _) in &raw {
            offsets[rank[*id as usize] as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut postings = vec![raw.first().map_or(EMPTY, |r| r.1); raw.len()];
        for (id, p) in raw {
            let r = rank[id as usize] as usize;
            postings[fill[r] as usize] = p;
            fill[r] += 1;
        }
        WordIndex {
            words: vocabulary.into_iter().map(|(w, _)| w.into()).collect(),
            offsets,
            postings,
        }
    }

    /// The range of vocabulary entries that start with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.words.partition_point(|w| &**w < prefix);
        let end = start + self.words[start..].partition_point(|w| w.starts_with(prefix));
        start..end
    }

    /// The vocabulary entry equal to `word`, if any.
    pub fn exact(&self, word: &str) -> Option<usize> {
        self.words.binary_search_by(|w| (**w).cmp(word)).ok()
    }

    pub fn word(&self, w: usize) -> &str {
        &self.words[w]
    }

    pub fn postings(&self, w: usize) -> &[Posting] {
        &self.postings[self.offsets[w] as usize..self.offsets[w + 1] as usize]
    }

    /// Vocabulary entries starting with `first`, for the typo-tolerant word match.
    pub fn words_starting_with(&self, first: char) -> std::ops::Range<usize> {
        let mut buf = [0u8; 4];
        self.prefix_range(first.encode_utf8(&mut buf))
    }
}

const EMPTY: Posting = Posting {
    occupation: 0,
    start: 0,
    item: 0,
    len: 0,
    position: 0,
    kind: Kind::Title,
    one_to_one: true,
};

/// The distinct title and alias strings, each with the occupations and fields that carry it, for
/// the fuzzy matcher. Many occupations share aliases ("Specialist physician"), so matching each
/// distinct string once saves work on big catalogs.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub strings: Vec<Box<str>>,
    /// Whether each string is ASCII, so byte offsets are character offsets.
    pub ascii: Vec<bool>,
    /// `owners[owner_offsets[s]..owner_offsets[s + 1]]` carry `strings[s]`.
    owner_offsets: Vec<u32>,
    owners: Vec<(u32, Field)>,
    /// For each occupation, the string ids of its title and aliases (title first).
    occupation_offsets: Vec<u32>,
    occupation_names: Vec<(u32, Field)>,
}

impl Names {
    pub fn new(catalog: &Catalog) -> Names {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut strings: Vec<Box<str>> = Vec::new();
        let mut occupation_offsets = vec![0u32];
        let mut occupation_names = Vec::new();
        for occ in &catalog.occupations {
            let fields = std::iter::once((Field::Title, occ.title.as_str())).chain(
                occ.aliases
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (Field::Alias(i as u16), a.as_str())),
            );
            for (field, text) in fields {
                let id = *ids.entry(text).or_insert_with(|| {
                    strings.push(text.into());
                    strings.len() as u32 - 1
                });
                occupation_names.push((id, field));
            }
            occupation_offsets.push(occupation_names.len() as u32);
        }
        let mut counts = vec![0u32; strings.len() + 1];
        for (id, _) in &occupation_names {
            counts[*id as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut owners = vec![(0u32, Field::Title); occupation_names.len()];
        for (o, window) in occupation_offsets.windows(2).enumerate() {
            for &(id, field) in &occupation_names[window[0] as usize..window[1] as usize] {
                owners[fill[id as usize] as usize] = (o as u32, field);
                fill[id as usize] += 1;
            }
        }
        Names {
            ascii: strings.iter().map(|s| s.is_ascii()).collect(),
            strings,
            owner_offsets: counts,
            owners,
            occupation_offsets,
            occupation_names,
        }
    }

    pub fn owners(&self, s: usize) -> &[(u32, Field)] {
        &self.owners[self.owner_offsets[s] as usize..self.owner_offsets[s + 1] as usize]
    }

    pub fn of_occupation(&self, o: usize) -> &[(u32, Field)] {
        &self.occupation_names
            [self.occupation_offsets[o] as usize..self.occupation_offsets[o + 1] as usize]
    }
}

/// Cluster names, folded, with their occupations' count known through the catalog.
#[derive(Debug, Clone, Default)]
pub struct ClusterNames {
    pub folded: Vec<crate::text::Folded>,
}

impl ClusterNames {
    pub fn new(catalog: &Catalog) -> ClusterNames {
        ClusterNames {
            folded: catalog
                .clusters
                .iter()
                .map(|c| crate::text::Folded::new(&c.name))
                .collect(),
        }
    }
}
