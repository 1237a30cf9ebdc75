//! Importing official occupational data into a catalog: Statistics Canada's National Occupational
//! Classification (NOC) 2021 "elements" CSV (`noc_2021_version_1.0_-_elements.csv`).
//!
//! [`import_noc`] is pure: it reads CSV from any `io::Read` and returns the catalog as TOML (plus
//! the validated [`Catalog`], counts and warnings); it never prints and never touches the file
//! system. The file is streamed one record at a time into per-unit-group lists, so it is never held
//! in memory as a whole. [`write_new_file`] writes the result for `career-clusters import noc … -o
//! FILE [--force]`, atomically and without replacing a file unless forced ([`crate::atomic`]).
//!
//! The elements file has one row per element of a class: `Level, Code - NOC 2021 V1.0, Class
//! title, Element Type Label English, Element Description English`. Level-5 rows are unit groups
//! and become occupations; their element types map to catalog fields:
//!
//! | element type | catalog field |
//! |---|---|
//! | `Illustrative example(s)`, `All examples` | `aliases` (deduplicated, ignoring case) |
//! | `Main duties` | `duties`, without the "This group performs … the following duties:" lead-in |
//! | `Employment requirements` | `education` |
//! | `Exclusion(s)` | `related`: each "(See 31202 Physiotherapists)" whose unit group is imported |
//! | a lead statement or description, if the file has one | `summary` |
//! | `Inclusion(s)`, `Additional information` | not imported |
//!
//! The `summary` is the lead statement when there is one, else the first main duty that reads as
//! a sentence, shortened to about 200 characters. Occupations are grouped into clusters by broad
//! category (first digit of the code) or by major group (first two digits). Titles of those come
//! from the file's own level-1 and level-2 rows; the published elements file has none, so broad
//! categories fall back to the fixed NOC 2021 table ([`NOC_BROAD_CATEGORIES`]) and major groups to
//! a generated name ("Major group 31 (Health occupations)"), with a warning.
//!
//! Malformed rows (too few fields, a level or code that is not a number of the right length, no
//! class title) are skipped with a [`Warning`] naming their line: one bad row in 40,000 should not
//! block an import, and the caller shows every warning. A file that is not an elements file at all
//! (its header lacks the columns), that cannot be read, or that yields no unit group is an error.
//! The catalog is made with the validating constructor [`Catalog::build`], which applies the
//! loader's rules; if it refuses, that is a bug in this module and is reported as such. The TOML
//! written is the built catalog's own ([`Catalog::to_toml`]), which loads back to an equal one.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io;
use std::path::Path;

use crate::atomic::{self, Existing, WriteError};
use crate::catalog::{
    BuildError, Catalog, CatalogDraft, ClusterDraft, MAX_FILE_BYTES, OccupationDraft,
};
use crate::text::sanitize_inline;

/// The ten broad occupational categories of NOC 2021, by first digit of the code. Used when the
/// file has no level-1 rows (the published elements file has none).
pub const NOC_BROAD_CATEGORIES: [(&str, &str); 10] = [
    ("0", "Legislative and senior management occupations"),
    ("1", "Business, finance and administration occupations"),
    ("2", "Natural and applied sciences and related occupations"),
    ("3", "Health occupations"),
    (
        "4",
        "Occupations in education, law and social, community and government services",
    ),
    ("5", "Occupations in art, culture, recreation and sport"),
    ("6", "Sales and service occupations"),
    (
        "7",
        "Trades, transport and equipment operators and related occupations",
    ),
    (
        "8",
        "Natural resources, agriculture and related production occupations",
    ),
    ("9", "Occupations in manufacturing and utilities"),
];

/// Where the licence of the data is published.
pub const STATCAN_LICENCE_URL: &str = "https://www.statcan.gc.ca/en/reference/licence";

/// The largest input read: the official elements file is about 10 MB.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;
/// Warnings kept in an [`ImportReport`]; the rest are only counted.
pub const MAX_WARNINGS: usize = 1_000;

/// The longest summary drawn from the official text, in characters (an ellipsis may follow).
const SUMMARY_MAX: usize = 200;
/// The longest occupation id, in bytes, before the title part is cut at a word boundary.
pub(crate) const ID_MAX: usize = 60;

