//! The catalog: clusters of occupations, parsed and validated once, then immutable.
//!
//! `Catalog::from_str(text, origin)` does all the work: TOML parsing into raw serde structs that
//! mirror the file, then validation into the types the rest of the program uses (unique ids,
//! resolved `related` links, sanitized text). Reading a file or the embedded asset is a thin wrapper
//! around it, so tests feed strings and the binary feeds files through the same code.
//!
//! Every problem carries the origin (file name), line and column, and all problems found are
//! reported together. This module knows nothing of terminals; it must not print.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::text::sanitize;

/// The catalog that ships inside the binary.
pub const BUNDLED_TOML: &str = include_str!("../assets/clusters.toml");
/// How the bundled catalog is named in messages.
pub const BUNDLED_ORIGIN: &str = "<bundled catalog>";
/// Files larger than this are refused before reading them whole.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Index of a cluster in [`Catalog::clusters`]; stable for the life of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterIdx(pub usize);

/// Index of an occupation in [`Catalog::occupations`]; stable for the life of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OccupationIdx(pub usize);

/// A validated catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub title: String,
    pub description: String,
    pub clusters: Vec<Cluster>,
    /// Every occupation of every cluster, in file order.
    pub occupations: Vec<Occupation>,
}

/// A group of similar careers.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub education: Vec<String>,
    pub settings: Vec<String>,
    /// This cluster's occupations, in file order.
    pub occupations: Vec<OccupationIdx>,
}

/// One occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    pub id: String,
    pub title: String,
    pub cluster: ClusterIdx,
    pub aliases: Vec<String>,
    pub summary: String,
    pub duties: Vec<String>,
    pub education: Vec<String>,
    pub settings: Vec<String>,
    pub skills: Vec<String>,
    pub related: Vec<OccupationIdx>,
    pub noc: Option<String>,
    pub onet: Option<String>,
}

impl Catalog {
    /// The catalog bundled in the binary.
    pub fn bundled() -> Result<Catalog, CatalogError> {
        Catalog::from_str(BUNDLED_TOML, BUNDLED_ORIGIN)
    }

    /// Reads and validates a catalog file.
    pub fn from_path(path: &Path) -> Result<Catalog, CatalogError> {
        let origin = path.display().to_string();
        let io = |source: std::io::Error| CatalogError::Io {
            origin: origin.clone(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            return Err(CatalogError::NotAFile { origin });
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(CatalogError::TooLarge {
                origin,
                bytes: meta.len(),
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            CatalogError::Invalid {
                origin: origin.clone(),
                problems: vec![Problem::at(
                    &text,
                    at..at + 1,
                    "the file is not valid UTF-8 text".into(),
                    Some("save the file as UTF-8".into()),
                )],
            }
        })?;
        Catalog::from_str(&text, &origin)
    }

    /// Parses and validates catalog text; `origin` names it in messages.
    #[allow(clippy::should_implement_trait)] // it needs an origin, which FromStr cannot take
    pub fn from_str(text: &str, origin: &str) -> Result<Catalog, CatalogError> {
        let raw: RawCatalog = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            CatalogError::Invalid {
                origin: origin.to_string(),
                problems: vec![Problem::at(
                    text,
                    span,
                    e.message().trim().to_string(),
                    None,
                )],
            }
        })?;
        validate(raw, text).map_err(|problems| CatalogError::Invalid {
            origin: origin.to_string(),
            problems,
        })
    }

    pub fn cluster(&self, idx: ClusterIdx) -> &Cluster {
        &self.clusters[idx.0]
    }

    pub fn occupation(&self, idx: OccupationIdx) -> &Occupation {
        &self.occupations[idx.0]
    }

    /// Finds an occupation by its id.
    pub fn occupation_by_id(&self, id: &str) -> Option<OccupationIdx> {
        self.occupations
            .iter()
            .position(|o| o.id == id)
            .map(OccupationIdx)
    }

    /// Finds a cluster by its id.
    pub fn cluster_by_id(&self, id: &str) -> Option<ClusterIdx> {
        self.clusters
            .iter()
            .position(|c| c.id == id)
            .map(ClusterIdx)
    }
}

