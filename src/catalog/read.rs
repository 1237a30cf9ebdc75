//! Reading catalog text into a [`Catalog`], reporting every problem at once.
//!
//! The TOML is parsed into a spanned document tree (`doc`), then walked by hand rather than
//! through serde: serde stops at the first unknown key, wrong type or missing field, and a
//! career-centre editor fixing a file wants all of them in one go. Each problem carries its byte
//! span, turned into line and column.
//!
//! The tree comes from the lean parser when the file is in the plain shape it reads (fast and
//! small: a 10,000-occupation catalog loads several times faster than through toml's tree);
//! otherwise, and whenever there is anything to report, from toml's parser with error recovery,
//! so several syntax errors are reported together and every place is TOML's own.

use rustc_hash::FxHashMap;
use std::ops::Range;

use toml::de::DeTable;

use super::doc::Sink;
use super::doc::{Item, Table, Value};
use super::problem::{LineIndex, Location, Problem};
use super::{Catalog, Cluster, ClusterIdx, Occupation, OccupationIdx, nearest};
use crate::text::sanitize;

const CATALOG_KEYS: &[&str] = &["title", "description", "clusters"];
const CLUSTER_KEYS: &[&str] = &[
    "id",
    "name",
    "summary",
    "description",
    "education",
    "settings",
    "occupations",
];
/// Fields shown as one fact on one line by `list` and `search`: a line break in them could fake
/// a row, so they are refused (descriptions, summaries and duties may have several lines).
pub(super) const ONE_LINE_KEYS: &[&str] = &[
    "id",
    "title",
    "name",
    "noc",
    "onet",
    "aliases",
    "related",
    "advances_to",
    "interests",
];

const OCCUPATION_KEYS: &[&str] = &[
    "id",
    "title",
    "aliases",
    "summary",
    "duties",
    "education",
    "settings",
    "skills",
    "working_conditions",
    "career_path",
    "advances_to",
    "interests",
    "related",
    "noc",
    "onet",
    "onet_nearest",
    "job_zone",
];

/// Reads and validates catalog text.
///
/// Files in the plain shape catalogs are written in are read by the lean reader, which hands
/// each table to the validation as soon as it is complete, so no tree of the whole file is ever
/// held. If it gives up, or the catalog has problems, toml's parser reads the file again so that
/// every problem is reported exactly as TOML defines the file, with its place.
pub(super) fn read(text: &str) -> Result<Catalog, Vec<Problem>> {
    let mut reader = Reader::new(text);
    if super::lean::parse(text, &mut reader).is_some()
        && let Ok(catalog) = reader.finish()
    {
        return Ok(catalog);
    }
    read_with_toml(text)
}