/// How imported occupations are grouped into clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Grouping {
    /// By broad occupational category: the first digit of the code (3 = Health occupations).
    #[default]
    Broad,
    /// By major group: the first two digits of the code (31 = professional occupations in health).
    Major,
}

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Import only unit groups whose code starts with one of these (1 to 5 digits); all if empty.
    pub only: Vec<String>,
    /// How to group occupations into clusters.
    pub by: Grouping,
    /// The name of the source file, for the catalog's description (a file name, not a path).
    pub source: String,
    /// How much is read, kept and written.
    pub limits: Limits,
    /// Holland codes by unit group, from O*NET through the crosswalk (`--onet-interests`).
    pub interests: Option<crate::import_interests::NocInterests>,
}

/// The bounds of an import, so no input can make it use memory without end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest input read, in bytes; one byte more is an error.
    pub input_bytes: u64,
    /// Warnings kept in the report; the rest are only counted.
    pub warnings: usize,
    /// The largest catalog written, in bytes: the loader's own cap, so every import can be read.
    pub output_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            input_bytes: MAX_INPUT_BYTES,
            warnings: MAX_WARNINGS,
            output_bytes: MAX_FILE_BYTES,
        }
    }
}

/// A problem with the input that did not stop the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The line of the file the problem is on (1-based), when it is about one row.
    pub line: Option<u64>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Counts of what was read and what was made of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Data rows read (the header not counted).
    pub rows: u64,
    /// Rows skipped as malformed.
    pub skipped_rows: u64,
    pub clusters: usize,
    pub occupations: usize,
    /// Other names (example titles) over all occupations, after deduplication.
    pub aliases: usize,
    /// Related links resolved from exclusions.
    pub related: usize,
    /// Occupations given a Holland code from O*NET (with `Options::interests`).
    pub interests: usize,
}

/// The result of an import.
#[derive(Debug)]
pub struct ImportReport {
    /// The catalog as TOML, ready to write; it passes `career-clusters check`.
    pub toml: String,
    /// The same catalog, as loaded back from `toml`.
    pub catalog: Catalog,
    pub stats: Stats,
    /// The first [`Limits::warnings`] warnings.
    pub warnings: Vec<Warning>,
    /// How many more there were.
    pub more_warnings: u64,
}

/// Why an import failed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("could not read the input: {0}")]
    Read(#[source] io::Error),
    #[error("the input is empty: expected a NOC 2021 elements CSV file")]
    Empty,
    #[error(
        "line 1: this is not a NOC 2021 elements file: the header has no {missing} column \
         (expected `Level, Code - NOC 2021 V1.0, Class title, Element Type Label English, \
         Element Description English`; found `{found}`)"
    )]
    NotElements { missing: String, found: String },
    #[error(
        "`--only {0}`: a code prefix is 1 to 5 digits, like `3` (health) or `312` \
         (therapy and assessment)"
    )]
    BadPrefix(String),
    #[error("no unit groups (level-5 rows) {}", describe_only(.only))]
    NoUnitGroups { only: Vec<String> },
    #[error(
        "the imported catalog does not pass the checks; this is a bug in career-clusters, \
         please report it with the input file: {0}"
    )]
    Invalid(#[source] BuildError),
    #[error(
        "the catalog would be {bytes} bytes ({occupations} occupations), more than catalogs may \
         be ({limit} bytes); import fewer with --only, e.g. `--only 3`"
    )]
    TooLarge {
        bytes: u64,
        occupations: usize,
        limit: u64,
    },
    #[error("could not write the catalog as TOML: {0}")]
    Toml(#[from] toml::ser::Error),
    /// The catalog could not be written to its file (nothing was changed).
    #[error("{}{}", .0, hint(.0))]
    Write(#[from] WriteError),
}

/// What the user can do about a write error, in the words of `import`.
fn hint(e: &WriteError) -> &'static str {
    match e {
        WriteError::Exists(_) => "; use --force to replace it",
        _ => "",
    }
}

fn describe_only(only: &[String]) -> String {
    if only.is_empty() {
        "in the file".to_string()
    } else {
        format!(
            "with a code starting with {} in the file",
            only.iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }
}

/// What a row's element type feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Example,
    Duty,
    Requirement,
    Exclusion,
    Lead,
    /// Known, deliberately not imported.
    Ignored,
}

fn element(label: &str) -> Option<Element> {
    let label = label.trim().to_ascii_lowercase();
    Some(match label.as_str() {
        "illustrative example(s)" | "illustrative examples" | "all examples" => Element::Example,
        "main duties" => Element::Duty,
        "employment requirements" => Element::Requirement,
        "exclusion(s)" | "exclusions" => Element::Exclusion,
        "inclusion(s)" | "inclusions" | "additional information" => Element::Ignored,
        l if l.contains("lead statement") || l.contains("definition") || l == "description" => {
            Element::Lead
        }
        _ => return None,
    })
}

