//! The prepared catalog text the matcher scans: an inverted word index over every field, and the
//! distinct title and alias strings for the fuzzy matcher. Built once by `Searcher::new`.
//!
//! The word index maps each distinct folded word to its postings: which occupation, which field,
//! where in the field's original text (in characters) and at which word position (for phrases).
//! A prefix query is a binary search in the sorted vocabulary plus a walk over the postings of
//! the words in range, so its cost follows the number of hits, not the size of the catalog.
//! Postings live in one flat array (12 bytes each), grouped by word.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

use super::Field;
use super::query::fold_str;

/// The kind of a field, without the item number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    ClusterEducation,
    Teer,
    JobZone,
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
            Kind::ClusterEducation => Field::ClusterEducation(item),
            Kind::Teer => Field::Teer,
            Kind::JobZone => Field::JobZone,
        }
    }
}

impl Kind {
    /// Every kind, in the order of their bits in a [`Posting`]. The first nine are the kinds a
    /// free word or phrase reaches, names first (the search's `ALL_KINDS`); the last three are
    /// reached only by their scopes.
    pub const ALL: [Kind; 12] = [
        Kind::Title,
        Kind::Alias,
        Kind::Cluster,
        Kind::Skill,
        Kind::Education,
        Kind::Setting,
        Kind::Summary,
        Kind::Duty,
        Kind::Noc,
        Kind::ClusterEducation,
        Kind::Teer,
        Kind::JobZone,
    ];
}

/// One occurrence of a word, in six 16-bit words (12 bytes, where plain fields took 20: a
/// 10,000-occupation catalog has 1.5 million postings). Plain old data, so the cache stores the
/// table as its bytes and reads it straight into place.
///
/// Words 0–1 hold the occupation (low 21 bits), the kind (4 bits), the flags one-to-one and
/// whole, and the length (5 bits); words 2–3 the start; then the item and the position.
///
/// The length is kept only for words whose folding changed their number of characters (rare:
/// 'İ' becomes "i̇"), and saturates at 31 there; a one-to-one word's length is its folded
/// word's, which the caller knows ([`Posting::word_len`]).
#[derive(Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(transparent)]
pub struct Posting([u16; 6]);

/// Occupations a posting can name: more than a catalog file can hold, since each takes at least
/// the 31 bytes of `{id='a',title='b',summary='c'},` (the required keys). [`WordIndex::new`]
/// leaves any beyond unindexed, should a catalog built in memory have more.
const OCCUPATION_BITS: u32 = 21;
const _: () = assert!(crate::catalog::MAX_FILE_BYTES / 31 < 1 << OCCUPATION_BITS);
const MAX_OCCUPATIONS: usize = 1 << OCCUPATION_BITS;
const OCCUPATION_MASK: u32 = (1 << OCCUPATION_BITS) - 1;
const KIND_SHIFT: u32 = OCCUPATION_BITS;
const ONE_TO_ONE: u32 = 1 << 25;
const WHOLE: u32 = 1 << 26;
const LEN_SHIFT: u32 = 27;
const MAX_STORED_LEN: u32 = 31;

/// A posting's parts, as [`Posting::new`] takes them.
pub struct PostingParts {
    pub occupation: u32,
    /// First character of the word in the field's original text.
    pub start: u32,
    /// The item of a list field.
    pub item: u16,
    /// Length of the word in original characters (kept only when not one-to-one, saturating at
    /// 31).
    pub len: u16,
    /// Word position within the field, saturating.
    pub position: u16,
    pub kind: Kind,
    /// Whether folding kept one character per original character, so a prefix of the folded word
    /// maps to the same number of original characters.
    pub one_to_one: bool,
    /// Whether the word is the whole title or alias ("Nurse"), not a word of a longer one.
    pub whole: bool,
}

impl Posting {
    pub fn new(p: PostingParts) -> Posting {
        debug_assert!(p.occupation <= OCCUPATION_MASK);
        let len = if p.one_to_one {
            0
        } else {
            u32::from(p.len).min(MAX_STORED_LEN)
        };
        let head = (p.occupation & OCCUPATION_MASK)
            | (p.kind as u32) << KIND_SHIFT
            | if p.one_to_one { ONE_TO_ONE } else { 0 }
            | if p.whole { WHOLE } else { 0 }
            | len << LEN_SHIFT;
        Posting([
            head as u16,
            (head >> 16) as u16,
            p.start as u16,
            (p.start >> 16) as u16,
            p.item,
            p.position,
        ])
    }

