//! The filter syntax: free words, `"quoted phrases"` and field-scoped terms (`edu:kinesiology`,
//! `setting:"long-term care"`), parsed into a [`Query`] whose terms must all hold.
//!
//! Parsing never fails: whatever a person types is a query. An unclosed quote runs to the end (so
//! a phrase works while it is being typed), a scope with nothing after it (`edu:`) adds no term
//! yet, and a word with a colon that is not a known scope (`re:`) is searched as plain text.

/// Which fields a term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Any field: titles and aliases fuzzily, everything else by word prefix.
    Any,
    Title,
    Alias,
    Cluster,
    Skill,
    Education,
    Setting,
    Summary,
    Duty,
    Noc,
    /// The preparation level, the NOC code's TEER: `teer:1`.
    Teer,
    /// The O*NET Job Zone: `zone:4`.
    JobZone,
}

impl Scope {
    /// The scope a `name:` prefix selects, by its names and common abbreviations.
    fn from_name(name: &str) -> Option<Scope> {
        Some(match name {
            "title" => Scope::Title,
            "alias" | "aka" | "also" => Scope::Alias,
            "cluster" => Scope::Cluster,
            "skill" | "skills" => Scope::Skill,
            "edu" | "education" | "degree" | "study" => Scope::Education,
            "setting" | "settings" | "where" | "workplace" => Scope::Setting,
            "summary" => Scope::Summary,
            "duty" | "duties" | "task" | "does" => Scope::Duty,
            "noc" => Scope::Noc,
            "teer" | "prep" | "preparation" => Scope::Teer,
            "zone" | "jobzone" | "job-zone" => Scope::JobZone,
            _ => return None,
        })
    }
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub scope: Scope,
    /// The term as typed, case-folded (what the fuzzy title matcher sees).
    pub text: String,
    /// The folded words of the term; the last may be a prefix of a word in the text.
    pub words: Vec<String>,
    /// Whether the words must follow each other in one field (a quoted phrase, or a free word with
    /// punctuation inside such as "long-term").
    pub phrase: bool,
}

/// A parsed filter: every term must match somewhere in an occupation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub(crate) terms: Vec<Term>,
    /// Small words left out of `terms` ("people" in "helping people"): they never make a query
    /// fail, but an occupation that has them ranks a little higher.
    pub(crate) optional: Vec<Term>,
    /// Whether small words were left out: a plain-language query, ranked with the clusters' own
    /// descriptions too.
    pub(crate) plain: bool,
}

impl Query {
    /// Parses filter text. Never fails; see the module doc for the forgiving cases.
    pub fn parse(text: &str) -> Query {
        let mut terms = Vec::new();
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            // a scope prefix: letters followed by ':'
            let mut scope = Scope::Any;
            let mut j = i;
            while j < chars.len() && chars[j].is_alphabetic() {
                j += 1;
            }
            if j > i && j < chars.len() && chars[j] == ':' {
                let name: String = chars[i..j].iter().flat_map(|c| c.to_lowercase()).collect();
                if let Some(s) = Scope::from_name(&name) {
                    scope = s;
                    i = j + 1;
                }
            }
            let (raw, quoted, next) = if chars.get(i) == Some(&'"') {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '"')
                    .map_or(chars.len(), |p| i + 1 + p);
                (&chars[i + 1..end], true, end + 1)
            } else {
                let end = chars[i..]
                    .iter()
                    .position(|c| c.is_whitespace())
                    .map_or(chars.len(), |p| i + p);
                (&chars[i..end], false, end)
            };
            i = next;
            let raw: String = raw.iter().collect();
            if let Some(term) = Term::new(scope, &raw, quoted) {
                terms.push(term);
            }
        }
        // Small words ("i like sports", "helping people") never make a query fail: they are
        // left out, unless they are all there is.
        let small = |t: &Term| {
            t.scope == Scope::Any
                && !t.phrase
                && t.words.len() == 1
                && super::stem::is_small(&t.words[0])
        };
        let mut optional = Vec::new();
        let mut plain = false;
        if terms.iter().any(|t| !small(t)) {
            let (kept, left): (Vec<Term>, Vec<Term>) = terms.into_iter().partition(|t| !small(t));
            terms = kept;
            plain = !left.is_empty();
            optional = left
                .into_iter()
                .filter(|t| super::stem::RANKING_WORDS.contains(&t.words[0].as_str()))
                .collect();
        }
        Query {
            terms,
            optional,
            plain,
        }
    }

    /// True when there is nothing to match (blank text, or only a bare `edu:`).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms, in the order typed.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }
}

/// Folds text for matching: lowercase, character by character (the index folds the same way).
pub fn fold_str(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Splits text into words: maximal runs of alphanumeric characters.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl Term {
    /// A free word, as if typed alone.
    pub fn free(word: &str) -> Option<Term> {
        Term::new(Scope::Any, word, false)
    }

    fn new(scope: Scope, raw: &str, quoted: bool) -> Option<Term> {
        let text = fold_str(raw.trim());
        // split before folding, as the index does: 'İ' folds to 'i' and a combining dot
        let words: Vec<String> = words(raw).map(fold_str).collect();
        if words.is_empty() {
            return None;
        }
        Some(Term {
            scope,
            phrase: quoted || words.len() > 1,
            text,
            words,
        })
    }

    /// How many typing errors a fuzzy title match may have: none for short words, where one
    /// error turns one word into another ("heart", "healt"), one from six letters, two from twelve.
    pub fn max_typos(&self) -> u16 {
        match self.words.first().map_or(0, |w| w.chars().count()) {
            0..=5 => 0,
            6..=11 => 1,
            _ => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(Scope, Vec<String>, bool)> {
        Query::parse(text)
            .terms
            .into_iter()
            .map(|t| (t.scope, t.words, t.phrase))
            .collect()
    }

    fn w(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn words_scopes_and_phrases() {
        assert_eq!(
            terms("Physio edu:Kinesiology \"long-term care\" setting:\"private practice"),
            vec![
                (Scope::Any, w(&["physio"]), false),
                (Scope::Education, w(&["kinesiology"]), false),
                (Scope::Any, w(&["long", "term", "care"]), true),
                (Scope::Setting, w(&["private", "practice"]), true),
            ]
        );
    }

    #[test]
    fn forgiving_cases() {
        assert!(Query::parse("edu:").is_empty());
        assert!(Query::parse("  \"\" ").is_empty());
        assert_eq!(terms("re:hab"), vec![(Scope::Any, w(&["re", "hab"]), true)]);
        assert_eq!(terms("NOC:312"), vec![(Scope::Noc, w(&["312"]), false)]);
    }
}