/// Why a catalog could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{origin}: {source}")]
    Io {
        origin: String,
        source: std::io::Error,
    },
    #[error("{origin}: is a directory, not a catalog file")]
    NotAFile { origin: String },
    #[error("{origin}: the file is {bytes} bytes; catalogs are limited to {MAX_FILE_BYTES} bytes")]
    TooLarge { origin: String, bytes: u64 },
    #[error("{}", render_problems(origin, problems))]
    Invalid {
        origin: String,
        problems: Vec<Problem>,
    },
}

/// One thing wrong in a catalog, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The offending line of the file, as text.
    pub source_line: String,
    pub message: String,
    /// What would be right, when we can tell.
    pub help: Option<String>,
}

impl Problem {
    fn at(text: &str, span: Range<usize>, message: String, help: Option<String>) -> Problem {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let source_line = sanitize(text[line_start..line_end].trim_end_matches('\r'));
        Problem {
            line,
            column,
            source_line,
            message,
            help,
        }
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn render_problems(origin: &str, problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&p.display(origin).to_string());
    }
    out
}

impl Problem {
    /// Renders the problem as `origin:line:column: message`, the line, a marker and the help.
    pub fn display<'a>(&'a self, origin: &'a str) -> impl fmt::Display + 'a {
        struct D<'a>(&'a Problem, &'a str);
        impl fmt::Display for D<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let p = self.0;
                writeln!(f, "{}:{}:{}: {}", self.1, p.line, p.column, p.message)?;
                let gutter = p.line.to_string().len();
                writeln!(f, "{:gutter$} |", "")?;
                writeln!(f, "{} | {}", p.line, p.source_line)?;
                let pad: usize = p
                    .source_line
                    .chars()
                    .take(p.column.saturating_sub(1))
                    .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                    .sum();
                write!(f, "{:gutter$} | {:pad$}^", "", "")?;
                if let Some(help) = &p.help {
                    write!(f, "\n{:gutter$} = help: {help}", "")?;
                }
                Ok(())
            }
        }
        D(self, origin)
    }
}

// ---------------------------------------------------------------------------------------------
// Raw structs: exactly the shape of the TOML file.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    title: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    clusters: Vec<Spanned<RawCluster>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCluster {
    id: Spanned<String>,
    name: Spanned<String>,
    summary: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    education: Vec<String>,
    #[serde(default)]
    settings: Vec<String>,
    #[serde(default)]
    occupations: Vec<Spanned<RawOccupation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOccupation {
    id: Spanned<String>,
    title: Spanned<String>,
    summary: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    duties: Vec<String>,
    #[serde(default)]
    education: Vec<String>,
    #[serde(default)]
    settings: Vec<String>,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    noc: Option<Spanned<String>>,
    onet: Option<Spanned<String>>,
}

// ---------------------------------------------------------------------------------------------
// Validation.

fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_noc(code: &str) -> bool {
    code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit())
}

fn is_onet(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            2 => *c == b'-',
            7 => *c == b'.',
            _ => c.is_ascii_digit(),
        })
}

fn clean_list(items: Vec<String>) -> Vec<String> {
    items
        .into_iter()
        .map(|s| sanitize(s.trim()))
        .filter(|s| !s.is_empty())
        .collect()
}

struct Checker<'t> {
    text: &'t str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        self.problems
            .push(Problem::at(self.text, span, message, help));
    }

    fn required(&mut self, value: &Spanned<String>, what: &str) -> String {
        let cleaned = sanitize(value.get_ref().trim());
        if cleaned.is_empty() {
            self.report(
                value.span(),
                format!("{what} is empty"),
                Some(format!("give the {what} some text")),
            );
        }
        cleaned
    }

    fn id(&mut self, value: &Spanned<String>, kind: &str) -> String {
        let id = value.get_ref().clone();
        if !is_kebab_id(&id) {
            let suggestion = kebab_case(&id);
            self.report(
                value.span(),
                format!("{kind} id {id:?} is not lowercase kebab-case"),
                Some(if suggestion.is_empty() {
                    "use lowercase letters, digits and single hyphens, e.g. \"registered-nurse\""
                        .to_string()
                } else {
                    format!("write it as \"{suggestion}\"")
                }),
            );
        }
        id
    }
}