    fn head(&self) -> u32 {
        u32::from(self.0[0]) | u32::from(self.0[1]) << 16
    }

    pub fn occupation(&self) -> u32 {
        self.head() & OCCUPATION_MASK
    }

    /// The kind, or `None` for bits no kind has (only in a damaged cache; see [`WordIndex::fits`]).
    fn kind_checked(&self) -> Option<Kind> {
        Kind::ALL
            .get(((self.head() >> KIND_SHIFT) & 0xf) as usize)
            .copied()
    }

    pub fn kind(&self) -> Kind {
        self.kind_checked().unwrap_or(Kind::Title)
    }

    /// First character of the word in the field's original text.
    pub fn start(&self) -> u32 {
        u32::from(self.0[2]) | u32::from(self.0[3]) << 16
    }

    /// The item of a list field.
    pub fn item(&self) -> u16 {
        self.0[4]
    }

    /// Length of the word in original characters, given the number of characters of its folded
    /// word (the same, when folding was one to one; else as kept, at most 31).
    pub fn word_len(&self, folded_chars: usize) -> usize {
        if self.one_to_one() {
            folded_chars
        } else {
            (self.head() >> LEN_SHIFT) as usize
        }
    }

    /// Word position within the field, saturating.
    pub fn position(&self) -> u16 {
        self.0[5]
    }

    /// Whether folding kept one character per original character, so a prefix of the folded word
    /// maps to the same number of original characters.
    pub fn one_to_one(&self) -> bool {
        self.head() & ONE_TO_ONE != 0
    }

    /// Whether the word is the whole title or alias ("Nurse"), not a word of a longer one.
    pub fn whole(&self) -> bool {
        self.head() & WHOLE != 0
    }

    pub fn field(&self) -> Field {
        self.kind().field(self.item())
    }
}

impl std::fmt::Debug for Posting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Posting")
            .field("occupation", &self.occupation())
            .field("kind", &self.kind_checked())
            .field("item", &self.item())
            .field("start", &self.start())
            .field("stored_len", &(self.head() >> LEN_SHIFT))
            .field("position", &self.position())
            .field("one_to_one", &self.one_to_one())
            .field("whole", &self.whole())
            .finish()
    }
}

/// Distinct folded words and where each occurs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct WordIndex {
    /// The vocabulary, in order of first appearance (a word's id is its place here).
    words: Vec<Box<str>>,
    /// Word ids in alphabetical order, for prefix searches.
    sorted: Vec<u32>,
    /// `postings[offsets[w]..offsets[w + 1]]` are the occurrences of word `w`.
    #[serde(with = "exact")]
    offsets: Vec<u32>,
    /// Not encoded with the rest: the cache stores it as raw bytes ([`WordIndex::postings_table`]).
    #[serde(skip)]
    postings: Vec<Posting>,
    /// Word ids by family key ([`super::stem::family`]): "nurse" and "nurses", "therapy" and
    /// "therapist".
    families: FxHashMap<Box<str>, Vec<u32>>,
}

/// Calls `f(kind, item, text)` for every indexed field of occupation `o`.
fn for_each_field(catalog: &Catalog, o: usize, mut f: impl FnMut(Kind, usize, &str)) {
    let occ = &catalog.occupations()[o];
    f(Kind::Title, 0, occ.title());
    for (i, s) in occ.aliases().iter().enumerate() {
        f(Kind::Alias, i, s);
    }
    f(Kind::Cluster, 0, catalog.cluster(occ.cluster()).name());
    for (i, s) in occ.skills().iter().enumerate() {
        f(Kind::Skill, i, s);
    }
    for (i, s) in occ.education().iter().enumerate() {
        f(Kind::Education, i, s);
    }
    for (i, s) in occ.settings().iter().enumerate() {
        f(Kind::Setting, i, s);
    }
    f(Kind::Summary, 0, occ.summary());
    for (i, s) in occ.duties().iter().enumerate() {
        f(Kind::Duty, i, s);
    }
    if let Some(noc) = &occ.noc() {
        f(Kind::Noc, 0, noc);
    }
    if let Some(teer) = occ.teer() {
        f(Kind::Teer, 0, teer.digit());
    }
    if let Some(zone) = occ.job_zone() {
        f(Kind::JobZone, 0, zone.digit());
    }
    for (i, s) in catalog
        .cluster(occ.cluster())
        .education()
        .iter()
        .enumerate()
    {
        f(Kind::ClusterEducation, i, s);
    }
}