/// Everything read about one unit group.
#[derive(Debug, Default)]
struct UnitGroup {
    code: String,
    title: String,
    lead: Option<String>,
    examples: Vec<String>,
    duties: Vec<String>,
    requirements: Vec<String>,
    exclusions: Vec<String>,
}

/// Where each needed column is in the file.
struct Columns {
    level: usize,
    code: usize,
    title: usize,
    kind: usize,
    description: usize,
}

impl Columns {
    fn find(header: &[String]) -> Result<Columns, ImportError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
            .collect();
        let find = |name: &str, test: &dyn Fn(&str) -> bool| {
            names
                .iter()
                .position(|n| test(n))
                .ok_or_else(|| ImportError::NotElements {
                    missing: format!("`{name}`"),
                    found: sanitize_inline(&header.join(", ")),
                })
        };
        Ok(Columns {
            level: find("Level", &|n| n == "level")?,
            code: find("Code - NOC 2021 V1.0", &|n| n.starts_with("code"))?,
            title: find("Class title", &|n| n == "class title")?,
            kind: find("Element Type Label English", &|n| {
                n == "element type label english"
            })?,
            description: find("Element Description English", &|n| {
                n == "element description english"
            })?,
        })
    }

    fn needed(&self) -> usize {
        [
            self.level,
            self.code,
            self.title,
            self.kind,
            self.description,
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
            + 1
    }
}

/// Trims and collapses runs of white space (the official text has double spaces and trailing
/// blanks).
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A field as text: UTF-8, or else Latin-1 (every byte is a character), which the caller reports.
fn decode(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (bytes.iter().map(|&b| char::from(b)).collect(), true),
    }
}

fn validate_prefixes(only: &[String]) -> Result<Vec<String>, ImportError> {
    only.iter()
        .map(|p| {
            let p = p.trim();
            if (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) {
                Ok(p.to_string())
            } else {
                Err(ImportError::BadPrefix(sanitize_inline(p)))
            }
        })
        .collect()
}

/// Collects the rows of an elements file.
struct Collector {
    prefixes: Vec<String>,
    groups: BTreeMap<String, UnitGroup>,
    /// Titles of level-1 (one digit) and level-2 (two digit) classes, when the file has them.
    class_titles: HashMap<String, String>,
    warnings: Vec<Warning>,
    /// Warnings kept; the rest are counted in `more_warnings`.
    max_warnings: usize,
    more_warnings: u64,
    unknown_kinds: HashSet<String>,
    stats: Stats,
}

impl Collector {
    /// Keeps a warning (its quoted fields made safe to show), or counts it past
    /// `max_warnings`.
    fn warn(&mut self, line: u64, message: String) {
        if self.warnings.len() >= self.max_warnings {
            self.more_warnings += 1;
            return;
        }
        self.warnings.push(Warning {
            line: Some(line),
            message: sanitize_inline(&message),
        });
    }

    fn skip(&mut self, line: u64, why: String) {
        self.stats.skipped_rows += 1;
        self.warn(line, format!("{why}; row skipped"));
    }

    fn wanted(&self, code: &str) -> bool {
        self.prefixes.is_empty() || self.prefixes.iter().any(|p| code.starts_with(p.as_str()))
    }