/// Turns any text into a kebab-case id, for suggestions.
pub fn kebab_case(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

fn validate(raw: RawCatalog, text: &str) -> Result<Catalog, Vec<Problem>> {
    let mut ck = Checker {
        text,
        problems: Vec::new(),
    };
    let title = ck.required(&raw.title, "the catalog title");
    if raw.clusters.is_empty() {
        ck.report(
            raw.title.span(),
            "the catalog has no clusters".into(),
            Some("add at least one [[clusters]] table with id, name and summary".into()),
        );
    }

    let mut clusters = Vec::new();
    let mut occupations = Vec::new();
    let mut cluster_ids: HashMap<String, Range<usize>> = HashMap::new();
    let mut occupation_ids: HashMap<String, Range<usize>> = HashMap::new();
    // related ids are resolved once every occupation is known
    let mut pending_related: Vec<Vec<Spanned<String>>> = Vec::new();

    for raw_cluster in raw.clusters {
        let cluster_span = raw_cluster.span();
        let rc = raw_cluster.into_inner();
        let id = ck.id(&rc.id, "cluster");
        if let Some(first) = cluster_ids.get(&id).cloned() {
            let first = Problem::at(text, first, String::new(), None);
            ck.report(
                rc.id.span(),
                format!("duplicate cluster id {id:?}"),
                Some(format!(
                    "it is already used on line {}; give this cluster another id",
                    first.line
                )),
            );
        } else {
            cluster_ids.insert(id.clone(), rc.id.span());
        }
        let cluster_idx = ClusterIdx(clusters.len());
        let name = ck.required(&rc.name, "cluster name");
        let summary = ck.required(&rc.summary, "cluster summary");
        if rc.occupations.is_empty() {
            ck.report(
                cluster_span.start..cluster_span.start + 1,
                format!("cluster {id:?} has no occupations"),
                Some("add at least one [[clusters.occupations]] table below it".into()),
            );
        }
        let mut members = Vec::new();
        for raw_occ in rc.occupations {
            let ro = raw_occ.into_inner();
            let occ_id = ck.id(&ro.id, "occupation");
            if let Some(first) = occupation_ids.get(&occ_id).cloned() {
                let first = Problem::at(text, first, String::new(), None);
                ck.report(
                    ro.id.span(),
                    format!("duplicate occupation id {occ_id:?}"),
                    Some(format!(
                        "it is already used on line {}; occupation ids must be unique across the catalog",
                        first.line
                    )),
                );
            } else {
                occupation_ids.insert(occ_id.clone(), ro.id.span());
            }
            let title = ck.required(&ro.title, "occupation title");
            let summary = ck.required(&ro.summary, "occupation summary");
            let noc = ro.noc.map(|code| {
                if !is_noc(code.get_ref()) {
                    ck.report(
                        code.span(),
                        format!("NOC code {:?} is not five digits", code.get_ref()),
                        Some("NOC 2021 unit groups look like \"31202\"".into()),
                    );
                }
                code.into_inner()
            });
            let onet = ro.onet.map(|code| {
                if !is_onet(code.get_ref()) {
                    ck.report(
                        code.span(),
                        format!("O*NET-SOC code {:?} is malformed", code.get_ref()),
                        Some("O*NET-SOC codes look like \"29-1123.00\"".into()),
                    );
                }
                code.into_inner()
            });
            let idx = OccupationIdx(occupations.len());
            members.push(idx);
            pending_related.push(ro.related);
            occupations.push(Occupation {
                id: occ_id,
                title,
                cluster: cluster_idx,
                aliases: clean_list(ro.aliases),
                summary,
                duties: clean_list(ro.duties),
                education: clean_list(ro.education),
                settings: clean_list(ro.settings),
                skills: clean_list(ro.skills),
                related: Vec::new(),
                noc,
                onet,
            });
        }
        clusters.push(Cluster {
            id,
            name,
            summary,
            description: sanitize(rc.description.trim()),
            education: clean_list(rc.education),
            settings: clean_list(rc.settings),
            occupations: members,
        });
    }

    let index: HashMap<&str, usize> = occupations
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let mut resolved_all = Vec::with_capacity(pending_related.len());
    for (i, related) in pending_related.iter().enumerate() {
        let mut resolved = Vec::new();
        for r in related {
            match index.get(r.get_ref().as_str()) {
                Some(&j) if j == i => ck.report(
                    r.span(),
                    format!("occupation {:?} lists itself as related", r.get_ref()),
                    Some("remove it from its own related list".into()),
                ),
                Some(&j) => {
                    if !resolved.contains(&OccupationIdx(j)) {
                        resolved.push(OccupationIdx(j));
                    }
                }
                None => {
                    let near = nearest(r.get_ref(), index.keys().copied());
                    ck.report(
                        r.span(),
                        format!(
                            "related id {:?} is not an occupation in this catalog",
                            r.get_ref()
                        ),
                        Some(match near {
                            Some(n) => format!("did you mean \"{n}\"?"),
                            None => "use the id of an occupation defined in this file".into(),
                        }),
                    );
                }
            }
        }
        resolved_all.push(resolved);
    }
    for (occ, related) in occupations.iter_mut().zip(resolved_all) {
        occ.related = related;
    }

    if ck.problems.is_empty() {
        Ok(Catalog {
            title,
            description: sanitize(raw.description.trim()),
            clusters,
            occupations,
        })
    } else {
        ck.problems.sort_by_key(|p| (p.line, p.column));
        Err(ck.problems)
    }
}

/// The candidate closest to `word` by edit distance, if any is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"
title = "Mini"

[[clusters]]
id = "rehab"
name = "Rehab"
summary = "Helping people recover."

[[clusters.occupations]]
id = "physiotherapist"
title = "Physiotherapist"
summary = "Restores movement."
related = ["kinesiologist"]

[[clusters.occupations]]
id = "kinesiologist"
title = "Kinesiologist"
summary = "Studies movement."
"#;

    fn problems(text: &str) -> Vec<Problem> {
        match Catalog::from_str(text, "test.toml") {
            Err(CatalogError::Invalid { problems, .. }) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn bundled_catalog_loads() {
        let catalog = Catalog::bundled().expect("bundled catalog is valid");
        assert_eq!(catalog.clusters.len(), 5);
        assert!(catalog.occupations.len() >= 30);
    }

    #[test]
    fn mini_catalog_resolves_related_ids() {
        let c = Catalog::from_str(MINI, "mini.toml").unwrap();
        let physio = c.occupation_by_id("physiotherapist").unwrap();
        let kin = c.occupation_by_id("kinesiologist").unwrap();
        assert_eq!(c.occupation(physio).related, vec![kin]);
        assert_eq!(c.occupation(kin).cluster, ClusterIdx(0));
    }

    #[test]
    fn unknown_key_names_its_line_and_column() {
        let text = MINI.replace("title = \"Kinesiologist\"", "titel = \"Kinesiologist\"");
        let p = problems(&text);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 17);
        assert!(p[0].message.contains("titel"), "{}", p[0].message);
    }

    #[test]
    fn broken_related_id_is_reported_with_a_suggestion() {
        let text = MINI.replace("[\"kinesiologist\"]", "[\"kinesiologst\"]");
        let p = problems(&text);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].line, p[0].column), (13, 12));
        assert_eq!(
            p[0].help.as_deref(),
            Some("did you mean \"kinesiologist\"?")
        );
    }

    #[test]
    fn duplicate_ids_point_at_the_first_use() {
        let text = MINI.replace("id = \"kinesiologist\"", "id = \"physiotherapist\"");
        let p = problems(&text);
        assert!(
            p.iter()
                .any(|p| p.message.contains("duplicate occupation id")
                    && p.line == 16
                    && p.help.as_deref().unwrap_or("").contains("line 10"))
        );
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let text = MINI
            .replace("[\"kinesiologist\"]", "[\"nobody\"]")
            .replace("id = \"kinesiologist\"", "id = \"Kinesiologist\"")
            + "noc = \"3120\"\n";
        let p = problems(&text);
        assert_eq!(p.len(), 3, "{p:?}");
    }

    #[test]
    fn error_display_shows_file_line_and_marker() {
        let text = MINI.replace("[\"kinesiologist\"]", "[\"kinesiologst\"]");
        let err = Catalog::from_str(&text, "mine.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("mine.toml:13:12: related id"), "{err}");
        assert!(err.contains("13 | related = [\"kinesiologst\"]"), "{err}");
        assert!(err.contains("   |            ^"), "{err}");
    }

    #[test]
    fn control_characters_are_made_visible() {
        let text = MINI.replace("Restores movement.", "Restores\\u001b[2J movement.");
        let c = Catalog::from_str(&text, "x").unwrap();
        assert!(!c.occupations[0].summary.contains('\u{1b}'));
    }

    #[test]
    fn syntax_errors_have_locations() {
        let p = problems("title = \"x\"\n[[clusters]\n");
        assert_eq!(p[0].line, 2);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            nearest("titel", ["title", "summary"].into_iter()),
            Some("title")
        );
    }
}
