//! Reading catalog text into a [`Catalog`], reporting every problem at once.
//!
//! The TOML is parsed into toml's spanned document tree (with error recovery, so several syntax
//! errors can be reported together), then walked by hand rather than through serde: serde stops at
//! the first unknown key, wrong type or missing field, and a career-centre editor fixing a file
//! wants all of them in one go. Each problem carries its byte span, turned into line and column.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::problem::{Location, Problem};
use super::{Catalog, Cluster, ClusterIdx, Occupation, OccupationIdx, nearest};
use crate::text::sanitize;

type Value<'i> = toml::Spanned<DeValue<'i>>;

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
const OCCUPATION_KEYS: &[&str] = &[
    "id",
    "title",
    "aliases",
    "summary",
    "duties",
    "education",
    "settings",
    "skills",
    "related",
    "noc",
    "onet",
];

/// Reads and validates catalog text.
pub(super) fn read(text: &str) -> Result<Catalog, Vec<Problem>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut reader = Reader {
        text,
        problems: Vec::new(),
    };
    if !errors.is_empty() {
        // What follows a syntax error is a guess of the parser's; report only what is certain.
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            reader.report(span, format!("TOML syntax: {}", e.message().trim()), None);
        }
        return Err(reader.finish());
    }
    let catalog = reader.catalog(root.get_ref());
    if reader.problems.is_empty() {
        Ok(catalog)
    } else {
        Err(reader.finish())
    }
}

/// Spans of things that must be unique, by id.
type Seen = HashMap<String, Range<usize>>;

struct Reader<'t> {
    text: &'t str,
    problems: Vec<Problem>,
}

fn get<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a Value<'i>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, v)| v)
}

/// True when a list is absent or `[]` (a value of the wrong type is reported on its own).
fn missing_or_empty(value: Option<&Value>) -> bool {
    match value.map(|v| v.get_ref()) {
        None => true,
        Some(DeValue::Array(items)) => items.is_empty(),
        Some(_) => false,
    }
}