    fn row(&mut self, line: u64, fields: [String; 5]) {
        let [level, code, title, kind, description] = fields;
        let level = level.trim();
        let code = code.trim();
        let title = clean(&title);
        let Ok(level @ 1..=5) = level.parse::<u8>() else {
            return self.skip(
                line,
                format!("the level \"{level}\" is not a number from 1 to 5"),
            );
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            return self.skip(line, format!("the code \"{code}\" is not a number"));
        }
        let mut code = code.to_string();
        if level == 5 && code.len() < 5 {
            // a spreadsheet drops the leading zeros of 00011; the level says how long it was
            let padded = format!("{code:0>5}");
            self.warn(
                line,
                format!(
                    "the code \"{code}\" has lost its leading zeros (was the file saved by a \
                     spreadsheet?); read as \"{padded}\""
                ),
            );
            code = padded;
        }
        if level == 5 && code.len() != 5 {
            return self.skip(
                line,
                format!("the unit group code \"{code}\" is not five digits"),
            );
        }
        if title.is_empty() {
            return self.skip(line, format!("the class {code} has no title"));
        }
        if level < 5 {
            if code.len() <= 2 {
                self.class_titles.entry(code).or_insert(title);
            }
            return;
        }
        if !self.wanted(&code) {
            return;
        }
        let Some(kind_of) = element(&kind) else {
            let kind = clean(&kind);
            if self.unknown_kinds.insert(kind.clone()) {
                self.warn(
                    line,
                    format!(
                        "element type \"{kind}\" is not one the importer knows; rows of this type \
                         are left out"
                    ),
                );
            }
            return;
        };
        let description = clean(&description);
        let group = self
            .groups
            .entry(code.clone())
            .or_insert_with(|| UnitGroup {
                code: code.clone(),
                title: title.clone(),
                ..UnitGroup::default()
            });
        let title_differs = group.title != title;
        if description.is_empty() {
            return;
        }
        match kind_of {
            Element::Example => group.examples.push(description),
            Element::Duty => group.duties.push(description),
            Element::Requirement => group.requirements.push(description),
            Element::Exclusion => group.exclusions.push(description),
            Element::Lead => {
                group.lead.get_or_insert(description);
            }
            Element::Ignored => {}
        }
        if title_differs {
            let first = group.title.clone();
            self.warn(
                line,
                format!("unit group {code} is titled \"{title}\" here but \"{first}\" before; the first title is kept"),
            );
        }
    }
}

/// Imports a NOC 2021 elements CSV into a catalog.
pub fn import_noc<R: io::Read>(reader: R, options: &Options) -> Result<ImportReport, ImportError> {
    let prefixes = validate_prefixes(&options.only)?;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(Lines::new(Capped {
            inner: reader,
            left: options.limits.input_bytes,
            limit: options.limits.input_bytes,
        }));
    let mut record = csv::ByteRecord::new();
    let read = |csv: &mut csv::Reader<Lines<Capped<R>>>, record: &mut csv::ByteRecord| {
        csv.read_byte_record(record)
            .map_err(|e| match e.into_kind() {
                csv::ErrorKind::Io(e) => ImportError::Read(e),
                other => ImportError::Read(io::Error::other(format!("{other:?}"))),
            })
    };
    if !read(&mut csv, &mut record)? {
        return Err(ImportError::Empty);
    }
    let header: Vec<String> = record.iter().map(|f| decode(f).0).collect();
    let columns = Columns::find(&header)?;
    let needed = columns.needed();

    let mut collector = Collector {
        prefixes,
        groups: BTreeMap::new(),
        class_titles: HashMap::new(),
        warnings: Vec::new(),
        max_warnings: options.limits.warnings,
        more_warnings: 0,
        unknown_kinds: HashSet::new(),
        stats: Stats::default(),
    };
    let mut latin1_lines = 0u64;
    while read(&mut csv, &mut record)? {
        let start = record.position().map_or(0, csv::Position::byte);
        let line = csv.get_mut().line_at(start);
        collector.stats.rows += 1;
        if record.len() == 1
            && record
                .get(0)
                .is_some_and(|f| f.iter().all(u8::is_ascii_whitespace))
        {
            continue; // a blank line
        }
        if record.len() < needed {
            collector.skip(
                line,
                format!(
                    "the row has {} field{}, expected {needed}",
                    record.len(),
                    if record.len() == 1 { "" } else { "s" }
                ),
            );
            continue;
        }
        let mut lossy = false;
        // Every field is made safe to show as it is read, as the catalog loader would make it:
        // the catalog goes to stdout, often a terminal, and TOML leaves C1 controls unescaped.
        let description = columns.description;
        let mut field = |i: usize| {
            let (text, was_latin1) = decode(record.get(i).unwrap_or_default());
            lossy |= was_latin1;
            if i == description {
                crate::text::sanitize(&text)
            } else {
                sanitize_inline(&text)
            }
        };
        let fields = [
            field(columns.level),
            field(columns.code),
            field(columns.title),
            field(columns.kind),
            field(columns.description),
        ];
        if lossy {
            latin1_lines += 1;
            if latin1_lines == 1 {
                collector.warn(
                    line,
                    "the text is not valid UTF-8; rows like this are read as Latin-1 (save the \
                     file as UTF-8 to be sure of accented letters)"
                        .into(),
                );
            }
        }
        collector.row(line, fields);
    }
    build(collector, options)
}

