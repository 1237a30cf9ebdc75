//! The catalog file as tables, lists and text, each with its byte span: what the validation in
//! `read` looks at.
//!
//! Two parsers build it. `lean` reads the plain shape catalogs are written in (and that `dump`
//! writes) in one pass over the bytes, one table at a time, and gives up on anything else;
//! toml's own parser reads everything TOML allows and finds every syntax error, and its tree is
//! converted here. Keeping one type means the rules for a valid catalog are written once.

use std::borrow::Cow;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// A table: its keys in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Table<'i> {
    pub entries: Vec<Entry<'i>>,
}

/// One `key = value` of a table.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry<'i> {
    pub key: Cow<'i, str>,
    pub key_span: Range<usize>,
    pub value: Item<'i>,
}

/// A value and where it is in the file.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item<'i> {
    pub value: Value<'i>,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value<'i> {
    Text(Cow<'i, str>),
    List(Vec<Item<'i>>),
    Table(Table<'i>),
    /// A whole number, as written in base 10 (a NOC code without quotes, say).
    Integer(String),
    Bool(bool),
    /// Any other TOML value, named for messages ("a date").
    Other(&'static str),
}

impl<'i> Table<'i> {
    /// The value of `key`, if the table has it.
    pub fn get(&self, key: &str) -> Option<&Item<'i>> {
        self.entries.iter().find(|e| e.key == key).map(|e| &e.value)
    }

    /// Converts toml's spanned tree, taking its strings rather than copying them.
    pub fn from_toml(table: DeTable<'i>) -> Table<'i> {
        Table {
            entries: table
                .into_iter()
                .map(|(key, value)| Entry {
                    key_span: key.span(),
                    key: key.into_inner(),
                    value: Item::from_toml(value),
                })
                .collect(),
        }
    }
}

impl<'i> Item<'i> {
    fn from_toml(value: toml::Spanned<DeValue<'i>>) -> Item<'i> {
        let span = value.span();
        let value = match value.into_inner() {
            DeValue::String(s) => Value::Text(s),
            DeValue::Integer(n) => Value::Integer(n.as_str().to_owned()),
            DeValue::Float(_) => Value::Other("a decimal number"),
            DeValue::Boolean(b) => Value::Bool(b),
            DeValue::Datetime(_) => Value::Other("a date"),
            DeValue::Array(items) => Value::List(items.into_iter().map(Item::from_toml).collect()),
            DeValue::Table(t) => Value::Table(Table::from_toml(t)),
        };
        Item { value, span }
    }
}

impl Value<'_> {
    /// "text", "a whole number", … for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Text(_) => "text",
            Value::Integer(_) => "a whole number",
            Value::Bool(_) => "true/false",
            Value::List(_) => "a list",
            Value::Table(_) => "a table",
            Value::Other(kind) => kind,
        }
    }
}

/// Where a parser hands the document, one table at a time, in file order (the validation in
/// `read` is one; the lean reader feeds it directly, toml's tree is walked into it): the catalog's own keys, then each cluster's
/// keys followed by its occupations. Each table is lent only for the call.
pub(super) trait Sink<'i> {
    fn root(&mut self, table: &Table<'i>);
    /// The file has no `[[clusters]]`.
    fn no_clusters(&mut self);
    /// A `[[clusters]]` table, without its occupations.
    fn cluster(&mut self, table: &Table<'i>, header: &Range<usize>);
    /// The cluster just handed over has no `[[clusters.occupations]]`.
    fn no_occupations(&mut self, header: &Range<usize>);
    /// A `[[clusters.occupations]]` table of the cluster handed over last.
    fn occupation(&mut self, table: &Table<'i>, header: &Range<usize>);
}