/// "text", "a whole number", … for messages.
fn kind(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

impl Reader<'_> {
    fn report(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        self.problems
            .push(Problem::new(Location::of(self.text, span), message, help));
    }

    fn finish(mut self) -> Vec<Problem> {
        self.problems.sort_by_key(|p| (p.line, p.column));
        self.problems
    }

    /// Reports keys that are not in `allowed`, suggesting the nearest allowed one.
    fn check_keys(&mut self, table: &DeTable, allowed: &[&str], context: &str) {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            let known = allowed.join(", ");
            let help = match nearest(name, allowed.iter().copied()) {
                Some(near) => format!("did you mean `{near}`? Keys allowed in {context}: {known}"),
                None => format!("keys allowed in {context}: {known}"),
            };
            self.report(
                key.span(),
                format!("unknown key `{}` in {context}", sanitize(name)),
                Some(help),
            );
        }
    }

    /// A text field; reports a missing required one at `header` (the table's first line).
    fn text(
        &mut self,
        table: &DeTable,
        key: &str,
        required: bool,
        header: &Range<usize>,
        context: &str,
    ) -> Option<(String, Range<usize>)> {
        let Some(value) = get(table, key) else {
            // A misspelt key (`titel`) is already reported with this one as its suggestion.
            // Only asked for required keys: optional ones are often absent, and the edit
            // distances would cost every load.
            let misspelt = || {
                table.iter().any(|(k, _)| {
                    let k = k.get_ref().as_ref();
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
        match value.get_ref() {
            DeValue::String(s) => {
                let cleaned = sanitize(s.trim());
                if cleaned.is_empty() && required {
                    self.report(
                        value.span(),
                        format!("`{key}` of {context} is empty"),
                        Some(format!("give `{key}` some text")),
                    );
                    return None;
                }
                Some((cleaned, value.span()))
            }
            other => {
                self.report(
                    value.span(),
                    format!("`{key}` must be text in quotes, not {}", kind(other)),
                    Some(format!("write it as `{key} = \"…\"`")),
                );
                None
            }
        }
    }

    /// A list of text; empty items are reported, the rest kept.
    fn text_list(
        &mut self,
        table: &DeTable,
        key: &str,
        context: &str,
    ) -> Vec<(String, Range<usize>)> {
        let Some(value) = get(table, key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.report(
                value.span(),
                format!(
                    "`{key}` of {context} must be a list of text, not {}",
                    kind(value.get_ref())
                ),
                Some(format!("write it as `{key} = [\"…\", \"…\"]`")),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => {
                    let cleaned = sanitize(s.trim());
                    if cleaned.is_empty() {
                        self.report(
                            item.span(),
                            format!("an item of `{key}` is empty"),
                            Some("remove the empty item or give it some text".into()),
                        );
                    } else {
                        out.push((cleaned, item.span()));
                    }
                }
                other => self.report(
                    item.span(),
                    format!(
                        "items of `{key}` must be text in quotes, not {}",
                        kind(other)
                    ),
                    Some("put the item in double quotes".into()),
                ),
            }
        }
        out
    }

    /// An array of tables (`[[clusters]]`), each with its header span.
    fn tables<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        key: &str,
        context: &str,
        header: &str,
    ) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let Some(value) = get(table, key) else {
            return Vec::new();
        };
        let wrong = |v: &Value| {
            (
                v.span(),
                format!(
                    "`{key}` of {context} must be {header} tables, not {}",
                    kind(v.get_ref())
                ),
                Some(format!("start each one with a `{header}` line")),
            )
        };
        let DeValue::Array(items) = value.get_ref() else {
            let (span, message, help) = wrong(value);
            self.report(span, message, help);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
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
        table: &DeTable,
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
                Location::of(self.text, span),
                format!("{kind_name} id \"{id}\" is used twice"),
                Some(format!(
                    "ids must be unique; give this {kind_name} another id"
                )),
            );
            p.also = Some((
                Location::of(self.text, first.clone()),
                "first used here".into(),
            ));
            self.problems.push(p);
        } else {
            seen.insert(id.clone(), span);
        }
        id
    }

    fn code(
        &mut self,
        table: &DeTable,
        key: &str,
        header: &Range<usize>,
        valid: fn(&str) -> bool,
        example: &str,
        name: &str,
    ) -> Option<String> {
        if let Some(v) = get(table, key)
            && let DeValue::Integer(number) = v.get_ref()
        {
            self.report(
                v.span(),
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

    fn catalog(&mut self, root: &DeTable) -> Catalog {
        self.check_keys(root, CATALOG_KEYS, "the catalog");
        let start = 0..0;
        let title = self
            .text(root, "title", true, &start, "the catalog")
            .map(|t| t.0)
            .unwrap_or_default();
        let description = self
            .text(root, "description", false, &start, "the catalog")
            .map(|t| t.0)
            .unwrap_or_default();
        let raw_clusters = self.tables(root, "clusters", "the catalog", "[[clusters]]");
        if raw_clusters.is_empty() && missing_or_empty(get(root, "clusters")) {
            self.report(
                start.clone(),
                "the catalog has no clusters".into(),
                Some("add a `[[clusters]]` table with an id, a name and a summary".into()),
            );
        }

        let mut clusters = Vec::new();
        let mut occupations = Vec::new();
        let mut related_ids: Vec<Vec<(String, Range<usize>)>> = Vec::new();
        let mut cluster_ids = Seen::new();
        let mut occupation_ids = Seen::new();
        for (table, header) in raw_clusters {
            let cluster_idx = ClusterIdx(clusters.len());
            let context = format!("cluster {}", clusters.len() + 1);
            self.check_keys(table, CLUSTER_KEYS, "a cluster");
            let id = self.id(table, &header, &context, "cluster", &mut cluster_ids);
            let context = if id.is_empty() {
                context
            } else {
                format!("cluster \"{id}\"")
            };
            let name = self.text(table, "name", true, &header, &context);
            let summary = self.text(table, "summary", true, &header, &context);
            let description = self.text(table, "description", false, &header, &context);
            let education = self.text_list(table, "education", &context);
            let settings = self.text_list(table, "settings", &context);
            let raw_occupations =
                self.tables(table, "occupations", &context, "[[clusters.occupations]]");
            if raw_occupations.is_empty() && missing_or_empty(get(table, "occupations")) {
                self.report(
                    header.clone(),
                    format!("{context} has no occupations"),
                    Some("add `[[clusters.occupations]]` tables below it".into()),
                );
            }
            let mut members = Vec::new();
            for (occ, occ_header) in raw_occupations {
                let context = format!("an occupation of {context}");
                self.check_keys(occ, OCCUPATION_KEYS, "an occupation");
                let occ_id = self.id(
                    occ,
                    &occ_header,
                    &context,
                    "occupation",
                    &mut occupation_ids,
                );
                let context = if occ_id.is_empty() {
                    context
                } else {
                    format!("occupation \"{occ_id}\"")
                };
                let title = self.text(occ, "title", true, &occ_header, &context);
                let summary = self.text(occ, "summary", true, &occ_header, &context);
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
                related_ids.push(self.text_list(occ, "related", &context));
                let noc = self.code(occ, "noc", &occ_header, super::is_noc, "31202", "NOC");
                let onet = self.code(
                    occ,
                    "onet",
                    &occ_header,
                    super::is_onet,
                    "29-1123.00",
                    "O*NET-SOC",
                );
                members.push(OccupationIdx(occupations.len()));
                occupations.push(Occupation {
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
                });
            }
            clusters.push(Cluster {
                id,
                name: name.map(|t| t.0).unwrap_or_default(),
                summary: summary.map(|t| t.0).unwrap_or_default(),
                description: description.map(|t| t.0).unwrap_or_default(),
                education: education.into_iter().map(|t| t.0).collect(),
                settings: settings.into_iter().map(|t| t.0).collect(),
                occupations: members,
            });
        }
        self.resolve_related(&mut occupations, related_ids);
        Catalog {
            title,
            description,
            clusters,
            occupations,
        }
    }

    fn resolve_related(
        &mut self,
        occupations: &mut [Occupation],
        related_ids: Vec<Vec<(String, Range<usize>)>>,
    ) {
        let index: HashMap<String, usize> = occupations
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.id.is_empty())
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        for (i, related) in related_ids.into_iter().enumerate() {
            let mut resolved = Vec::new();
            for (id, span) in related {
                match index.get(&id) {
                    Some(&j) if j == i => self.report(
                        span,
                        format!("occupation \"{id}\" lists itself as related"),
                        Some("remove it from its own `related` list".into()),
                    ),
                    Some(&j) => {
                        if !resolved.contains(&OccupationIdx(j)) {
                            resolved.push(OccupationIdx(j));
                        }
                    }
                    None => {
                        let near = nearest(&id, index.keys().map(String::as_str));
                        self.report(
                            span,
                            format!("related id \"{id}\" is not an occupation in this catalog"),
                            Some(match near {
                                Some(n) => format!("did you mean \"{n}\"?"),
                                None => "use the id of an occupation defined in this file".into(),
                            }),
                        );
                    }
                }
            }
            occupations[i].related = resolved;
        }
    }
}