/// Splits `text` into words, calling `f(folded, start, len, one_to_one)` for each, where `start`
/// and `len` count original characters.
/// Without `FOLD` the word passed is empty (the second pass of the index needs only positions).
fn for_each_word<const FOLD: bool>(
    text: &str,
    buf: &mut String,
    mut f: impl FnMut(&str, usize, usize, bool),
) {
    buf.clear();
    let (mut start, mut len, mut one_to_one) = (0, 0, true);
    for (i, c) in text.chars().enumerate() {
        if c.is_alphanumeric() {
            if len == 0 {
                start = i;
                one_to_one = true;
            }
            len += 1;
            if c.is_ascii() {
                if FOLD {
                    buf.push(c.to_ascii_lowercase());
                }
            } else {
                let before = buf.len();
                let mut n = 0;
                for l in c.to_lowercase() {
                    buf.push(l);
                    n += 1;
                }
                one_to_one &= n == 1 && buf.len() > before;
            }
        } else if len > 0 {
            f(buf, start, len, one_to_one);
            buf.clear();
            len = 0;
        }
    }
    if len > 0 {
        f(buf, start, len, one_to_one);
    }
}

impl WordIndex {
    pub fn new(catalog: &Catalog) -> WordIndex {
        // Pass 1: number the words and count their occurrences. Pass 2: place each posting at
        // its word's slot, so no temporary copy of all postings is ever held.
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut words: Vec<Box<str>> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let mut token_ids: Vec<u32> = Vec::new();
        let mut buf = String::new();
        // (no catalog file holds more occupations than a posting can name)
        let indexed = catalog.occupations().len().min(MAX_OCCUPATIONS);
        for o in 0..indexed {
            for_each_field(catalog, o, |_, _, text| {
                for_each_word::<true>(text, &mut buf, |word, _, _, _| {
                    let id = match ids.get(word) {
                        Some(&id) => id,
                        None => {
                            let id = words.len() as u32;
                            ids.insert(word.into(), id);
                            words.push(word.into());
                            counts.push(0);
                            id
                        }
                    };
                    counts[id as usize] += 1;
                    token_ids.push(id);
                });
            });
        }
        drop(ids);
        let mut offsets = Vec::with_capacity(counts.len() + 1);
        offsets.push(0u32);
        for c in &counts {
            offsets.push(offsets[offsets.len() - 1] + c);
        }
        let mut fill: Vec<u32> = offsets[..offsets.len() - 1].to_vec();
        let mut postings = bytemuck::zeroed_vec::<Posting>(token_ids.len());
        let mut tokens = token_ids.iter();
        for o in 0..indexed {
            for_each_field(catalog, o, |kind, item, text| {
                let mut position: u16 = 0;
                // only names need to know whether a word is all of them (they are short)
                let single = matches!(kind, Kind::Title | Kind::Alias)
                    && text
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .nth(1)
                        .is_none();
                for_each_word::<false>(text, &mut buf, |_, start, len, one_to_one| {
                    let Some(&id) = tokens.next() else { return };
                    let slot = &mut fill[id as usize];
                    postings[*slot as usize] = Posting::new(PostingParts {
                        occupation: o as u32,
                        start: start.min(u32::MAX as usize) as u32,
                        item: item.min(usize::from(u16::MAX)) as u16,
                        len: len.min(usize::from(u16::MAX)) as u16,
                        position,
                        kind,
                        one_to_one,
                        whole: single,
                    });
                    *slot += 1;
                    position = position.saturating_add(1);
                });
            });
        }
        let mut sorted: Vec<u32> = (0..words.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
        let mut families: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        for (id, word) in words.iter().enumerate() {
            if word.chars().all(|c| c.is_ascii_digit()) {
                continue; // codes have no forms
            }
            families
                .entry(super::stem::family(word).into_boxed_str())
                .or_default()
                .push(id as u32);
        }
        WordIndex {
            words,
            sorted,
            offsets,
            postings,
            families,
        }
    }

    /// The ids of the words in the family of `word` (its other forms, and itself if indexed).
    /// Whether the index is whole and refers only to the `occupations` of its catalog (see
    /// [`super::Searcher::fits`]).
    pub fn fits(&self, occupations: usize) -> bool {
        let words = self.words.len();
        self.sorted.len() == words
            && self.sorted.iter().all(|&w| (w as usize) < words)
            && offsets_fit(&self.offsets, words, self.postings.len())
            && self
                .postings
                .iter()
                .all(|p| (p.occupation() as usize) < occupations && p.kind_checked().is_some())
            && self
                .families
                .values()
                .flatten()
                .all(|&w| (w as usize) < words)
    }

    pub fn family_of(&self, word: &str) -> &[u32] {
        self.families
            .get(super::stem::family(word).as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Every family key with its word ids.
    pub fn families(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.families.iter().map(|(k, v)| (&**k, v.as_slice()))
    }

    /// The folded text of word `w`.
    pub fn word(&self, w: usize) -> &str {
        &self.words[w]
    }

    /// The ids of the words that start with `prefix`.
    pub fn with_prefix(&self, prefix: &str) -> impl Iterator<Item = usize> + '_ {
        let start = self
            .sorted
            .partition_point(|&w| &*self.words[w as usize] < prefix);
        let len =
            self.sorted[start..].partition_point(|&w| self.words[w as usize].starts_with(prefix));
        self.sorted[start..start + len].iter().map(|&w| w as usize)
    }

    /// The id of the word equal to `word`, if any.
    pub fn exact(&self, word: &str) -> Option<usize> {
        self.sorted
            .binary_search_by(|&w| (*self.words[w as usize]).cmp(word))
            .ok()
            .map(|i| self.sorted[i] as usize)
    }

    /// Every posting, grouped by word: what the cache stores as raw bytes.
    pub fn postings_table(&self) -> &[Posting] {
        &self.postings
    }

    /// How many postings the offsets call for (what [`WordIndex::set_postings_table`] needs).
    pub fn postings_expected(&self) -> usize {
        self.offsets.last().map_or(0, |&n| n as usize)
    }

    /// Puts back the table a decoded index came without; [`WordIndex::fits`] checks it.
    pub fn set_postings_table(&mut self, postings: Vec<Posting>) {
        self.postings = postings;
    }

    pub fn postings(&self, w: usize) -> &[Posting] {
        &self.postings[self.offsets[w] as usize..self.offsets[w + 1] as usize]
    }
}

/// The distinct title and alias strings, each with the occupations and fields that carry it, for
/// the fuzzy matcher. Many occupations share aliases ("Specialist physician"), so matching each
/// distinct string once saves work on big catalogs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Names {
    /// The strings folded to lowercase, as the fuzzy matcher sees them.
    pub strings: Vec<Box<str>>,
    /// Whether each folded string is ASCII, so byte offsets are character offsets.
    pub ascii: Vec<bool>,
    /// For strings whose folding changed the number of characters ('İ' becomes "i̇"), the
    /// original character of each folded one.
    pub origin: Vec<Option<Box<[u32]>>>,
    /// `owners[owner_offsets[s]..owner_offsets[s + 1]]` carry `strings[s]`.
    #[serde(with = "exact")]
    owner_offsets: Vec<u32>,
    #[serde(with = "exact")]
    owners: Vec<(u32, Field)>,
    /// For each occupation, the string ids of its title and aliases (title first).
    #[serde(with = "exact")]
    occupation_offsets: Vec<u32>,
    #[serde(with = "exact")]
    occupation_names: Vec<(u32, Field)>,
}

impl Names {
    pub fn new(catalog: &Catalog) -> Names {
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut strings: Vec<&str> = Vec::new();
        let mut occupation_offsets = vec![0u32];
        let mut occupation_names = Vec::new();
        for occ in catalog.occupations() {
            let fields = std::iter::once((Field::Title, occ.title())).chain(
                occ.aliases()
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (Field::Alias(i as u16), a.as_str())),
            );
            for (field, text) in fields {
                let id = *ids.entry(text).or_insert_with(|| {
                    strings.push(text);
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
            origin: strings.iter().map(|s| fold_map(s)).collect(),
            strings: strings.iter().map(|s| fold_str(s).into()).collect(),
            owner_offsets: counts,
            owners,
            occupation_offsets,
            occupation_names,
        }
    }

    /// Whether the tables are whole and refer only to `occupations` occupations.
    pub fn fits(&self, occupations: usize) -> bool {
        let strings = self.strings.len();
        self.ascii.len() == strings
            && self.origin.len() == strings
            && offsets_fit(&self.owner_offsets, strings, self.owners.len())
            && self.owners.iter().all(|&(o, _)| (o as usize) < occupations)
            && offsets_fit(
                &self.occupation_offsets,
                occupations,
                self.occupation_names.len(),
            )
            && self
                .occupation_names
                .iter()
                .all(|&(s, _)| (s as usize) < strings)
    }

    pub fn owners(&self, s: usize) -> &[(u32, Field)] {
        &self.owners[self.owner_offsets[s] as usize..self.owner_offsets[s + 1] as usize]
    }

    pub fn of_occupation(&self, o: usize) -> &[(u32, Field)] {
        &self.occupation_names
            [self.occupation_offsets[o] as usize..self.occupation_offsets[o + 1] as usize]
    }
}

/// Decoding the big flat tables at their full length at once: serde's own `Vec` grows from at most
/// 1 MiB by doubling, which for a 10,000-occupation index copies and touches tens of megabytes
/// more than the table itself (the cache's load time and peak memory). A length beyond any
/// catalog's is refused; the memory is only reserved, and filled as items decode.
mod exact {
    use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
    use serde::ser::{Serialize, Serializer};

    /// More items than any table of a catalog within the file-size limit can hold.
    const MAX_ITEMS: usize = 1 << 26;

    pub fn serialize<T: Serialize, S: Serializer>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
        v.serialize(s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<T>, D::Error> {
        struct Exact<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Exact<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let len = seq.size_hint().unwrap_or(0);
                if len > MAX_ITEMS {
                    return Err(serde::de::Error::invalid_length(len, &self));
                }
                let mut out = Vec::with_capacity(len);
                while let Some(item) = seq.next_element()? {
                    out.push(item);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(Exact(std::marker::PhantomData))
    }
}

/// Whether `offsets` cuts a list of `total` items into `groups` runs: one more offset than
/// groups, from 0, never decreasing, ending at `total`.
fn offsets_fit(offsets: &[u32], groups: usize, total: usize) -> bool {
    offsets.len() == groups + 1
        && offsets.first() == Some(&0)
        && offsets.last().is_some_and(|&l| l as usize == total)
        && offsets.windows(2).all(|w| w[0] <= w[1])
}

/// For text whose lowercase has a different number of characters, the original character index
/// of each folded character; `None` when folding maps characters one to one.
fn fold_map(text: &str) -> Option<Box<[u32]>> {
    let mut map = Vec::new();
    let mut one_to_one = true;
    for (i, c) in text.chars().enumerate() {
        let mut n = 0;
        for _ in c.to_lowercase() {
            map.push(i as u32);
            n += 1;
        }
        one_to_one &= n == 1;
    }
    (!one_to_one).then(|| map.into_boxed_slice())
}

/// Cluster names, folded, with their occupations' count known through the catalog.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ClusterNames {
    pub folded: Vec<crate::text::Folded>,
}

impl ClusterNames {
    pub fn new(catalog: &Catalog) -> ClusterNames {
        ClusterNames {
            folded: catalog
                .clusters()
                .iter()
                .map(|c| crate::text::Folded::new(c.name()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posting_gives_back_every_part_at_its_extremes() {
        for (occupation, start, item, len, position) in [
            (0, 0, 0, 0, 0),
            (OCCUPATION_MASK, u32::MAX, u16::MAX, u16::MAX, u16::MAX),
            (12_345, 70_000, 3, 9, 65_535),
        ] {
            for kind in Kind::ALL {
                for (one_to_one, whole) in
                    [(false, false), (true, false), (false, true), (true, true)]
                {
                    let p = Posting::new(PostingParts {
                        occupation,
                        start,
                        item,
                        len,
                        position,
                        kind,
                        one_to_one,
                        whole,
                    });
                    assert_eq!(p.occupation(), occupation);
                    assert_eq!(p.start(), start);
                    assert_eq!((p.item(), p.position()), (item, position));
                    assert_eq!(p.kind_checked(), Some(kind));
                    assert_eq!((p.one_to_one(), p.whole()), (one_to_one, whole));
                    // a one-to-one word is as long as its folded word; another keeps its length,
                    // up to 31
                    let expected = if one_to_one {
                        7
                    } else {
                        usize::from(len).min(31)
                    };
                    assert_eq!(p.word_len(7), expected);
                }
            }
        }
        assert_eq!(std::mem::size_of::<Posting>(), 12);
    }
}