/// The input as the CSV reader sees it, with CRLF line ends made LF, and a count of lines so each
/// record can be given the line it starts on.
///
/// csv 1.x reports record lines one too low after a CRLF line end (rust-csv#395) and after skipped
/// blank lines (rust-csv#208); its byte offsets are right, so lines are counted here instead, from
/// the offsets of the line feeds. Only the line feeds not yet passed are kept.
struct Lines<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    /// A carriage return at the end of the last chunk, held until the next byte shows whether it
    /// ends a line.
    pending_cr: bool,
    /// Bytes handed to the CSV reader so far.
    offset: u64,
    /// Offsets (in the output) of line feeds not yet counted.
    newlines: std::collections::VecDeque<u64>,
    /// Line feeds before the last record start asked about.
    counted: u64,
}

impl<R: io::Read> Lines<R> {
    fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            pos: 0,
            len: 0,
            pending_cr: false,
            offset: 0,
            newlines: std::collections::VecDeque::new(),
            counted: 0,
        }
    }

    /// The line (1-based) of the record that the CSV reader says starts at `byte`. Starts must be
    /// asked for in increasing order.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = byte;
        while let Some(&newline) = self.newlines.front() {
            if newline > start {
                break;
            }
            if newline == start {
                // a blank line the reader skipped: the record starts after it
                start += 1;
            }
            self.newlines.pop_front();
            self.counted += 1;
        }
        self.counted + 1
    }
}

impl<R: io::Read> io::Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written < out.len() {
            if self.pos == self.len {
                if written > 0 {
                    break;
                }
                self.len = self.inner.read(&mut self.buf)?;
                self.pos = 0;
                if self.len == 0 {
                    if std::mem::take(&mut self.pending_cr) {
                        out[0] = b'\r';
                        self.offset += 1;
                        return Ok(1);
                    }
                    return Ok(0);
                }
            }
            let byte = self.buf[self.pos];
            if std::mem::take(&mut self.pending_cr) && byte != b'\n' {
                out[written] = b'\r';
                written += 1;
                self.offset += 1;
                continue;
            }
            self.pos += 1;
            if byte == b'\r' {
                self.pending_cr = true;
                continue;
            }
            if byte == b'\n' {
                self.newlines.push_back(self.offset);
            }
            out[written] = byte;
            written += 1;
            self.offset += 1;
        }
        Ok(written)
    }
}

/// Reads and imports a NOC 2021 elements CSV file: only a regular file ([`crate::input`]), so a
/// FIFO or a device cannot hang the import.
pub fn import_noc_file(path: &Path, options: &Options) -> Result<ImportReport, ImportError> {
    let file = crate::input::open_regular(path).map_err(|e| match e {
        crate::input::OpenError::Io(e) => ImportError::Read(e),
        other => ImportError::Read(io::Error::other(other.to_string())),
    })?;
    import_noc(io::BufReader::with_capacity(64 * 1024, file), options)
}

/// Input past [`Limits::input_bytes`] is an error, not more memory.
struct Capped<R> {
    inner: R,
    left: u64,
    limit: u64,
}

impl<R: io::Read> io::Read for Capped<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 {
            // one byte more means the input is over the limit
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(io::Error::other(format!(
                    "the input is larger than {}; an elements file is about 10 MB",
                    human_bytes(self.limit)
                ))),
            };
        }
        let n = out
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut out[..n])?;
        self.left -= read as u64;
        Ok(read)
    }
}

/// `128 MiB`, `64 KiB` or `300 bytes`.
fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Folds accented Latin letters to ASCII so ids keep them ("Collège" → "college").
pub(crate) fn ascii_fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
            'ç' => 'c',
            'Ç' => 'C',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'È' | 'É' | 'Ê' | 'Ë' => 'E',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
            'ñ' => 'n',
            'Ñ' => 'N',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'O',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
            'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// `31202-physiotherapists`: the code and the title in kebab-case, cut at a word boundary when
/// long. The code makes it unique.
pub fn occupation_id(code: &str, title: &str) -> String {
    short_id(&format!("{code} {title}"))
}