/// [`read`] through toml's parser alone (error recovery, every syntax error reported).
pub(super) fn read_with_toml(text: &str) -> Result<Catalog, Vec<Problem>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut reader = Reader::new(text);
    if !errors.is_empty() {
        // The other problems are reported too, so fixing one mistake does not reveal two more:
        // the recovered tree is validated, and what it finds is kept where it cannot be an
        // artefact of the syntax error — before the first one (what follows is the parser's
        // guess), and not a missing key or table, which the guess may have caused.
        let mut semantic = Reader::new(text);
        walk(&Table::from_toml(root.into_inner()), &mut semantic);
        let first_error = errors
            .iter()
            .filter_map(|e| e.span())
            .map(|span| reader.locate(span).line)
            .min()
            .unwrap_or(0);
        // finishing resolves the related ids too
        let found = semantic.finish().err().unwrap_or_default();
        let kept: Vec<Problem> = found
            .into_iter()
            .filter(|p| {
                p.line < first_error
                    && !p.message.contains(" has no ")
                    && !defined_after_the_error(text, p)
            })
            .collect();
        // a string in a list without its closing quote derails the parser for the rest of the
        // list: one message where the quote belongs, not a cascade at the wrong places
        let first_at = errors
            .iter()
            .filter_map(|e| e.span())
            .map(|span| span.start)
            .min();
        let unclosed = first_at.and_then(|at| unclosed_string_in_list(text, at));
        let mut syntax: Vec<(String, Option<Range<usize>>)> = errors
            .iter()
            .map(|e| (e.message().to_string(), e.span()))
            .collect();
        if let Some(u) = &unclosed {
            reader.report(
                u.at..u.at,
                format!(
                    "a string in this list has no closing quote: a \" probably belongs after \"{}\"",
                    u.item
                ),
                Some(
                    "write each item in quotes, separated by commas: [\"one\", \"two\"]"
                        .into(),
                ),
            );
            // the other syntax errors are those left with the quote put in: the parser's
            // follow-on errors go, real ones elsewhere stay (at their places in this text)
            let repaired = format!("{}\"{}", &text[..u.at], &text[u.at..]);
            let back = |at: usize| if at > u.at { at - 1 } else { at };
            syntax = DeTable::parse_recoverable(&repaired)
                .1
                .iter()
                .map(|e| {
                    let span = e.span().map(|s| back(s.start)..back(s.end));
                    (e.message().to_string(), span)
                })
                .collect();
        }
        for (message, span) in syntax {
            let message = format!("TOML syntax: {}", message.trim());
            match span {
                Some(span) => reader.report(span, message, None),
                None => reader.report(
                    deepest_line(text),
                    message,
                    Some(
                        "this line nests deeper than TOML's parser goes: use a key of fewer \
                         dotted parts, or fewer brackets"
                            .into(),
                    ),
                ),
            }
        }
        reader.problems.extend(kept);
        return Err(reader.sorted_problems());
    }
    walk(&Table::from_toml(root.into_inner()), &mut reader);
    reader.finish()
}

/// A string in a list that is missing its closing quote.
struct UnclosedString {
    /// Where the quote probably belongs (a byte offset).
    at: usize,
    /// The item's text before that place.
    item: String,
}

