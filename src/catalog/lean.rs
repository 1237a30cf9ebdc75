//! A lean reader for catalog files in the plain shape they are written in: comments,
//! `key = "text"`, `key = ["text", …]` (over several lines if need be), and the headers
//! `[[clusters]]` and `[[clusters.occupations]]`. That is all a catalog needs, and all `dump` and
//! `import` write.
//!
//! It reads the bytes once, borrowing text that has no escapes, builds no token list and no tree
//! of the whole file: each table goes to the validation (a [`Sink`]) as soon as it is complete
//! and its space is reused for the next. On a 10,000-occupation catalog (12 MB) that is several
//! times faster than toml's parser and a fraction of its memory, which is what makes big catalogs
//! start quickly.
//!
//! It never reports anything. On whatever it does not read — other TOML (numbers, inline tables,
//! multi-line strings, quoted or dotted keys, other headers), a repeated key, or anything TOML
//! forbids — it returns `None`, and the caller reads the file with toml's parser, which knows all
//! of TOML and reports errors with their places. So the lean reader only has to be right about
//! what it accepts: there it must hand over exactly the tables toml's parser would build (a
//! property test checks that on random edits of catalogs).

use std::borrow::Cow;
use std::ops::Range;

use super::doc::{Entry, Item, Sink, Table, Value};

/// Reads `text`, handing each table to `sink` as soon as it is complete. `None` means toml's
/// parser has to read the file (and whatever `sink` was given is to be thrown away).
pub(super) fn parse<'i>(text: &'i str, sink: &mut impl Sink<'i>) -> Option<()> {
    Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    }
    .document(sink)
}

struct Parser<'i> {
    text: &'i str,
    bytes: &'i [u8],
    pos: usize,
}

/// The table `key = value` lines go to, with its header.
enum Open {
    Root,
    Cluster(Range<usize>),
    Occupation(Range<usize>),
}

/// Characters TOML allows in a comment or a single-line string, besides the quote.
fn printable(b: u8) -> bool {
    b == b'\t' || (0x20..0x7f).contains(&b) || b >= 0x80
}

/// Hands over `table`, which ends where `next` begins (or at the end of the file).
fn close<'i>(sink: &mut impl Sink<'i>, open: &Open, table: &Table<'i>, next: Option<&Open>) {
    match open {
        Open::Root => {
            sink.root(table);
            if next.is_none() {
                sink.no_clusters();
            }
        }
        Open::Cluster(header) => {
            sink.cluster(table, header);
            if !matches!(next, Some(Open::Occupation(_))) {
                sink.no_occupations(header);
            }
        }
        Open::Occupation(header) => sink.occupation(table, header),
    }
}