/// `text` as a kebab-case id, cut at a word boundary after [`ID_MAX`] bytes.
pub fn short_id(text: &str) -> String {
    let full = crate::catalog::kebab_case(&ascii_fold(text));
    if full.len() <= ID_MAX {
        return full;
    }
    let mut id = String::new();
    for word in full.split('-') {
        if !id.is_empty() && id.len() + 1 + word.len() > ID_MAX {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(word);
    }
    id
}

/// The main duties without the lead-in line ("This group performs some or all of the following
/// duties:").
fn duties(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter(|d| {
            let lower = d.to_lowercase();
            !(lower.starts_with("this group performs")
                || lower.trim_end_matches(':').ends_with("following duties"))
        })
        .cloned()
        .collect()
}

/// Upper-cases the first letter.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// At most [`SUMMARY_MAX`] characters of `text`: whole sentences when they fit, else cut at a word
/// boundary with an ellipsis. Ends with a full stop.
fn shorten(text: &str) -> String {
    let text = capitalized(text.trim());
    let mut out = String::new();
    for sentence in text.split_inclusive(". ") {
        if out.chars().count() + sentence.trim_end().chars().count() > SUMMARY_MAX {
            break;
        }
        out.push_str(sentence);
    }
    let mut out = out.trim_end().to_string();
    if out.is_empty() {
        for word in text.split(' ') {
            if out.chars().count() + word.chars().count() + 1 > SUMMARY_MAX {
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        let out = out.trim_end_matches([',', ';', ':', ' ']);
        return format!("{out}…");
    }
    if !out.ends_with(['.', '!', '?', '…']) {
        out = out.trim_end_matches([',', ';', ':']).to_string();
        out.push('.');
    }
    out
}

/// The summary of a unit group: its lead statement, or the first main duty that reads as a
/// sentence, or its employment requirements.
///
/// Main duties of groups with several occupations are divided by headings ("General surgeons",
/// "Physiotherapy assistants and occupational therapy assistants"): short lines without a full
/// stop. A duty counts as a sentence when it ends with a full stop or has at least eight words;
/// failing that, one of four words or more ("Repair dentures" is too short to say much).
fn summary(group: &UnitGroup, duties: &[String]) -> String {
    let words = |d: &String| d.split_whitespace().count();
    let source = group
        .lead
        .as_ref()
        .or_else(|| duties.iter().find(|d| d.ends_with('.') || words(d) >= 8))
        .or_else(|| duties.iter().find(|d| words(d) >= 4))
        .or_else(|| duties.first())
        .or_else(|| group.requirements.first());
    match source {
        Some(text) => shorten(text),
        None => format!("NOC 2021 unit group {}: {}.", group.code, group.title),
    }
}

/// Example titles in file order (illustrative ones come first in the file), without repeats or the
/// title itself, ignoring case.
fn aliases(group: &UnitGroup) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(group.title.to_lowercase());
    group
        .examples
        .iter()
        .filter(|e| seen.insert(e.to_lowercase()))
        .cloned()
        .collect()
}

/// The unit group codes named in exclusions: "Physiotherapy assistant (See 32109 Other technical
/// occupations in therapy and assessment)". Four-digit minor groups are not unit groups.
fn excluded_codes(exclusions: &[String]) -> Vec<String> {
    let mut codes = Vec::new();
    for text in exclusions {
        let lower = text.to_ascii_lowercase();
        let mut rest = lower.as_str();
        while let Some(at) = rest.find("(see ") {
            rest = &rest[at + 5..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() == 5 && !codes.contains(&digits) {
                codes.push(digits);
            }
        }
    }
    codes
}

/// The key of a code's cluster and its name.
fn cluster_of(code: &str, by: Grouping, titles: &HashMap<String, String>) -> (String, String) {
    let broad_key = &code[..1];
    let broad = titles
        .get(broad_key)
        .cloned()
        .or_else(|| {
            NOC_BROAD_CATEGORIES
                .iter()
                .find(|(k, _)| *k == broad_key)
                .map(|(_, t)| t.to_string())
        })
        .unwrap_or_else(|| format!("Broad category {broad_key}"));
    match by {
        Grouping::Broad => (broad_key.to_string(), broad),
        Grouping::Major => {
            let key = &code[..2];
            let name = titles
                .get(key)
                .cloned()
                .unwrap_or_else(|| format!("Major group {key} ({broad})"));
            (key.to_string(), name)
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn build(collector: Collector, options: &Options) -> Result<ImportReport, ImportError> {
    let Collector {
        prefixes,
        groups,
        class_titles,
        mut warnings,
        max_warnings,
        mut more_warnings,
        mut stats,
        ..
    } = collector;
    if groups.is_empty() {
        return Err(ImportError::NoUnitGroups { only: prefixes });
    }
    if options.by == Grouping::Major && !groups.keys().all(|c| class_titles.contains_key(&c[..2])) {
        // under the same cap as the warnings about rows (found by the import_noc fuzz target)
        if warnings.len() >= max_warnings {
            more_warnings += 1;
        } else {
            warnings.push(Warning {
                line: None,
                message: "the file has no level-2 rows with the titles of major groups; they are \
                      named by number, e.g. \"Major group 31 (Health occupations)\""
                    .into(),
            });
        }
    }

    // group codes into clusters, in code order
    let mut cluster_keys: BTreeMap<String, (String, Vec<&UnitGroup>)> = BTreeMap::new();
    for group in groups.values() {
        let (key, name) = cluster_of(&group.code, options.by, &class_titles);
        cluster_keys
            .entry(key)
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(group);
    }
    let ids: HashMap<&str, String> = groups
        .values()
        .map(|g| (g.code.as_str(), occupation_id(&g.code, &g.title)))
        .collect();
    let mut clusters = Vec::new();
    let mut occupation_count = 0;
    let mut cluster_ids = HashSet::new();
    for (key, (name, members)) in &cluster_keys {
        let mut id = crate::catalog::kebab_case(&ascii_fold(name));
        if !cluster_ids.insert(id.clone()) {
            id = format!("{id}-{key}");
            cluster_ids.insert(id.clone());
        }
        let level = match options.by {
            Grouping::Broad => "broad category",
            Grouping::Major => "major group",
        };
        let cluster_summary = format!(
            "NOC 2021 {level} {key}: {} imported.",
            plural(members.len(), "unit group", "unit groups")
        );
        let mut occupations = Vec::new();
        for group in members {
            let duties = duties(&group.duties);
            let aliases = aliases(group);
            let mut related: Vec<String> = Vec::new();
            for code in excluded_codes(&group.exclusions) {
                if code != group.code
                    && let Some(id) = ids.get(code.as_str())
                    && !related.contains(id)
                {
                    related.push(id.clone());
                }
            }
            stats.aliases += aliases.len();
            stats.related += related.len();
            let interests = options
                .interests
                .as_ref()
                .and_then(|i| i.code(&group.code))
                .map(crate::catalog::interest_letters)
                .unwrap_or_default();
            stats.interests += usize::from(!interests.is_empty());
            occupations.push(OccupationDraft {
                id: ids[group.code.as_str()].clone(),
                title: group.title.clone(),
                aliases,
                summary: summary(group, &duties),
                duties,
                education: group.requirements.clone(),
                related,
                interests,
                noc: Some(group.code.clone()),
                ..OccupationDraft::default()
            });
        }
        occupation_count += occupations.len();
        clusters.push(ClusterDraft {
            id,
            name: name.clone(),
            summary: cluster_summary,
            occupations,
            ..ClusterDraft::default()
        });
    }
    stats.clusters = clusters.len();
    stats.occupations = occupation_count;

    let grouping = match options.by {
        Grouping::Broad => "broad occupational category",
        Grouping::Major => "major group",
    };
    let title = if prefixes.is_empty() {
        "National Occupational Classification (NOC) 2021".to_string()
    } else {
        format!(
            "National Occupational Classification (NOC) 2021: codes {}",
            prefixes
                .iter()
                .map(|p| format!("{p}…"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let source = if options.source.is_empty() {
        "the NOC 2021 elements file".to_string()
    } else {
        format!("the file {}", options.source)
    };
    let description = format!(
        "{} of the National Occupational Classification (NOC) 2021 Version 1.0, imported from \
         {source} with career-clusters (import noc) and grouped by {grouping}. Titles, duties and \
         employment requirements are the official text; other names are its example titles; \
         related occupations are the unit groups its exclusions point to.\n\n\
         Source: Statistics Canada, National Occupational Classification (NOC) 2021 Version 1.0. \
         Adapted from Statistics Canada; this does not constitute an endorsement by Statistics \
         Canada of this product. Used under the Statistics Canada Open Licence: \
         {STATCAN_LICENCE_URL}",
        capitalized(&plural(occupation_count, "unit group", "unit groups")),
    );
    let description = if options.interests.is_some() {
        format!(
            "{description}\n\nHolland (RIASEC) codes are the weighted O*NET interest scores of \
             the O*NET occupations each unit group maps to in British Columbia's O*NET 2019 → NOC \
             2021 crosswalk (v3.0.0, Apache-2.0), where that mapping is clear. This product \
             includes information from the O*NET 29.3 Database by the U.S. Department of Labor, \
             Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 \
             license. O*NET® is a trademark of USDOL/ETA."
        )
    } else {
        description
    };
    // the validating constructor: an importer cannot make a catalog the loader would refuse
    let catalog = Catalog::build(CatalogDraft {
        title,
        description,
        clusters,
    })
    .map_err(ImportError::Invalid)?;
    let toml = catalog.to_toml()?;
    let limit = options.limits.output_bytes;
    if toml.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            bytes: toml.len() as u64,
            occupations: catalog.occupations().len(),
            limit,
        });
    }
    Ok(ImportReport {
        toml,
        catalog,
        stats,
        warnings,
        more_warnings,
    })
}

/// Writes `contents` to `path` atomically ([`atomic::write`]): a reader sees the old file or the
/// whole new one, never half of it. An existing file is refused ([`WriteError::Exists`], even when
/// it appears meanwhile) unless `force`, which replaces it in one rename.
pub fn write_new_file(path: &Path, contents: &str, force: bool) -> Result<(), ImportError> {
    let existing = if force {
        Existing::Replace
    } else {
        Existing::Refuse
    };
    atomic::write(path, contents, existing)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_code_and_title_in_kebab_case() {
        assert_eq!(
            occupation_id("31202", "Physiotherapists"),
            "31202-physiotherapists"
        );
        assert_eq!(
            occupation_id("32200", "Traditional Chinese medicine practitioners"),
            "32200-traditional-chinese-medicine-practitioners"
        );
        let long = occupation_id(
            "00013",
            "Senior managers - health, education, social and community services and membership organizations",
        );
        assert!(long.len() <= ID_MAX, "{long}");
        assert!(long.starts_with("00013-senior-managers-health"), "{long}");
        assert!(!long.ends_with('-'));
        assert_eq!(
            occupation_id("12345", "Infirmière clinicienne"),
            "12345-infirmiere-clinicienne"
        );
    }

    #[test]
    fn exclusions_name_five_digit_codes_only() {
        let codes = excluded_codes(&[
            "Director of physiotherapy (See 30010 Managers in health care)".into(),
            "Medical technologists (See 3212 Medical technologists and technicians)".into(),
            "Two (see 31201 Chiropractors) and (See 30010 Managers in health care)".into(),
        ]);
        assert_eq!(codes, vec!["30010", "31201"]);
    }

    #[test]
    fn summaries_are_short_sentences() {
        assert_eq!(
            shorten("establish treatment goals with clients based on diagnosis"),
            "Establish treatment goals with clients based on diagnosis."
        );
        let long = "word ".repeat(80);
        let s = shorten(&long);
        assert!(s.chars().count() <= SUMMARY_MAX + 1, "{s}");
        assert!(s.ends_with('…'));
        let two = "First sentence here. Second one. ".repeat(10);
        let s = shorten(&two);
        assert!(s.chars().count() <= SUMMARY_MAX, "{s}");
        assert!(s.ends_with('.'), "{s}");
    }

    #[test]
    fn lead_in_of_duties_is_dropped() {
        let d = duties(&[
            "This group performs some or all of the following duties:".into(),
            "Assess clients".into(),
        ]);
        assert_eq!(d, vec!["Assess clients"]);
    }

    /// Hands out its bytes a few at a time, so line ends fall across reads.
    struct Trickle<'a>(&'a [u8], usize);

    impl io::Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(self.0.len()).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn crlf_becomes_lf_across_reads_and_lines_are_counted() {
        use std::io::Read;
        let input = b"h\r\na\r\n\r\n\"x\r\ny\"\r\nb\rc\r";
        for chunk in 1..8 {
            let mut lines = Lines::new(Trickle(input, chunk));
            let mut out = Vec::new();
            let mut buf = [0; 3];
            loop {
                let n = lines.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&buf[..n]);
            }
            assert_eq!(out, b"h\na\n\n\"x\ny\"\nb\rc\r", "chunks of {chunk}");
        }
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(Lines::new(Trickle(b"h\r\na\r\n\r\n\"x\r\ny\"\r\nb\r\n", 2)));
        let mut record = csv::ByteRecord::new();
        let mut found = Vec::new();
        while csv.read_byte_record(&mut record).unwrap() {
            let start = record.position().unwrap().byte();
            found.push((record[0].to_vec(), csv.get_mut().line_at(start)));
        }
        let expected: Vec<(Vec<u8>, u64)> = vec![
            (b"h".to_vec(), 1),
            (b"a".to_vec(), 2),
            (b"x\ny".to_vec(), 4),
            (b"b".to_vec(), 6),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn text_is_trimmed_and_spaces_collapsed() {
        assert_eq!(
            clean("  A bachelor's degree  or  in Quebec "),
            "A bachelor's degree or in Quebec"
        );
    }
}