/// Looks for an unclosed string in the list (array) around the first syntax error at `error_at`:
/// a basic string that reaches the end of its line, or that "closes" on the next item's opening
/// quote (`"two, "three"`) and so is followed by something other than `,` or `]`. The quote
/// probably belongs before the comma or bracket the string swallowed, else at the end of the
/// line. `None` when the error is something else.
fn unclosed_string_in_list(text: &str, error_at: usize) -> Option<UnclosedString> {
    let bytes = text.as_bytes();
    // by bytes: a newline is one byte in UTF-8, and an offset from the parser is never trusted
    // to fall on a character boundary
    let line_start = |at: usize| {
        bytes[..at.min(bytes.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    };
    let line_end = |at: usize| {
        bytes[at.min(bytes.len())..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i)
    };
    // back from the error's line to the line that opens the list, never past a table header
    let mut start = line_start(error_at);
    let open = loop {
        let line = text.get(start..line_end(start))?;
        if line.trim_start().starts_with('[') && !line.contains('=') {
            return None;
        }
        let key = line.trim_start();
        let key_len = key
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
            .count();
        if key_len > 0 && key[key_len..].trim_start().starts_with('=') {
            // a `key = …` line: the error is in a list only if this value opens one
            let eq = line.find('=')?;
            if !line[eq + 1..].trim_start().starts_with('[') {
                return None;
            }
            break start + eq + 1 + line[eq + 1..].find('[')?;
        }
        if start == 0 {
            return None;
        }
        start = line_start(start - 1);
    };
    let mut i = open + 1;
    while i < text.len() {
        match bytes[i] {
            b'"' => {
                let content_start = i + 1;
                let mut j = content_start;
                let mut closed = None;
                while j < text.len() && bytes[j] != b'\n' {
                    match bytes[j] {
                        b'\\' => j += 2,
                        b'"' => {
                            closed = Some(j);
                            break;
                        }
                        _ => j += 1,
                    }
                }
                let content_end = closed.unwrap_or(j.min(text.len()));
                let follows = closed.map(|c| {
                    text.get(c + 1..)
                        .unwrap_or_default()
                        .trim_start_matches([' ', '\t'])
                        .chars()
                        .next()
                });
                let broken = match follows {
                    None => true,
                    Some(next) => !matches!(next, None | Some(',' | ']' | '\n' | '\r' | '#')),
                };
                if !broken {
                    i = content_end + 1;
                    continue;
                }
                let content = text.get(content_start..content_end)?;
                let trimmed = content.trim_end();
                let guess = match content.rfind(',') {
                    Some(comma) if content[comma + 1..].trim().is_empty() => comma,
                    _ if trimmed.ends_with([',', ']']) => trimmed.len() - 1,
                    _ => trimmed.len(),
                };
                let item = content[..guess].trim_end().to_string();
                let at = content_start + item.len();
                return Some(UnclosedString {
                    at,
                    item: crate::text::sanitize_inline(&item),
                });
            }
            b']' => return None,
            b'#' => i = line_end(i),
            _ => i += 1,
        }
    }
    None
}

/// Whether an "id is not an occupation" problem may be an artefact: the id is defined in the
/// text after a syntax error, where the parser's recovery may have lost it.
fn defined_after_the_error(text: &str, p: &Problem) -> bool {
    if !p.message.contains("is not an occupation in this catalog") {
        return false;
    }
    let Some(id) = p.message.split('"').nth(1) else {
        return false;
    };
    text.contains(&format!("id = \"{id}\"")) || text.contains(&format!("id = '{id}'"))
}

/// Where to report a syntax error toml gives without a place. It does that when it stops at its
/// recursion limit, for a key of too many dotted parts or for arrays and inline tables nested too
/// deep, so the place is the line that goes deepest: the most dots in a key or table header, or
/// the most brackets open. A rough reading of the syntax (strings and comments skipped, one line
/// at a time) is enough to find it, and costs one pass, whatever the size of the file.
fn deepest_line(text: &str) -> Range<usize> {
    let mut open: usize = 0;
    let mut best = (0, 0..0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let (mut deepest, mut dots, mut in_key) = (open, 0, true);
        let mut quote: Option<char> = None;
        let mut escaped = false;
        for c in line.chars() {
            if let Some(q) = quote {
                match c {
                    '\\' if q == '"' && !escaped => escaped = true,
                    c if c == q && !escaped => quote = None,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' | '\'' => quote = Some(c),
                '#' => break,
                '[' | '{' => {
                    open += 1;
                    deepest = deepest.max(open);
                }
                ']' | '}' => open = open.saturating_sub(1),
                '.' if in_key => dots += 1,
                '=' => in_key = false,
                _ => {}
            }
        }
        let depth = deepest.max(dots + 1);
        if depth > best.0 {
            let content = line.trim_end();
            let indent = content.len() - content.trim_start().len();
            best = (depth, start + indent..start + content.len().max(indent + 1));
        }
        start += line.len();
    }
    best.1
}

/// Hands the tables of a whole document to the reader in file order, as the lean reader does
/// while it reads, and reports clusters and occupations that are not tables.
fn walk(root: &Table, reader: &mut Reader) {
    reader.root(root);
    let clusters = reader.tables(root, "clusters", "the catalog", "[[clusters]]");
    if clusters.is_empty() && missing_or_empty(root.get("clusters")) {
        reader.no_clusters();
    }
    for (table, header) in clusters {
        reader.cluster(table, &header);
        let context = reader.cluster_context.clone();
        let occupations = reader.tables(table, "occupations", &context, "[[clusters.occupations]]");
        if occupations.is_empty() && missing_or_empty(table.get("occupations")) {
            reader.no_occupations(&header);
        }
        for (occupation, header) in occupations {
            reader.occupation(occupation, &header);
        }
    }
}

/// The validation of each table, in the order the lean reader (or [`walk`]) hands them over.
impl<'i> Sink<'i> for Reader<'_> {
    /// The catalog's own keys.
    fn root(&mut self, root: &Table<'i>) {
        self.check_keys(root, CATALOG_KEYS, "the catalog");
        let start = 0..0;
        self.title = self
            .text(root, "title", true, &start, "the catalog")
            .map(|t| t.0)
            .unwrap_or_default();
        self.description = self
            .text(root, "description", false, &start, "the catalog")
            .map(|t| t.0)
            .unwrap_or_default();
    }

    fn no_clusters(&mut self) {
        self.report(
            0..0,
            "the catalog has no clusters".into(),
            Some("add a `[[clusters]]` table with an id, a name and a summary".into()),
        );
    }

    /// A `[[clusters]]` table, apart from its occupations, which follow.
    fn cluster(&mut self, table: &Table<'i>, header: &Range<usize>) {
        let context = format!("cluster {}", self.clusters.len() + 1);
        self.check_keys(table, CLUSTER_KEYS, "a cluster");
        let mut ids = std::mem::take(&mut self.cluster_ids);
        let id = self.id(table, header, &context, "cluster", &mut ids);
        self.cluster_ids = ids;
        let context = if id.is_empty() {
            context
        } else {
            format!("cluster \"{id}\"")
        };
        let name = self.text(table, "name", true, header, &context);
        let summary = self.text(table, "summary", true, header, &context);
        let description = self.text(table, "description", false, header, &context);
        let education = self.text_list(table, "education", &context);
        let settings = self.text_list(table, "settings", &context);
        self.clusters.push(Cluster {
            id,
            name: name.map(|t| t.0).unwrap_or_default(),
            summary: summary.map(|t| t.0).unwrap_or_default(),
            description: description.map(|t| t.0).unwrap_or_default(),
            education: education.into_iter().map(|t| t.0).collect(),
            settings: settings.into_iter().map(|t| t.0).collect(),
            occupations: Vec::new(),
        });
        self.cluster_context = context;
    }

    /// The cluster just read has no occupations.
    fn no_occupations(&mut self, header: &Range<usize>) {
        let context = &self.cluster_context;
        let message = format!("{context} has no occupations");
        self.report(
            header.clone(),
            message,
            Some("add `[[clusters.occupations]]` tables below it".into()),
        );
    }

    /// A `[[clusters.occupations]]` table of the cluster read last.
    fn occupation(&mut self, occ: &Table<'i>, header: &Range<usize>) {
        let cluster_idx = ClusterIdx(self.clusters.len().saturating_sub(1));
        let context = format!("an occupation of {}", self.cluster_context);
        self.check_keys(occ, OCCUPATION_KEYS, "an occupation");
        let mut ids = std::mem::take(&mut self.occupation_ids);
        let occ_id = self.id(occ, header, &context, "occupation", &mut ids);
        self.occupation_ids = ids;
        let context = if occ_id.is_empty() {
            context
        } else {
            format!("occupation \"{occ_id}\"")
        };
        let title = self.text(occ, "title", true, header, &context);
        let summary = self.text(occ, "summary", true, header, &context);
        let list = |r: &mut Self, key| -> Vec<String> {
            r.text_list(occ, key, &context)
                .into_iter()
                .map(|t| t.0)
                .collect()
        };
        let aliases = list(self, "aliases");
        let duties = list(self, "duties");
        let education = list(self, "education");
        let settings = list(self, "settings");
        let skills = list(self, "skills");
        let working_conditions = list(self, "working_conditions");
        let career_path = list(self, "career_path");
        let related = self.text_list(occ, "related", &context);
        self.related_ids.push(related);
        let advances_to = self.text_list(occ, "advances_to", &context);
        self.advances_ids.push(advances_to);
        let interests = self.interests(occ, header, &context);
        let noc = self.code(occ, "noc", header, super::is_noc, "31202", "NOC");
        let onet = self.codes(occ, "onet", &context);
        let onet_nearest = self.flag(occ, "onet_nearest", &context);
        let job_zone = self.job_zone(occ, &context);
        if onet_nearest
            && onet.is_empty()
            && let Some(item) = occ.get("onet_nearest")
        {
            self.report(
                item.span.clone(),
                format!("`onet_nearest` of {context} marks codes it does not have"),
                Some("add the nearest O*NET code as `onet`, or remove `onet_nearest`".into()),
            );
        }
        let idx = OccupationIdx(self.occupations.len());
        if let Some(cluster) = self.clusters.last_mut() {
            cluster.occupations.push(idx);
        }
        self.occupations.push(Occupation {
            id: occ_id,
            title: title.map(|t| t.0).unwrap_or_default(),
            cluster: cluster_idx,
            aliases,
            summary: summary.map(|t| t.0).unwrap_or_default(),
            duties,
            education,
            settings,
            skills,
            related: Vec::new(),
            noc,
            onet,
            onet_nearest,
            interests,
            working_conditions,
            career_path,
            advances_to: Vec::new(),
            job_zone,
        });
    }
}

/// Spans of things that must be unique, by id.
type Seen = FxHashMap<String, Range<usize>>;

/// The validation: takes the tables of a catalog in file order (root, then each cluster followed
/// by its occupations) and builds the [`Catalog`], collecting every problem on the way.
pub(super) struct Reader<'t> {
    text: &'t str,
    problems: Vec<Problem>,
    title: String,
    description: String,
    clusters: Vec<Cluster>,
    occupations: Vec<Occupation>,
    /// The `related` ids of each occupation, resolved once all are known.
    related_ids: Vec<Vec<(String, Range<usize>)>>,
    /// The `advances_to` ids of each occupation, resolved like `related` at the end.
    advances_ids: Vec<Vec<(String, Range<usize>)>>,
    cluster_ids: Seen,
    occupation_ids: Seen,
    /// How messages name the cluster being read.
    cluster_context: String,
    /// Line starts, found once, when the first problem is reported.
    lines: std::cell::OnceCell<LineIndex>,
}

/// True when a list is absent or `[]` (a value of the wrong type is reported on its own).
fn missing_or_empty(value: Option<&Item>) -> bool {
    match value.map(|v| &v.value) {
        None => true,
        Some(Value::List(items)) => items.is_empty(),
        Some(_) => false,
    }
}

impl<'t> Reader<'t> {
    fn report(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        let at = self.locate(span);
        self.problems.push(Problem::new(at, message, help));
    }

    fn locate(&self, span: Range<usize>) -> Location {
        self.lines
            .get_or_init(|| LineIndex::new(self.text))
            .locate(self.text, span)
    }

    fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            problems: Vec::new(),
            title: String::new(),
            description: String::new(),
            clusters: Vec::new(),
            occupations: Vec::new(),
            related_ids: Vec::new(),
            advances_ids: Vec::new(),
            cluster_ids: Seen::default(),
            occupation_ids: Seen::default(),
            cluster_context: String::new(),
            lines: std::cell::OnceCell::new(),
        }
    }

    fn sorted_problems(mut self) -> Vec<Problem> {
        self.problems.sort_by_key(|p| (p.line, p.column));
        self.problems
    }

    /// The catalog, once every table has been read, or every problem found.
    fn finish(mut self) -> Result<Catalog, Vec<Problem>> {
        let related_ids = std::mem::take(&mut self.related_ids);
        let advances_ids = std::mem::take(&mut self.advances_ids);
        let mut occupations = std::mem::take(&mut self.occupations);
        let related = self.resolve_ids(&occupations, related_ids, "related");
        let advances = self.resolve_ids(&occupations, advances_ids, "advances_to");
        for ((occupation, related), advances) in occupations.iter_mut().zip(related).zip(advances) {
            occupation.related = related;
            occupation.advances_to = advances;
        }
        if !self.problems.is_empty() {
            return Err(self.sorted_problems());
        }
        Ok(Catalog {
            title: self.title,
            description: self.description,
            clusters: self.clusters,
            occupations,
        })
    }

    /// Reports keys that are not in `allowed`, suggesting the nearest allowed one.
    fn check_keys(&mut self, table: &Table, allowed: &[&str], context: &str) {
        for entry in &table.entries {
            let name = entry.key.as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let known = allowed.join(", ");
            let help = match nearest(name, allowed.iter().copied()) {
                // `[[occupations]]` at the top: occupations belong to the cluster above them
                _ if name == "occupations" => "occupations belong to a cluster: write \
                     `[[clusters.occupations]]` below its `[[clusters]]`"
                    .to_string(),
                Some(near) => format!("did you mean `{near}`? Keys allowed in {context}: {known}"),
                None => format!("keys allowed in {context}: {known}"),
            };
            self.report(
                entry.key_span.clone(),
                format!("unknown key `{}` in {context}", sanitize(name)),
                Some(help),
            );
        }
    }

    /// A text field; reports a missing required one at `header` (the table's first line).
    fn text(
        &mut self,
        table: &Table,
        key: &str,
        required: bool,
        header: &Range<usize>,
        context: &str,
    ) -> Option<(String, Range<usize>)> {
        let Some(value) = table.get(key) else {
            // A misspelt key (`titel`) is already reported with this one as its suggestion.
            // Only asked for required keys: optional ones are often absent, and the edit
            // distances would cost every load.
            let misspelt = || {
                table.entries.iter().any(|e| {
                    let k = e.key.as_ref();
                    k != key && nearest(k, std::iter::once(key)).is_some()
                })
            };
            if required && !misspelt() {
                self.report(
                    header.clone(),
                    format!("{context} has no `{key}`"),
                    Some(format!("add a line `{key} = \"…\"` to it")),
                );
            }
            return None;
        };
        match &value.value {
            Value::Text(s) => {
                if !self.one_line(key, s, &value.span) {
                    return None;
                }
                let cleaned = sanitize(s.trim());
                if cleaned.is_empty() && required {
                    self.report(
                        value.span.clone(),
                        format!("`{key}` of {context} is empty"),
                        Some(format!("give `{key}` some text")),
                    );
                    return None;
                }
                Some((cleaned, value.span.clone()))
            }
            other => {
                self.report(
                    value.span.clone(),
                    format!("`{key}` must be text in quotes, not {}", other.kind()),
                    Some(format!("write it as `{key} = \"…\"`")),
                );
                None
            }
        }
    }

    /// A list of text; empty items are reported, the rest kept.
    fn text_list(
        &mut self,
        table: &Table,
        key: &str,
        context: &str,
    ) -> Vec<(String, Range<usize>)> {
        let Some(value) = table.get(key) else {
            return Vec::new();
        };
        let Value::List(items) = &value.value else {
            self.report(
                value.span.clone(),
                format!(
                    "`{key}` of {context} must be a list of text, not {}",
                    value.value.kind()
                ),
                Some(format!("write it as `{key} = [\"…\", \"…\"]`")),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match &item.value {
                Value::Text(s) if !self.one_line(key, s, &item.span) => {}
                Value::Text(s) => {
                    let cleaned = sanitize(s.trim());
                    if cleaned.is_empty() {
                        self.report(
                            item.span.clone(),
                            format!("an item of `{key}` is empty"),
                            Some("remove the empty item or give it some text".into()),
                        );
                    } else {
                        out.push((cleaned, item.span.clone()));
                    }
                }
                other => self.report(
                    item.span.clone(),
                    format!(
                        "items of `{key}` must be text in quotes, not {}",
                        other.kind()
                    ),
                    Some("put the item in double quotes".into()),
                ),
            }
        }
        out
    }

    /// False, with the problem reported, when a one-line field has a line break in it.
    fn one_line(&mut self, key: &str, text: &str, span: &Range<usize>) -> bool {
        if !ONE_LINE_KEYS.contains(&key) || !text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
            return true;
        }
        self.report(
            span.clone(),
            format!("`{key}` must be on one line, but it has a line break"),
            Some(format!("remove the line break (`\\n`) from `{key}`")),
        );
        false
    }

    /// An array of tables (`[[clusters]]`), each with its header span.
    fn tables<'a, 'i>(
        &mut self,
        table: &'a Table<'i>,
        key: &str,
        context: &str,
        header: &str,
    ) -> Vec<(&'a Table<'i>, Range<usize>)> {
        let Some(value) = table.get(key) else {
            return Vec::new();
        };
        let wrong = |v: &Item| {
            (
                v.span.clone(),
                format!(
                    "`{key}` of {context} must be {header} tables, not {}",
                    v.value.kind()
                ),
                Some(format!("start each one with a `{header}` line")),
            )
        };
        let Value::List(items) = &value.value else {
            let (span, message, help) = wrong(value);
            self.report(span, message, help);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match &item.value {
                Value::Table(t) => out.push((t, item.span.clone())),
                _ => {
                    let (span, message, help) = wrong(item);
                    self.report(span, message, help);
                }
            }
        }
        out
    }

    /// An id: required, lowercase kebab-case, unique among `seen`.
    fn id(
        &mut self,
        table: &Table,
        header: &Range<usize>,
        context: &str,
        kind_name: &str,
        seen: &mut Seen,
    ) -> String {
        let Some((id, span)) = self.text(table, "id", true, header, context) else {
            return String::new();
        };
        if !super::is_kebab_id(&id) {
            let suggestion = super::kebab_case(&id);
            self.report(
                span.clone(),
                format!("{kind_name} id \"{id}\" is not lowercase kebab-case"),
                Some(if suggestion.is_empty() {
                    "use lowercase letters, digits and single hyphens, e.g. \"registered-nurse\""
                        .into()
                } else {
                    format!("write it as \"{suggestion}\"")
                }),
            );
        }
        if let Some(first) = seen.get(&id) {
            let mut p = Problem::new(
                self.locate(span),
                format!("{kind_name} id \"{id}\" is used twice"),
                Some(format!(
                    "ids must be unique; give this {kind_name} another id"
                )),
            );
            p.also = Some((self.locate(first.clone()), "first used here".into()));
            self.problems.push(p);
        } else {
            seen.insert(id.clone(), span);
        }
        id
    }

    fn code(
        &mut self,
        table: &Table,
        key: &str,
        header: &Range<usize>,
        valid: fn(&str) -> bool,
        example: &str,
        name: &str,
    ) -> Option<String> {
        if let Some(v) = table.get(key)
            && let Value::Integer(number) = &v.value
        {
            self.report(
                v.span.clone(),
                format!("the {name} code must be text in quotes"),
                Some(format!(
                    "write it as `{key} = \"{}\"`; leading zeros matter",
                    number.as_str()
                )),
            );
            return None;
        }
        let (code, span) = self.text(table, key, false, header, name)?;
        if !valid(&code) {
            self.report(
                span,
                format!("{name} code \"{code}\" is malformed"),
                Some(format!("{name} codes look like \"{example}\"")),
            );
        }
        Some(code)
    }

    /// Resolves the ids of `key` (`related`, `advances_to`) of every occupation, reporting each
    /// one that names no occupation (with the nearest id) or the occupation itself.
    fn resolve_ids(
        &mut self,
        occupations: &[Occupation],
        ids: Vec<Vec<(String, Range<usize>)>>,
        key: &str,
    ) -> Vec<Vec<OccupationIdx>> {
        let index: FxHashMap<&str, usize> = occupations
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.id.is_empty())
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let mut suggestions = super::Suggestions::new(index.keys().copied());
        let mut all_resolved = Vec::with_capacity(ids.len());
        for (i, listed) in ids.into_iter().enumerate() {
            let mut resolved = Vec::new();
            for (id, span) in listed {
                match index.get(id.as_str()) {
                    Some(&j) if j == i => self.report(
                        span,
                        format!("occupation \"{id}\" lists itself in `{key}`"),
                        Some(format!("remove it from its own `{key}` list")),
                    ),
                    Some(&j) => {
                        if !resolved.contains(&OccupationIdx(j)) {
                            resolved.push(OccupationIdx(j));
                        }
                    }
                    None => {
                        let near = suggestions.nearest(&id);
                        self.report(
                            span,
                            format!("{key} id \"{id}\" is not an occupation in this catalog"),
                            Some(match near {
                                Some(n) => format!("did you mean \"{n}\"?"),
                                None => "use the id of an occupation defined in this file".into(),
                            }),
                        );
                    }
                }
            }
            all_resolved.push(resolved);
        }
        all_resolved
    }

    /// A Holland code: one to three distinct letters of R I A S E C, strongest first.
    fn interests(
        &mut self,
        table: &Table,
        header: &Range<usize>,
        context: &str,
    ) -> Vec<super::Riasec> {
        let Some((text, span)) = self.text(table, "interests", false, header, context) else {
            return Vec::new();
        };
        match super::parse_interests(&text) {
            Ok(code) => code,
            Err(why) => {
                self.report(
                    span,
                    format!("the Holland code \"{text}\" of {context} is not valid: {why}"),
                    Some(
                        "write one to three of R I A S E C, strongest first, as in \"SIA\"".into(),
                    ),
                );
                Vec::new()
            }
        }
    }

    /// O*NET-SOC codes: one in quotes, or a list of them, the first the primary.
    fn codes(&mut self, table: &Table, key: &str, context: &str) -> Vec<String> {
        let Some(item) = table.get(key) else {
            return Vec::new();
        };
        let items: Vec<(String, Range<usize>)> = match &item.value {
            Value::Text(s) if !self.one_line(key, s, &item.span) => return Vec::new(),
            Value::Text(s) => vec![(sanitize(s.trim()), item.span.clone())],
            Value::List(_) => self.text_list(table, key, context),
            other => {
                self.report(
                    item.span.clone(),
                    format!(
                        "`{key}` of {context} must be a code in quotes or a list of them, not {}",
                        other.kind()
                    ),
                    Some(format!("write it as `{key} = \"29-1123.00\"`")),
                );
                return Vec::new();
            }
        };
        let mut codes = Vec::with_capacity(items.len());
        for (code, span) in items {
            if !super::is_onet(&code) {
                self.report(
                    span,
                    format!("O*NET-SOC code \"{code}\" is malformed"),
                    Some("O*NET-SOC codes look like \"29-1123.00\"".into()),
                );
            } else if codes.contains(&code) {
                self.report(
                    span,
                    format!("O*NET-SOC code \"{code}\" is listed twice"),
                    Some("remove the second one".into()),
                );
            } else {
                codes.push(code);
            }
        }
        codes
    }

    /// An O*NET Job Zone: a whole number from 1 to 5, without quotes.
    fn job_zone(&mut self, table: &Table, context: &str) -> Option<super::JobZone> {
        let item = table.get("job_zone")?;
        let help = "write a Job Zone from 1 (little or no preparation) to 5 (extensive \
                    preparation) without quotes, as in `job_zone = 4`";
        match &item.value {
            Value::Integer(number) => {
                let zone = number.parse::<u8>().ok().and_then(super::JobZone::new);
                if zone.is_none() {
                    self.report(
                        item.span.clone(),
                        format!(
                            "`job_zone` of {context} is {}, not a Job Zone from 1 to 5",
                            sanitize(number)
                        ),
                        Some(help.into()),
                    );
                }
                zone
            }
            other => {
                self.report(
                    item.span.clone(),
                    format!(
                        "`job_zone` of {context} must be a whole number from 1 to 5, not {}",
                        other.kind()
                    ),
                    Some(help.into()),
                );
                None
            }
        }
    }

    /// A `true` / `false` setting; absent is false.
    fn flag(&mut self, table: &Table, key: &str, context: &str) -> bool {
        match table.get(key).map(|i| (&i.value, &i.span)) {
            None => false,
            Some((Value::Bool(b), _)) => *b,
            Some((other, span)) => {
                self.report(
                    span.clone(),
                    format!(
                        "`{key}` of {context} must be true or false, not {}",
                        other.kind()
                    ),
                    Some(format!("write `{key} = true` without quotes")),
                );
                false
            }
        }
    }
}