impl<'i> Parser<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, literal: &[u8]) -> bool {
        let found = self.bytes[self.pos..].starts_with(literal);
        if found {
            self.pos += literal.len();
        }
        found
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A line break: `\n` or `\r\n`.
    fn newline(&mut self) -> Option<()> {
        (self.eat(b"\n") || self.eat(b"\r\n")).then_some(())
    }

    /// A comment, up to (not including) its line break.
    fn comment(&mut self) -> Option<()> {
        debug_assert_eq!(self.peek(), Some(b'#'));
        self.pos += 1;
        while let Some(b) = self.peek() {
            if b == b'\n' || b == b'\r' {
                break;
            }
            if !printable(b) {
                return None;
            }
            self.pos += 1;
        }
        Some(())
    }

    /// What may follow a value or a header: spaces, a comment, then a line break or the end.
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(_) => self.newline(),
        }
    }

    /// Spaces, line breaks and comments between the items of a list.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(b'\n' | b'\r') => self.newline()?,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    fn document(mut self, sink: &mut impl Sink<'i>) -> Option<()> {
        if self.text.starts_with('\u{feff}') {
            return None;
        }
        // One table at a time: its entries are handed over and cleared at the next header.
        let mut table = Table::default();
        let mut open = Open::Root;
        loop {
            self.skip_spaces();
            match self.peek() {
                None => break,
                Some(b'\n' | b'\r') => self.newline()?,
                Some(b'#') => {
                    self.comment()?;
                    self.end_of_line()?;
                }
                Some(b'[') => {
                    let start = self.pos;
                    let next = if self.eat(b"[[clusters.occupations]]") {
                        if matches!(open, Open::Root) {
                            return None;
                        }
                        Open::Occupation(start..self.pos)
                    } else if self.eat(b"[[clusters]]") {
                        Open::Cluster(start..self.pos)
                    } else {
                        return None;
                    };
                    self.end_of_line()?;
                    close(sink, &open, &table, Some(&next));
                    table.entries.clear();
                    open = next;
                }
                Some(_) => {
                    let entry = self.key_value()?;
                    match (&open, entry.key.as_ref()) {
                        // A key named like a `[[…]]` array would clash with it.
                        (Open::Root, "clusters") | (Open::Cluster(_), "occupations") => {
                            return None;
                        }
                        _ => {}
                    }
                    // A table has a dozen keys; one with many more is not a plain catalog, and
                    // checking each new key against all before it would be quadratic.
                    if table.entries.len() >= 64 || table.entries.iter().any(|e| e.key == entry.key)
                    {
                        return None;
                    }
                    table.entries.push(entry);
                    self.end_of_line()?;
                }
            }
        }
        close(sink, &open, &table, None);
        Some(())
    }

    /// `key = value` with a bare key.
    fn key_value(&mut self) -> Option<Entry<'i>> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        let key_span = start..self.pos;
        self.skip_spaces();
        if !self.eat(b"=") {
            return None;
        }
        self.skip_spaces();
        let value = self.value()?;
        Some(Entry {
            key: Cow::Borrowed(&self.text[key_span.clone()]),
            key_span,
            value,
        })
    }

    /// Text in either kind of quotes, `true` or `false`, or a list of them.
    fn value(&mut self) -> Option<Item<'i>> {
        let start = self.pos;
        let value = match self.peek()? {
            b'"' => Value::Text(self.basic_string()?),
            b'\'' => Value::Text(self.literal_string()?),
            b'[' => Value::List(self.list()?),
            b't' | b'f' => Value::Bool(self.boolean()?),
            b'0'..=b'9' => Value::Integer(self.integer()?),
            _ => return None,
        };
        Some(Item {
            value,
            span: start..self.pos,
        })
    }

    /// `true` or `false`, ending where a value ends (anything else, `trueish`, is not read).
    fn boolean(&mut self) -> Option<bool> {
        let value = if self.eat(b"true") {
            true
        } else if self.eat(b"false") {
            false
        } else {
            return None;
        };
        match self.peek() {
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'#' | b',' | b']') => Some(value),
            Some(_) => None,
        }
    }

    /// A whole number in plain decimal (`4`, `2025`), ending where a value ends. Signs, leading
    /// zeros, `_` separators, other bases, decimals, dates and numbers too long for sure to fit
    /// in 64 bits are left to toml.
    fn integer(&mut self) -> Option<String> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits = &self.text[start..self.pos];
        if digits.len() > 18 || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        match self.peek() {
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'#') => Some(digits.to_string()),
            Some(_) => None,
        }
    }

    fn list(&mut self) -> Option<Vec<Item<'i>>> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.eat(b"]") {
                return Some(items);
            }
            if !matches!(self.peek()?, b'"' | b'\'') {
                return None;
            }
            items.push(self.value()?);
            self.skip_blank()?;
            if self.eat(b"]") {
                return Some(items);
            }
            if !self.eat(b",") {
                return None;
            }
        }
    }

    /// `'…'`: no escapes, borrowed whole.
    fn literal_string(&mut self) -> Option<Cow<'i, str>> {
        if self.bytes[self.pos..].starts_with(b"'''") {
            return None;
        }
        self.pos += 1;
        let start = self.pos;
        loop {
            let b = self.peek()?;
            if b == b'\'' {
                let text = &self.text[start..self.pos];
                self.pos += 1;
                return Some(Cow::Borrowed(text));
            }
            if !printable(b) {
                return None;
            }
            self.pos += 1;
        }
    }

    /// `"…"`: borrowed when it has no escapes, decoded otherwise.
    fn basic_string(&mut self) -> Option<Cow<'i, str>> {
        if self.bytes[self.pos..].starts_with(b"\"\"\"") {
            return None;
        }
        self.pos += 1;
        let mut decoded: Option<String> = None;
        // Start of the text since the last escape.
        let mut run = self.pos;
        loop {
            let b = self.peek()?;
            match b {
                b'"' => {
                    let tail = &self.text[run..self.pos];
                    self.pos += 1;
                    return Some(match decoded {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = decoded.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    let escape = self.peek()?;
                    self.pos += 1;
                    s.push(match escape {
                        b'b' => '\u{8}',
                        b'e' => '\u{1b}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'\\' => '\\',
                        b'"' => '"',
                        b'x' => self.hex(2)?,
                        b'u' => self.hex(4)?,
                        b'U' => self.hex(8)?,
                        _ => return None,
                    });
                    run = self.pos;
                }
                _ if printable(b) => self.pos += 1,
                _ => return None,
            }
        }
    }

    /// `digits` hexadecimal digits naming a Unicode scalar value.
    fn hex(&mut self, digits: usize) -> Option<char> {
        let end = self.pos + digits;
        let hex = self.bytes.get(self.pos..end)?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        let value = u32::from_str_radix(&self.text[self.pos..end], 16).ok()?;
        self.pos = end;
        char::from_u32(value)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use toml::de::DeTable;

    use super::*;
    use crate::catalog::read::{read, read_with_toml};

    /// A small catalog with every construct the lean reader takes.
    const PLAIN: &str = "# Catalog\r\ntitle = \"Health \\\"careers\\\" \\u00e9\\t\" # why\r\n\
        description = 'Literal \\ text'\n\n[[clusters]]\nid = \"care\"\nname = \"Care\"\n\
        summary = \"Caring.\"\neducation = [\n  \"Nursing\", # most\n  'Social work',\n]\n\
        settings = [\"Clinics\"]\n\n[[clusters.occupations]]\nid = \"nurse\"\ntitle = \"Nurse\"\n\
        summary = \"Cares \\x41 \\e.\"\nrelated = [\"aide\"]\nnoc = \"31301\"\n\
        [[clusters.occupations]]\nid = \"aide\"\ntitle = \"Aide\"\nsummary = \"Helps.\"\n\
        skills = []\nonet = \"31-1131.00\"\njob_zone = 3 # medium\n";

    /// The same tree, whoever built it: entries compared by key (toml may keep them sorted),
    /// text compared exactly, with its span.
    fn same(a: &Table, b: &Table) -> bool {
        a.entries.len() == b.entries.len()
            && a.entries.iter().all(|e| {
                b.entries
                    .iter()
                    .find(|f| f.key == e.key)
                    .is_some_and(|f| same_item(&e.value, &f.value))
            })
    }

    fn same_item(a: &Item, b: &Item) -> bool {
        match (&a.value, &b.value) {
            (Value::Text(x), Value::Text(y)) => x == y && a.span == b.span,
            (Value::Bool(x), Value::Bool(y)) => x == y && a.span == b.span,
            (Value::Integer(x), Value::Integer(y)) => x == y && a.span == b.span,
            (Value::List(x), Value::List(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_item(x, y))
            }
            (Value::Table(x), Value::Table(y)) => same(x, y),
            _ => false,
        }
    }

    /// Puts the tables handed over back together into the tree of the whole file.
    #[derive(Default)]
    struct Tree<'i> {
        root: Table<'i>,
        clusters: Vec<Item<'i>>,
        occupations: Vec<Vec<Item<'i>>>,
        events: Vec<&'static str>,
    }

    impl<'i> Sink<'i> for Tree<'i> {
        fn root(&mut self, table: &Table<'i>) {
            self.root = table.clone();
            self.events.push("root");
        }
        fn no_clusters(&mut self) {
            self.events.push("no clusters");
        }
        fn cluster(&mut self, table: &Table<'i>, header: &Range<usize>) {
            self.clusters.push(Item {
                value: Value::Table(table.clone()),
                span: header.clone(),
            });
            self.occupations.push(Vec::new());
            self.events.push("cluster");
        }
        fn no_occupations(&mut self, _: &Range<usize>) {
            self.events.push("no occupations");
        }
        fn occupation(&mut self, table: &Table<'i>, header: &Range<usize>) {
            if let Some(list) = self.occupations.last_mut() {
                list.push(Item {
                    value: Value::Table(table.clone()),
                    span: header.clone(),
                });
            }
            self.events.push("occupation");
        }
    }

    fn entry<'i>(key: &'static str, items: Vec<Item<'i>>) -> Entry<'i> {
        Entry {
            key: Cow::Borrowed(key),
            key_span: 0..0,
            value: Item {
                value: Value::List(items),
                span: 0..0,
            },
        }
    }

    /// The whole tree the lean reader read, as toml would build it, and the order of hand-overs.
    fn parse_tree(text: &str) -> Option<(Table<'_>, Vec<&'static str>)> {
        let mut tree = Tree::default();
        parse(text, &mut tree)?;
        let mut root = tree.root;
        if !tree.clusters.is_empty() {
            let mut clusters = tree.clusters;
            for (cluster, occupations) in clusters.iter_mut().zip(tree.occupations) {
                if let (Value::Table(t), false) = (&mut cluster.value, occupations.is_empty()) {
                    t.entries.push(entry("occupations", occupations));
                }
            }
            root.entries.push(entry("clusters", clusters));
        }
        Some((root, tree.events))
    }

    /// Whatever the lean reader accepts, toml reads without error into the same tree, and the
    /// catalog (or the problems) are the same either way.
    fn check_agrees(text: &str) -> Result<(), TestCaseError> {
        if let Some((lean, _)) = parse_tree(text) {
            let (root, errors) = DeTable::parse_recoverable(text);
            prop_assert!(
                errors.is_empty(),
                "lean accepted what toml rejects: {errors:?}"
            );
            let full = Table::from_toml(root.into_inner());
            prop_assert!(same(&lean, &full), "trees differ:\n{lean:#?}\n{full:#?}");
        }
        prop_assert_eq!(read(text), read_with_toml(text));
        Ok(())
    }

    #[test]
    fn plain_catalogs_take_the_lean_path_and_agree() {
        for text in [PLAIN, crate::catalog::BUNDLED_TOML] {
            assert!(parse_tree(text).is_some());
            assert!(read(text).is_ok(), "{:?}", read(text));
            check_agrees(text).unwrap();
        }
        let dumped = crate::catalog::Catalog::bundled()
            .unwrap()
            .to_toml()
            .unwrap();
        assert!(parse_tree(&dumped).is_some(), "dump writes the plain shape");
    }

    /// Pieces of TOML syntax, for the edits.
    const SYNTAX: &[&str] = &[
        "\"",
        "'",
        "\\",
        "[",
        "]",
        "[[",
        "]]",
        "#",
        "\n",
        "\r",
        "\r\n",
        "=",
        ",",
        " ",
        "\t",
        "u",
        "U",
        "x",
        "e",
        "0",
        "D800",
        "\u{7}",
        "\u{7f}",
        "é",
        "{",
        "}",
        ".",
        "\"\"\"",
        "'''",
        "clusters",
        "occupations",
        "id",
        "1",
        "true",
        "\u{feff}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

        #[test]
        fn lean_and_toml_agree_on_edited_catalogs(
            base in 0..2usize,
            edits in proptest::collection::vec(
                (any::<prop::sample::Index>(), 0u8..3, prop::sample::select(SYNTAX)),
                1..5,
            )
        ) {
            let mut text = [PLAIN, crate::catalog::BUNDLED_TOML][base].to_string();
            for (at, op, piece) in edits {
                let mut i = at.index(text.len() + 1);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                let end = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                match op {
                    0 => text.insert_str(i, piece),
                    1 => text.replace_range(i..end, ""),
                    _ => text.replace_range(i..end, piece),
                }
            }
            check_agrees(&text)?;
        }
    }

    fn text<'a>(table: &'a Table, key: &str) -> &'a str {
        match &table.get(key).map(|i| &i.value) {
            Some(Value::Text(s)) => s,
            other => panic!("{key}: {other:?}"),
        }
    }

    #[test]
    fn reads_the_plain_shape() {
        let src = "# a catalog\r\ntitle = \"Health \\\"careers\\\" \\u00e9\\U0001F600\" # note\n\
                   description='C:\\path'\n\n[[clusters]]\nid = \"a\"\neducation = [\n  \"x\", # first\n  'y',\n]\n\
                   [[clusters.occupations]]\nid = \"o\"\n[[clusters.occupations]] # second\nid = \"p\"\n\
                   [[clusters]]\nid = \"b\"";
        let (root, events) = parse_tree(src).expect("plain shape");
        assert_eq!(
            events,
            [
                "root",
                "cluster",
                "occupation",
                "occupation",
                "cluster",
                "no occupations"
            ]
        );
        assert_eq!(text(&root, "title"), "Health \"careers\" é😀");
        assert_eq!(text(&root, "description"), "C:\\path");
        let Some(Value::List(clusters)) = root.get("clusters").map(|i| &i.value) else {
            panic!("no clusters")
        };
        assert_eq!(clusters.len(), 2);
        let Value::Table(first) = &clusters[0].value else {
            panic!()
        };
        assert_eq!(&src[clusters[0].span.clone()], "[[clusters]]");
        let Some(Value::List(edu)) = first.get("education").map(|i| &i.value) else {
            panic!()
        };
        assert_eq!(edu.len(), 2);
        assert_eq!(&src[edu[1].span.clone()], "'y'");
        let Some(Value::List(occs)) = first.get("occupations").map(|i| &i.value) else {
            panic!()
        };
        assert_eq!(occs.len(), 2);
        let Value::Table(second) = &clusters[1].value else {
            panic!()
        };
        assert!(second.get("occupations").is_none());
    }

    #[test]
    fn reads_plain_whole_numbers() {
        let (root, _) = parse_tree("job_zone = 4 # considerable\nyear = 0\n").expect("plain");
        assert_eq!(
            root.get("job_zone").map(|i| &i.value),
            Some(&Value::Integer("4".into()))
        );
        assert_eq!(
            root.get("year").map(|i| &i.value),
            Some(&Value::Integer("0".into()))
        );
    }

    #[test]
    fn leaves_everything_else_to_toml() {
        for src in [
            "\u{feff}title = \"x\"",
            "title = \"\"\"x\"\"\"",
            "title = '''x'''",
            "\"title\" = \"x\"",
            "a.b = \"x\"",
            "[clusters]",
            "[[ clusters ]]",
            "[[clusters.occupations]]\nid = \"x\"",
            "title = \"x\"\ntitle = \"y\"",
            "clusters = []",
            "[[clusters]]\noccupations = []",
            "title = \"x\" y",
            "title = \"a\rb\"",
            "title = \"x\"\r",
            "title = \"\\q\"",
            "title = \"\\uD800\"",
            "title = \"\\u12\"",
            "title = \"x",
            "title = [\"x\" \"y\"]",
            "title = [\"x\", 1]",
            "title = [[\"x\"]]",
            "title = [,]",
            "# bell \u{7}\n",
            "title = {a = \"x\"}",
            "job_zone = 04",
            "job_zone = +4",
            "job_zone = 1_0",
            "job_zone = 0x4",
            "job_zone = 4.0",
            "job_zone = 4e0",
            "job_zone = 1979-05-27",
            "job_zone = 9999999999999999999",
            "title \"x\"",
        ] {
            assert!(parse_tree(src).is_none(), "{src:?} should go to toml");
        }
    }
}
