//! Importing the O*NET database (the text release, e.g. O*NET 29.3) into a catalog:
//! `career-clusters import onet DIR [-o FILE] [--by cluster|pathway] [--only health|PREFIX]…
//! [--noc-crosswalk FILE] [--force]`.
//!
//! [`import_onet`] is pure: it takes the files as [`Sources`] (a name and a reader each), returns
//! the catalog as TOML with the validated [`Catalog`], counts and warnings, and never prints or
//! touches the file system. [`Sources::open_dir`] opens the files of a database directory (only
//! regular files, each read with the [`MAX_INPUT_BYTES`] cap) and [`import_onet_dir`] does both;
//! the output is written by [`crate::import::write_new_file`], atomically and never over an
//! existing file unless forced, as `import noc` does. This module must not touch the catalog
//! format itself: it builds through [`Catalog::build`], which applies the loader's rules, and
//! writes [`Catalog::to_toml`].
//!
//! ## Where each field comes from
//!
//! | catalog field | O*NET file and rule |
//! |---|---|
//! | `title`, `onet` | `Occupation Data.txt`: title and O*NET-SOC code, one occupation per row |
//! | `id` | the title in kebab-case (`registered-nurses`), cut at a word boundary after 60 bytes; on a clash the code is added (`…-29-1141-00`) |
//! | `summary` | `Occupation Data.txt`: the description, plus one sentence naming the other career clusters O*NET lists it under, if any |
//! | `aliases` | `Alternate Titles.txt`: alternate titles, then short titles (`RN`), in file order, without repeats (ignoring case) or the title itself; all are searched, the detail pane shows a few and "and N more" |
//! | `duties` | `Task Statements.txt`: `Core` tasks, then `Supplemental`, in file order, at most [`DUTIES_MAX`]; tasks O*NET has not typed count as core |
//! | `interests` | `Interests.txt`, scale `IH`: the first, second and third high-point (1–6 = R I A S E C; 0 = none) |
//! | `job_zone` | `Job Zones.txt`: 1 (little or no preparation) to 5 (extensive preparation) |
//! | `education` | `Education, Training, and Experience.txt`, scale `RL`: the category with the largest share of workers, named from `…Categories.txt` (the part before " - "), e.g. "Most often required: Bachelor's Degree (62% of workers)" |
//! | `related` | `Related Occupations.txt`, tier `Primary-Short` (O*NET's closest five), in index order, kept when the related occupation is imported too |
//! | `noc` | with `--noc-crosswalk`: the NOC 2021 unit group the crosswalk maps the code to most strongly, when that is clear (see below) |
//! | cluster | `All_Career_Clusters.csv` (see below) |
//!
//! Not imported: the `OI` interest scores (the high points are the code O*NET itself gives),
//! the other education, training and experience scales, the Primary-Long and Supplemental
//! related tiers, and `RIASEC Keywords.txt` / `Scales Reference.txt` / `Job Zone Reference.txt`
//! (the Job Zone names are the catalog's own, [`crate::catalog::JobZone`]).
//!
//! ## Clusters
//!
//! `All_Career_Clusters.csv` has one row per occupation; an occupation in several clusters or
//! pathways lists them in one row, joined by "; " in the cluster and the pathway column alike.
//! With `--by cluster` (the default) each of the 16 career clusters is a cluster; with
//! `--by pathway` each pathway is one, named by the pathway ("Therapeutic Services"; with the
//! cluster in brackets if two clusters had a pathway of the same name). **An occupation goes to
//! the first cluster (or pathway) its row names**, and its summary ends with a sentence naming
//! the others ("O*NET also lists it under …"). With `--only health` an occupation in Health
//! Science goes there even when its row names another cluster first, so the Health Science
//! import holds every Health Science occupation. Occupations in no cluster go to "Other
//! occupations". Clusters are in alphabetical order (pathways by cluster, then alphabetically),
//! "Other occupations" last; occupations within a cluster in code order.
//!
//! ## The NOC crosswalk
//!
//! British Columbia's O*NET 2019 → NOC 2021 crosswalk gives each (O*NET code, NOC unit group)
//! pair a `down_weight`. An occupation gets the unit group of its largest weight when that weight
//! is **strictly larger than the runner-up's and at least half of the code's total weight**
//! ([`NOC_MIN_SHARE`]); otherwise (a tie, as for Registered Nurses between 31300 and 31301, or a
//! spread) it gets none. The crosswalk maps NOC 32102 (paramedical occupations) only to ambulance
//! drivers, not to O*NET's emergency medical technicians and paramedics, so 32102 is never filled
//! from it ([`crate::import_interests::KNOWN_GAPS`]). A NOC code gives the occupation a TEER as
//! well as its Job Zone; both are shown.
//!
//! ## Bad input
//!
//! A missing file is an error naming its path; a header without the columns needed names the
//! columns expected; a row too short or with a value that cannot be read (a code that is not an
//! O*NET-SOC code, a Job Zone outside 1–5, a percentage that is not a number) is skipped with a
//! [`Warning`] naming the file and line, and counted in [`Stats::skipped_rows`]. Nothing is written
//! unless the whole import succeeds, and the catalog is built by the validating constructor, so
//! what is written always passes `check`.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::catalog::{
    BuildError, Catalog, CatalogDraft, ClusterDraft, MAX_FILE_BYTES, OccupationDraft, Riasec,
};
use crate::text::sanitize_inline;

/// The largest O*NET file read, in bytes (the largest, `Education, Training, and
/// Experience.txt`, is about 6 MB).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;
/// Warnings kept in an [`OnetReport`]; the rest are only counted.
pub const MAX_WARNINGS: usize = 1_000;
/// The most tasks kept as duties (core first): O*NET lists up to about 40 for an occupation, more
/// than a counsellor reads on one screen.
pub const DUTIES_MAX: usize = 12;
/// The least share of an O*NET code's crosswalk weight its strongest NOC unit group must have.
pub const NOC_MIN_SHARE: f64 = 0.5;
/// The cluster of occupations O*NET puts in no career cluster.
pub const OTHER_CLUSTER: &str = "Other occupations";
/// The O*NET release assumed when the directory has no `Read Me.txt` to say.
pub const DEFAULT_VERSION: &str = "29.3";

/// The cluster `--only health` keeps.
const HEALTH: &str = "Health Science";

/// The files of an O*NET database directory that the import reads.
pub const FILES: Files = Files {
    occupations: "Occupation Data.txt",
    alternate_titles: "Alternate Titles.txt",
    tasks: "Task Statements.txt",
    interests: "Interests.txt",
    job_zones: "Job Zones.txt",
    related: "Related Occupations.txt",
    education: "Education, Training, and Experience.txt",
    education_categories: "Education, Training, and Experience Categories.txt",
    clusters: "All_Career_Clusters.csv",
};
/// The file the release number is read from, if it is there.
pub const README: &str = "Read Me.txt";

/// One name per file the import reads.
#[derive(Debug, Clone, Copy)]
pub struct Files {
    pub occupations: &'static str,
    pub alternate_titles: &'static str,
    pub tasks: &'static str,
    pub interests: &'static str,
    pub job_zones: &'static str,
    pub related: &'static str,
    pub education: &'static str,
    pub education_categories: &'static str,
    pub clusters: &'static str,
}

impl Files {
    fn all(&self) -> [&'static str; 9] {
        [
            self.occupations,
            self.alternate_titles,
            self.tasks,
            self.interests,
            self.job_zones,
            self.related,
            self.education,
            self.education_categories,
            self.clusters,
        ]
    }
}

/// One input: its name for messages and its bytes.
pub struct Source<'a> {
    pub name: String,
    pub reader: Box<dyn Read + 'a>,
}

impl<'a> Source<'a> {
    pub fn new(name: impl Into<String>, reader: impl Read + 'a) -> Source<'a> {
        Source {
            name: name.into(),
            reader: Box::new(reader),
        }
    }
}

/// The files an import reads, each as a [`Source`]. `readme` (`Read Me.txt`) is optional: it
/// gives the release number for the attribution.
pub struct Sources<'a> {
    pub occupations: Source<'a>,
    pub alternate_titles: Source<'a>,
    pub tasks: Source<'a>,
    pub interests: Source<'a>,
    pub job_zones: Source<'a>,
    pub related: Source<'a>,
    pub education: Source<'a>,
    pub education_categories: Source<'a>,
    pub clusters: Source<'a>,
    pub readme: Option<Source<'a>>,
    /// The crosswalk CSV (`--noc-crosswalk`), if any.
    pub crosswalk: Option<Source<'a>>,
}

impl Sources<'static> {
    /// Opens the files of an O*NET database directory, and the crosswalk if given. A missing
    /// file is an error naming its path (every missing one, not only the first).
    pub fn open_dir(dir: &Path, crosswalk: Option<&Path>) -> Result<Sources<'static>, OnetError> {
        let shown = |p: &Path| sanitize_inline(&p.display().to_string());
        if !dir.is_dir() {
            return Err(OnetError::NotADirectory(shown(dir)));
        }
        let open = |path: PathBuf| -> Result<Source<'static>, OnetError> {
            let name = path
                .file_name()
                .map_or_else(|| shown(&path), |n| sanitize_inline(&n.to_string_lossy()));
            match crate::input::open_regular(&path) {
                Ok(file) => Ok(Source::new(name, io::BufReader::new(file))),
                Err(crate::input::OpenError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
                    Err(OnetError::Missing(vec![shown(&path)]))
                }
                Err(crate::input::OpenError::Io(e)) => Err(OnetError::Read {
                    file: shown(&path),
                    source: e,
                }),
                Err(other) => Err(OnetError::Read {
                    file: shown(&path),
                    source: io::Error::other(other.to_string()),
                }),
            }
        };
        let missing: Vec<String> = FILES
            .all()
            .iter()
            .map(|f| dir.join(f))
            .filter(|p| !p.exists())
            .map(|p| shown(&p))
            .collect();
        if !missing.is_empty() {
            return Err(OnetError::Missing(missing));
        }
        let readme = dir.join(README);
        Ok(Sources {
            occupations: open(dir.join(FILES.occupations))?,
            alternate_titles: open(dir.join(FILES.alternate_titles))?,
            tasks: open(dir.join(FILES.tasks))?,
            interests: open(dir.join(FILES.interests))?,
            job_zones: open(dir.join(FILES.job_zones))?,
            related: open(dir.join(FILES.related))?,
            education: open(dir.join(FILES.education))?,
            education_categories: open(dir.join(FILES.education_categories))?,
            clusters: open(dir.join(FILES.clusters))?,
            readme: if readme.is_file() {
                Some(open(readme)?)
            } else {
                None
            },
            crosswalk: crosswalk.map(|p| open(p.to_path_buf())).transpose()?,
        })
    }
}

/// How imported occupations are grouped into clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Grouping {
    /// One cluster per O*NET career cluster (16).
    #[default]
    Cluster,
    /// One cluster per career pathway (Health Science has five).
    Pathway,
}

/// What to import and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `health` (the Health Science cluster) or O*NET-SOC code prefixes such as `29-`; all
    /// occupations if empty, else those any of them keeps.
    pub only: Vec<String>,
    pub by: Grouping,
    /// Warnings kept (0 means [`MAX_WARNINGS`]).
    pub max_warnings: usize,
    /// The largest file read, in bytes (0 means [`MAX_INPUT_BYTES`]).
    pub input_bytes: u64,
}

/// A problem with the input that did not stop the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file the problem is in.
    pub file: String,
    /// The line (1-based), when it is about one row.
    pub line: Option<u64>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}: line {line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Counts of what was read and what was made of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Data rows read over all files (headers not counted).
    pub rows: u64,
    /// Rows skipped as malformed.
    pub skipped_rows: u64,
    pub clusters: usize,
    pub occupations: usize,
    /// Occupations in no O*NET career cluster ("Other occupations").
    pub unclustered: usize,
    pub aliases: usize,
    pub duties: usize,
    pub related: usize,
    /// Occupations with a Holland code, a Job Zone, an education line, a NOC code.
    pub interests: usize,
    pub job_zones: usize,
    pub education: usize,
    pub noc: usize,
}

/// The result of an import.
#[derive(Debug)]
pub struct OnetReport {
    /// The catalog as TOML; it passes `career-clusters check`.
    pub toml: String,
    pub catalog: Catalog,
    pub stats: Stats,
    pub warnings: Vec<Warning>,
    /// Warnings past the cap, counted only.
    pub more_warnings: u64,
    /// The O*NET release, from `Read Me.txt` (or [`DEFAULT_VERSION`]).
    pub version: String,
}

/// Why an import failed; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum OnetError {
    #[error(
        "{0}: not a directory; give the O*NET database directory (the one with `Occupation Data.txt`)"
    )]
    NotADirectory(String),
    #[error(
        "{}: no such file; an O*NET database directory has {}",
        .0.join(", "),
        FILES.all().map(|f| format!("`{f}`")).join(", ")
    )]
    Missing(Vec<String>),
    #[error("{file}: could not read it: {source}")]
    Read {
        file: String,
        #[source]
        source: io::Error,
    },
    #[error("{file}: larger than {limit} bytes; it is not the O*NET file expected")]
    TooLarge { file: String, limit: u64 },
    #[error("{file}: the file is empty; expected a header line with {expected}")]
    Empty { file: String, expected: String },
    #[error(
        "{file}: line 1: the header has no `{missing}` column (expected {expected}; found {found})"
    )]
    Header {
        file: String,
        missing: String,
        expected: String,
        found: String,
    },
    #[error(
        "`--only {0}`: give `health` (the Health Science cluster) or the start of an O*NET-SOC \
         code, like `29-` (healthcare practitioners) or `29-1141`"
    )]
    BadOnly(String),
    #[error("no occupations {}", describe_only(.0))]
    NoOccupations(Vec<String>),
    #[error("{0}")]
    Crosswalk(#[from] crate::import_interests::InterestsError),
    #[error(
        "the imported catalog does not pass the checks; this is a bug in career-clusters, \
         please report it: {0}"
    )]
    Invalid(#[source] BuildError),
    #[error(
        "the catalog would be {bytes} bytes, more than catalogs may be ({limit} bytes); import \
         fewer with --only"
    )]
    TooLargeOutput { bytes: u64, limit: u64 },
    #[error("could not write the catalog as TOML: {0}")]
    Toml(#[from] toml::ser::Error),
}

fn describe_only(only: &[String]) -> String {
    if only.is_empty() {
        "in the database".into()
    } else {
        format!(
            "match {}",
            only.iter()
                .map(|p| format!("`--only {p}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }
}

/// Reads and imports an O*NET database directory.
pub fn import_onet_dir(
    dir: &Path,
    crosswalk: Option<&Path>,
    options: &Options,
) -> Result<OnetReport, OnetError> {
    import_onet(Sources::open_dir(dir, crosswalk)?, options)
}

/// What `--only` keeps.
#[derive(Debug, Default)]
struct Only {
    health: bool,
    prefixes: Vec<String>,
}

impl Only {
    fn parse(only: &[String]) -> Result<Only, OnetError> {
        let mut out = Only::default();
        for raw in only {
            let p = raw.trim();
            if p.eq_ignore_ascii_case("health") {
                out.health = true;
            } else if !p.is_empty()
                && p.len() <= 10
                && p.starts_with(|c: char| c.is_ascii_digit())
                && p.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.')
            {
                out.prefixes.push(p.to_string());
            } else {
                return Err(OnetError::BadOnly(sanitize_inline(p)));
            }
        }
        Ok(out)
    }

    fn everything(&self) -> bool {
        !self.health && self.prefixes.is_empty()
    }
}

/// Collects warnings under the cap.
struct Log {
    warnings: Vec<Warning>,
    max: usize,
    more: u64,
    skipped: u64,
    rows: u64,
}

impl Log {
    fn warn(&mut self, file: &str, line: Option<u64>, message: String) {
        if self.warnings.len() >= self.max {
            self.more += 1;
            return;
        }
        self.warnings.push(Warning {
            file: file.to_string(),
            line,
            message: sanitize_inline(&message),
        });
    }

    fn skip(&mut self, file: &str, line: u64, why: String) {
        self.skipped += 1;
        self.warn(file, Some(line), format!("{why}; row skipped"));
    }
}

/// A whole input as text, read with the cap; bytes that are not UTF-8 are replaced, with a
/// warning.
fn read_text(source: Source<'_>, limit: u64, log: &mut Log) -> Result<(String, String), OnetError> {
    let Source { name, reader } = source;
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| OnetError::Read {
            file: name.clone(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(OnetError::TooLarge { file: name, limit });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            log.warn(
                &name,
                None,
                "the text is not valid UTF-8; the bytes that are not were replaced (save the \
                 file as UTF-8)"
                    .into(),
            );
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Ok((name, text))
}

/// Walks the rows of a tab-separated O*NET file, handing `row` each one's line and the fields of
/// the `wanted` columns (trimmed). Rows with too few fields are skipped with a warning.
fn each_row<const N: usize>(
    name: &str,
    text: &str,
    wanted: [&'static str; N],
    log: &mut Log,
    mut row: impl FnMut(&mut Log, u64, [&str; N]),
) -> Result<(), OnetError> {
    let expected = || {
        format!(
            "{}, tab-separated",
            wanted.map(|w| format!("`{w}`")).join(", ")
        )
    };
    let mut lines = text.lines();
    let Some(header) = lines.next().filter(|h| !h.trim().is_empty()) else {
        return Err(OnetError::Empty {
            file: name.to_string(),
            expected: expected(),
        });
    };
    let header: Vec<&str> = header
        .trim_start_matches('\u{feff}')
        .split('\t')
        .map(str::trim)
        .collect();
    let mut at = [0usize; N];
    for (slot, w) in at.iter_mut().zip(wanted) {
        *slot = header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(w))
            .ok_or_else(|| OnetError::Header {
                file: name.to_string(),
                missing: w.to_string(),
                expected: expected(),
                found: sanitize_inline(&header.join(", ")),
            })?;
    }
    let needed = at.iter().max().map_or(0, |m| m + 1);
    let mut fields: Vec<&str> = Vec::with_capacity(header.len());
    for (i, line) in lines.enumerate() {
        let number = i as u64 + 2;
        if line.trim().is_empty() {
            continue;
        }
        log.rows += 1;
        fields.clear();
        fields.extend(line.split('\t'));
        if fields.len() < needed {
            log.skip(
                name,
                number,
                format!(
                    "the row has {} field{}, expected at least {needed}",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" }
                ),
            );
            continue;
        }
        row(log, number, at.map(|a| fields[a].trim()));
    }
    Ok(())
}

/// Whether `code` looks like an O*NET-SOC code, `29-1141.00` (the catalog's own rule).
fn is_code(code: &str) -> bool {
    crate::catalog::is_onet(code)
}

/// One row of `Occupation Data.txt`.
struct Occ {
    code: String,
    title: String,
    description: String,
}

/// Tasks of one occupation by kind.
#[derive(Default)]
struct Tasks {
    core: Vec<String>,
    supplemental: Vec<String>,
}

/// Everything read, by O*NET-SOC code.
#[derive(Default)]
struct Data {
    occupations: Vec<Occ>,
    aliases: HashMap<String, Vec<String>>,
    tasks: HashMap<String, Tasks>,
    high_points: HashMap<String, [u8; 3]>,
    zones: HashMap<String, u8>,
    /// `RL` category → share of workers, per code.
    education: HashMap<String, Vec<(u8, f64)>>,
    categories: HashMap<u8, String>,
    /// Primary-Short related codes, with their index.
    related: HashMap<String, Vec<(u32, String)>>,
    /// (cluster, pathway) memberships in the file's order.
    memberships: HashMap<String, Vec<(String, String)>>,
    noc: HashMap<String, String>,
}

/// Imports an O*NET database into a catalog.
pub fn import_onet(sources: Sources<'_>, options: &Options) -> Result<OnetReport, OnetError> {
    let only = Only::parse(&options.only)?;
    let limit = if options.input_bytes == 0 {
        MAX_INPUT_BYTES
    } else {
        options.input_bytes
    };
    let mut log = Log {
        warnings: Vec::new(),
        max: if options.max_warnings == 0 {
            MAX_WARNINGS
        } else {
            options.max_warnings
        },
        more: 0,
        skipped: 0,
        rows: 0,
    };
    let Sources {
        occupations,
        alternate_titles,
        tasks,
        interests,
        job_zones,
        related,
        education,
        education_categories,
        clusters,
        readme,
        crosswalk,
    } = sources;
    let mut data = Data::default();

    let (name, text) = read_text(occupations, limit, &mut log)?;
    let mut seen = HashSet::new();
    each_row(
        &name,
        &text,
        ["O*NET-SOC Code", "Title", "Description"],
        &mut log,
        |log, line, [code, title, description]| {
            if !is_code(code) {
                return log.skip(&name, line, format!("\"{code}\" is not an O*NET-SOC code"));
            }
            if title.is_empty() {
                return log.skip(&name, line, format!("{code} has no title"));
            }
            if !seen.insert(code.to_string()) {
                return log.skip(
                    &name,
                    line,
                    format!("{code} is listed twice; the first is kept"),
                );
            }
            data.occupations.push(Occ {
                code: code.to_string(),
                title: clean(title),
                description: clean(description),
            });
        },
    )?;

    let (name, text) = read_text(alternate_titles, limit, &mut log)?;
    each_row(
        &name,
        &text,
        ["O*NET-SOC Code", "Alternate Title", "Short Title"],
        &mut log,
        |log, line, [code, alternate, short]| {
            if !is_code(code) {
                return log.skip(&name, line, format!("\"{code}\" is not an O*NET-SOC code"));
            }
            let list = data.aliases.entry(code.to_string()).or_default();
            for title in [alternate, short] {
                if !title.is_empty() {
                    list.push(clean(title));
                }
            }
        },
    )?;

    let (name, text) = read_text(tasks, limit, &mut log)?;
    each_row(
        &name,
        &text,
        ["O*NET-SOC Code", "Task", "Task Type"],
        &mut log,
        |log, line, [code, task, kind]| {
            if !is_code(code) {
                return log.skip(&name, line, format!("\"{code}\" is not an O*NET-SOC code"));
            }
            if task.is_empty() {
                return log.skip(&name, line, format!("the task of {code} is empty"));
            }
            let tasks = data.tasks.entry(code.to_string()).or_default();
            if kind.eq_ignore_ascii_case("supplemental") {
                tasks.supplemental.push(clean(task));
            } else {
                tasks.core.push(clean(task));
            }
        },
    )?;

    let (name, text) = read_text(interests, limit, &mut log)?;
    each_row(
        &name,
        &text,
        ["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"],
        &mut log,
        |log, line, [code, element, scale, value]| {
            if scale != "IH" {
                return;
            }
            let slot = match element {
                "First Interest High-Point" => 0,
                "Second Interest High-Point" => 1,
                "Third Interest High-Point" => 2,
                _ => return,
            };
            if !is_code(code) {
                return log.skip(&name, line, format!("\"{code}\" is not an O*NET-SOC code"));
            }
            match value.parse::<f64>() {
                Ok(v) if (0.0..=6.0).contains(&v) && v.fract() == 0.0 => {
                    data.high_points.entry(code.to_string()).or_default()[slot] = v as u8;
                }
                _ => log.skip(
                    &name,
                    line,
                    format!("the high point \"{value}\" is not a number from 0 to 6"),
                ),
            }
        },
    )?;

    let (name, text) = read_text(job_zones, limit, &mut log)?;
    each_row(
        &name,
        &text,
        ["O*NET-SOC Code", "Job Zone"],
        &mut log,
        |log, line, [code, zone]| {
            if !is_code(code) {
                return log.skip(&name, line, format!("\"{code}\" is not an O*NET-SOC code"));
            }
            match zone.parse::<u8>() {
                Ok(z @ 1..=5) => {
                    data.zones.insert(code.to_string(), z);
                }
                _ => log.skip(
                    &name,
                    line,
                    format!("the Job Zone \"{zone}\" is not a number from 1 to 5"),
                ),
            }
        },
    )?;

    let (name, text) = read_text(education_categories, limit, &mut log)?;
    each_row(
        &name,
        &text,
        ["Scale ID", "Category", "Category Description"],
        &mut log,
        |log, line, [scale, category, description]| {
            if scale != "RL" {
                return;
            }
            match category.parse::<u8>() {
                Ok(c) if !description.is_empty() => {
                    // "High School Diploma - or the equivalent (for example, GED)": the name is
                    // the part before the explanation
                    let short = description.split(" - ").next().unwrap_or(description);
                    data.categories.insert(c, clean(short));
                }
                _ => log.skip(
                    &name,
                    line,
                    format!("the category \"{category}\" is not a number with a description"),
                ),
            }
        },
    )?;

    let (name, text) = read_text(education, limit, &mut log)?;
    each_row(
        &name,
        &text,
        ["O*NET-SOC Code", "Scale ID", "Category", "Data Value"],
        &mut log,
        |log, line, [code, scale, category, value]| {
            if scale != "RL" {
                return;
            }
            if !is_code(code) {
                return log.skip(&name, line, format!("\"{code}\" is not an O*NET-SOC code"));
            }
            match (category.parse::<u8>(), value.parse::<f64>()) {
                (Ok(c), Ok(v)) if (0.0..=100.0).contains(&v) => {
                    data.education
                        .entry(code.to_string())
                        .or_default()
                        .push((c, v));
                }
                _ => log.skip(
                    &name,
                    line,
                    format!(
                        "category \"{category}\" with \"{value}\" is not a category and a \
                         percentage"
                    ),
                ),
            }
        },
    )?;

    let (name, text) = read_text(related, limit, &mut log)?;
    each_row(
        &name,
        &text,
        [
            "O*NET-SOC Code",
            "Related O*NET-SOC Code",
            "Relatedness Tier",
            "Index",
        ],
        &mut log,
        |log, line, [code, other, tier, index]| {
            if tier != "Primary-Short" {
                return;
            }
            match index.parse::<u32>() {
                Ok(i) if is_code(code) && is_code(other) => data
                    .related
                    .entry(code.to_string())
                    .or_default()
                    .push((i, other.to_string())),
                _ => log.skip(
                    &name,
                    line,
                    "the codes or the index cannot be read".to_string(),
                ),
            }
        },
    )?;

    let (name, text) = read_text(clusters, limit, &mut log)?;
    read_clusters(&name, &text, &mut log, &mut data.memberships)?;

    let version = match readme {
        Some(readme) => {
            let (_, text) = read_text(readme, limit, &mut log)?;
            release(&text).unwrap_or_else(|| DEFAULT_VERSION.to_string())
        }
        None => {
            log.warn(
                README,
                None,
                format!(
                    "not found; the catalog's attribution names O*NET {DEFAULT_VERSION}, the \
                     release this importer was made for"
                ),
            );
            DEFAULT_VERSION.to_string()
        }
    };

    if let Some(crosswalk) = crosswalk {
        let (name, text) = read_text(crosswalk, limit, &mut log)?;
        let rows = crate::import_interests::read_crosswalk(&text, &name, &mut |line, why| {
            log.skipped += 1;
            log.warn(&name, Some(line), why.to_string());
        })?;
        data.noc = strongest_noc(rows);
    }

    build(data, &only, options.by, &version, log)
}

/// "O*NET 29.3 Database" on the first line of `Read Me.txt` → "29.3".
fn release(readme: &str) -> Option<String> {
    let first = readme.lines().next()?.trim();
    let rest = first.strip_prefix("O*NET ")?;
    let version = rest.split_whitespace().next()?;
    (!version.is_empty() && version.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .then(|| version.to_string())
}

/// The career clusters CSV: `career_cluster, Career Pathway, Code, Occupation`, several
/// clusters and pathways of one occupation joined by "; ".
fn read_clusters(
    name: &str,
    text: &str,
    log: &mut Log,
    out: &mut HashMap<String, Vec<(String, String)>>,
) -> Result<(), OnetError> {
    const EXPECTED: &str = "`career_cluster`, `Career Pathway`, `Code`, comma-separated";
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            return Err(OnetError::Read {
                file: name.to_string(),
                source: io::Error::other(e.to_string()),
            });
        }
        None => {
            return Err(OnetError::Empty {
                file: name.to_string(),
                expected: EXPECTED.into(),
            });
        }
    };
    let names: Vec<String> = header
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect();
    let find = |wanted: &str| {
        names
            .iter()
            .position(|n| n == &wanted.to_ascii_lowercase())
            .ok_or_else(|| OnetError::Header {
                file: name.to_string(),
                missing: wanted.to_string(),
                expected: EXPECTED.into(),
                found: sanitize_inline(&header.iter().collect::<Vec<_>>().join(", ")),
            })
    };
    let (cluster_at, pathway_at, code_at) = (
        find("career_cluster")?,
        find("Career Pathway")?,
        find("Code")?,
    );
    for record in records {
        log.rows += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                log.skip(name, line, "the row cannot be read as CSV".into());
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| record.get(i).map(str::trim).unwrap_or_default();
        let (clusters, pathways, code) = (field(cluster_at), field(pathway_at), field(code_at));
        if !is_code(code) {
            log.skip(name, line, format!("\"{code}\" is not an O*NET-SOC code"));
            continue;
        }
        let clusters: Vec<&str> = clusters.split(';').map(str::trim).collect();
        let pathways: Vec<&str> = pathways.split(';').map(str::trim).collect();
        if clusters.len() != pathways.len() || clusters.iter().any(|c| c.is_empty()) {
            log.skip(
                name,
                line,
                format!(
                    "{code} has {} cluster{} but {} pathway{}",
                    clusters.len(),
                    if clusters.len() == 1 { "" } else { "s" },
                    pathways.len(),
                    if pathways.len() == 1 { "" } else { "s" }
                ),
            );
            continue;
        }
        let list = out.entry(code.to_string()).or_default();
        for (c, p) in clusters.into_iter().zip(pathways) {
            let pair = (clean(c), clean(p));
            if !list.contains(&pair) {
                list.push(pair);
            }
        }
    }
    Ok(())
}

/// The NOC unit group of each O*NET code where the crosswalk is clear: the largest weight,
/// strictly larger than the runner-up and at least [`NOC_MIN_SHARE`] of the code's total, and
/// never a unit group the crosswalk is known to map wrongly.
fn strongest_noc(rows: Vec<crate::import_interests::CrosswalkRow>) -> HashMap<String, String> {
    let mut by_onet: HashMap<String, Vec<(String, f64)>> = HashMap::new();
    for row in rows {
        by_onet
            .entry(row.onet)
            .or_default()
            .push((row.noc, row.weight));
    }
    let mut out = HashMap::new();
    for (onet, mut nocs) in by_onet {
        let total: f64 = nocs.iter().map(|(_, w)| w).sum();
        nocs.sort_by(|a, b| b.1.total_cmp(&a.1));
        let Some((best, weight)) = nocs.first() else {
            continue;
        };
        let runner_up = nocs.get(1).map_or(0.0, |n| n.1);
        let clear = total > 0.0 && *weight > runner_up && *weight >= NOC_MIN_SHARE * total;
        if clear
            && best.len() == 5
            && best.bytes().all(|b| b.is_ascii_digit())
            && !crate::import_interests::KNOWN_GAPS.contains(&best.as_str())
        {
            out.insert(onet, best.clone());
        }
    }
    out
}

/// Trims and collapses runs of white space.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id of a title: kebab-case, cut at a word boundary after [`crate::import::ID_MAX`] bytes (the NOC
/// importer's rule).
fn title_id(title: &str) -> String {
    crate::import::short_id(title)
}

/// Ids for every occupation, unique: the title's, or on a clash with the code added, or a
/// counter after that.
fn ids(occupations: &[&Occ]) -> HashMap<String, String> {
    let mut taken = HashSet::new();
    let mut out = HashMap::new();
    for o in occupations {
        let mut id = title_id(&o.title);
        if id.is_empty() {
            id = crate::catalog::kebab_case(&o.code);
        }
        if !taken.insert(id.clone()) {
            id = format!("{id}-{}", crate::catalog::kebab_case(&o.code));
            let base = id.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
        }
        out.insert(o.code.clone(), id);
    }
    out
}

/// Aliases without repeats (ignoring case) or the title itself.
fn aliases(title: &str, names: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    seen.insert(title.to_lowercase());
    names
        .iter()
        .filter(|n| seen.insert(n.to_lowercase()))
        .cloned()
        .collect()
}

/// The Holland code of the IH high points, strongest first: 1–6 = R I A S E C, 0 none.
fn holland(points: [u8; 3]) -> String {
    let mut code = String::new();
    for p in points {
        if let Some(t) = (1..=6)
            .contains(&p)
            .then(|| Riasec::ALL[usize::from(p - 1)])
            && !code.contains(t.letter())
        {
            code.push(t.letter());
        }
    }
    code
}

/// "Most often required: Bachelor's Degree (62% of workers)", from the `RL` category with the
/// largest share (the lower category on a tie).
fn education_line(shares: &[(u8, f64)], categories: &HashMap<u8, String>) -> Option<String> {
    let (category, share) = shares.iter().filter(|(_, v)| *v > 0.0).fold(
        None::<(u8, f64)>,
        |best, &(c, v)| match best {
            Some((bc, bv)) if bv > v || (bv == v && bc < c) => Some((bc, bv)),
            _ => Some((c, v)),
        },
    )?;
    let name = categories
        .get(&category)
        .cloned()
        .unwrap_or_else(|| format!("education category {category}"));
    Some(format!(
        "Most often required: {name} ({share:.0}% of workers)"
    ))
}

fn build(
    mut data: Data,
    only: &Only,
    by: Grouping,
    version: &str,
    log: Log,
) -> Result<OnetReport, OnetError> {
    let Log {
        warnings,
        more: more_warnings,
        skipped,
        rows,
        ..
    } = log;
    let in_health = |code: &str, m: &HashMap<String, Vec<(String, String)>>| {
        m.get(code)
            .is_some_and(|l| l.iter().any(|(c, _)| c == HEALTH))
    };
    let kept: Vec<&Occ> = data
        .occupations
        .iter()
        .filter(|o| {
            only.everything()
                || (only.health && in_health(&o.code, &data.memberships))
                || only.prefixes.iter().any(|p| o.code.starts_with(p.as_str()))
        })
        .collect();
    if kept.is_empty() {
        let mut named = Vec::new();
        if only.health {
            named.push("health".to_string());
        }
        named.extend(only.prefixes.iter().cloned());
        return Err(OnetError::NoOccupations(named));
    }
    let ids = ids(&kept);

    // each occupation's place, and the places it is also listed under
    struct Placed<'a> {
        occ: &'a Occ,
        cluster: Option<(String, String)>,
        also: Vec<String>,
    }
    let mut placed: Vec<Placed> = Vec::with_capacity(kept.len());
    for occ in &kept {
        let list = data
            .memberships
            .get(&occ.code)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let first = if only.health {
            list.iter().position(|(c, _)| c == HEALTH).unwrap_or(0)
        } else {
            0
        };
        let cluster = list.get(first).cloned();
        let mut also: Vec<String> = Vec::new();
        for (i, (c, p)) in list.iter().enumerate() {
            if i == first {
                continue;
            }
            let label = match by {
                Grouping::Cluster => {
                    if cluster.as_ref().is_some_and(|(fc, _)| fc == c) {
                        continue;
                    }
                    c.clone()
                }
                Grouping::Pathway => format!("{c}: {p}"),
            };
            if !also.contains(&label) {
                also.push(label);
            }
        }
        placed.push(Placed { occ, cluster, also });
    }

    // cluster keys: (cluster, pathway) sorted, "Other occupations" last
    let key = |p: &Placed| -> Option<(String, String)> {
        p.cluster.as_ref().map(|(c, pw)| match by {
            Grouping::Cluster => (c.clone(), String::new()),
            Grouping::Pathway => (c.clone(), pw.clone()),
        })
    };
    let mut keys: Vec<Option<(String, String)>> = placed.iter().map(key).collect();
    keys.sort();
    keys.dedup();
    // None sorts first: move it to the end
    if keys.first().is_some_and(Option::is_none) {
        keys.remove(0);
        keys.push(None);
    }
    // pathway names that more than one cluster uses are told apart by their cluster
    let mut pathway_clusters: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (c, p) in keys.iter().flatten() {
        pathway_clusters.entry(p.as_str()).or_default().insert(c);
    }

    let mut stats = Stats::default();
    let mut clusters = Vec::with_capacity(keys.len());
    let mut cluster_ids = HashSet::new();
    for k in &keys {
        let members: Vec<&Placed> = placed.iter().filter(|p| &key(p) == k).collect();
        let (name, summary) = match k {
            None => (
                OTHER_CLUSTER.to_string(),
                format!(
                    "Occupations O*NET puts in no career cluster: {}.",
                    plural(members.len(), "occupation", "occupations")
                ),
            ),
            Some((c, _)) if by == Grouping::Cluster => (
                c.clone(),
                format!(
                    "The O*NET career cluster {c}: {}.",
                    plural(members.len(), "occupation", "occupations")
                ),
            ),
            Some((c, p)) => (
                if pathway_clusters
                    .get(p.as_str())
                    .is_some_and(|s| s.len() > 1)
                {
                    format!("{p} ({c})")
                } else {
                    p.clone()
                },
                format!(
                    "A pathway of the O*NET career cluster {c}: {}.",
                    plural(members.len(), "occupation", "occupations")
                ),
            ),
        };
        let mut id = crate::catalog::kebab_case(&crate::import::ascii_fold(&name));
        if id.is_empty() {
            id = "cluster".into();
        }
        let base = id.clone();
        let mut n = 2;
        while !cluster_ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let mut occupations = Vec::with_capacity(members.len());
        for p in members {
            let occ = p.occ;
            let code = occ.code.as_str();
            let aliases = aliases(
                &occ.title,
                data.aliases
                    .get(code)
                    .map(Vec::as_slice)
                    .unwrap_or_default(),
            );
            let duties: Vec<String> = data
                .tasks
                .remove(code)
                .map(|t| {
                    t.core
                        .into_iter()
                        .chain(t.supplemental)
                        .take(DUTIES_MAX)
                        .collect()
                })
                .unwrap_or_default();
            let interests = data
                .high_points
                .get(code)
                .map(|&p| holland(p))
                .unwrap_or_default();
            let job_zone = data.zones.get(code).copied();
            let education: Vec<String> = data
                .education
                .get(code)
                .and_then(|s| education_line(s, &data.categories))
                .into_iter()
                .collect();
            let mut related_codes = data.related.remove(code).unwrap_or_default();
            related_codes.sort_by_key(|(i, _)| *i);
            let mut related: Vec<String> = Vec::new();
            for (_, other) in related_codes {
                if other != code
                    && let Some(id) = ids.get(&other)
                    && !related.contains(id)
                {
                    related.push(id.clone());
                }
            }
            let noc = data.noc.get(code).cloned();
            let mut summary = if occ.description.is_empty() {
                format!("O*NET-SOC occupation {code}: {}.", occ.title)
            } else {
                occ.description.clone()
            };
            if !p.also.is_empty() {
                summary.push_str(&format!(
                    " O*NET also lists it under {}.",
                    p.also.join("; ")
                ));
            }
            stats.aliases += aliases.len();
            stats.duties += duties.len();
            stats.related += related.len();
            stats.interests += usize::from(!interests.is_empty());
            stats.job_zones += usize::from(job_zone.is_some());
            stats.education += usize::from(!education.is_empty());
            stats.noc += usize::from(noc.is_some());
            stats.unclustered += usize::from(k.is_none());
            occupations.push(OccupationDraft {
                id: ids[code].clone(),
                title: occ.title.clone(),
                aliases,
                summary,
                duties,
                education,
                related,
                interests,
                noc,
                onet: vec![occ.code.clone()],
                job_zone,
                ..OccupationDraft::default()
            });
        }
        stats.occupations += occupations.len();
        clusters.push(ClusterDraft {
            id,
            name,
            summary,
            occupations,
            ..ClusterDraft::default()
        });
    }
    stats.clusters = clusters.len();
    stats.rows = rows;
    stats.skipped_rows = skipped;

    let title = if only.everything() {
        format!("O*NET {version} occupations")
    } else {
        let mut parts = Vec::new();
        if only.health {
            parts.push(HEALTH.to_string());
        }
        parts.extend(only.prefixes.iter().map(|p| format!("codes {p}…")));
        format!("O*NET {version} occupations: {}", parts.join(", "))
    };
    let grouping = match by {
        Grouping::Cluster => "career cluster",
        Grouping::Pathway => "career pathway",
    };
    let description = format!(
        "{} of the O*NET {version} database, imported with career-clusters (import onet) and \
         grouped by O*NET {grouping}. Titles, descriptions and tasks are O*NET's; other names are \
         its alternate and short titles; interests are its high-point Holland codes; preparation \
         is its Job Zone; education is the level most workers report; related occupations are \
         its closest related occupations that were imported.\n\n\
         This product includes information from the O*NET {version} Database by the U.S. \
         Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the \
         CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.",
        capitalized(&plural(stats.occupations, "occupation", "occupations")),
    );
    let description = if stats.noc > 0 {
        format!(
            "{description}\n\nNOC 2021 codes come from British Columbia's O*NET 2019 → NOC 2021 \
             crosswalk (Apache-2.0), where one unit group clearly carries most of the weight."
        )
    } else {
        description
    };
    let catalog = Catalog::build(CatalogDraft {
        title,
        description,
        clusters,
    })
    .map_err(OnetError::Invalid)?;
    let toml = catalog.to_toml()?;
    if toml.len() as u64 > MAX_FILE_BYTES {
        return Err(OnetError::TooLargeOutput {
            bytes: toml.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(OnetReport {
        toml,
        catalog,
        stats,
        warnings,
        more_warnings,
        version: version.to_string(),
    })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_points_become_a_holland_code() {
        assert_eq!(holland([4, 2, 1]), "SIR");
        assert_eq!(holland([5, 6, 0]), "EC");
        assert_eq!(holland([0, 0, 0]), "");
        assert_eq!(
            holland([3, 3, 7]),
            "A",
            "repeats and out-of-range points are dropped"
        );
    }

    #[test]
    fn ids_come_from_titles_and_stay_unique() {
        let a = Occ {
            code: "29-1141.00".into(),
            title: "Registered Nurses".into(),
            description: String::new(),
        };
        let b = Occ {
            code: "29-1141.99".into(),
            title: "Registered nurses".into(),
            description: String::new(),
        };
        let ids = ids(&[&a, &b]);
        assert_eq!(ids["29-1141.00"], "registered-nurses");
        assert_eq!(ids["29-1141.99"], "registered-nurses-29-1141-99");
        let long = title_id(
            "First-Line Supervisors of Landscaping, Lawn Service, and Groundskeeping Workers",
        );
        assert!(
            long.len() <= crate::import::ID_MAX && !long.ends_with('-'),
            "{long}"
        );
        assert_eq!(title_id("Médecins"), "medecins");
    }

    #[test]
    fn aliases_drop_repeats_and_the_title_ignoring_case() {
        let names: Vec<String> = [
            "RN",
            "Registered Nurses",
            "Staff Nurse",
            "staff nurse",
            "RN",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(aliases("Registered Nurses", &names), ["RN", "Staff Nurse"]);
    }

    #[test]
    fn education_is_the_largest_share_in_its_category_name() {
        let categories: HashMap<u8, String> = [
            (3, "Post-Secondary Certificate".into()),
            (6, "Bachelor's Degree".into()),
        ]
        .into();
        assert_eq!(
            education_line(&[(3, 20.0), (6, 61.6), (8, 18.4)], &categories).as_deref(),
            Some("Most often required: Bachelor's Degree (62% of workers)")
        );
        assert_eq!(
            education_line(&[(3, 40.0), (6, 40.0)], &categories).as_deref(),
            Some("Most often required: Post-Secondary Certificate (40% of workers)"),
            "a tie goes to the lower level"
        );
        assert_eq!(education_line(&[(3, 0.0)], &categories), None);
    }

    #[test]
    fn the_crosswalk_fills_only_a_clear_strongest_unit_group() {
        use crate::import_interests::CrosswalkRow;
        let row = |onet: &str, noc: &str, weight: f64| CrosswalkRow {
            onet: onet.into(),
            noc: noc.into(),
            weight,
        };
        let found = strongest_noc(vec![
            row("11-9111.00", "00018", 0.04),
            row("11-9111.00", "10019", 0.53),
            row("11-9111.00", "30010", 1.0),
            row("29-1141.00", "31300", 0.2),
            row("29-1141.00", "31301", 0.2),
            row("53-3011.00", "32102", 1.0),
            row("13-0000.00", "11102", 0.3),
            row("13-0000.00", "11109", 0.2),
            row("13-0000.00", "11103", 0.2),
        ]);
        assert_eq!(found.get("11-9111.00").map(String::as_str), Some("30010"));
        assert_eq!(found.get("29-1141.00"), None, "a tie is not clear");
        assert_eq!(found.get("53-3011.00"), None, "the paramedic gap");
        assert_eq!(found.get("13-0000.00"), None, "under half the weight");
    }

    #[test]
    fn only_takes_health_or_code_prefixes() {
        let only = Only::parse(&["Health".into(), "29-".into(), "31-1131".into()]).unwrap();
        assert!(only.health);
        assert_eq!(only.prefixes, ["29-", "31-1131"]);
        for bad in ["nursing", "", "-29", "29-1141.00x"] {
            assert!(
                matches!(Only::parse(&[bad.into()]), Err(OnetError::BadOnly(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_release_comes_from_the_read_me() {
        assert_eq!(
            release("O*NET 29.3 Database\nMay 2025 Release\n").as_deref(),
            Some("29.3")
        );
        assert_eq!(release("Something else"), None);
    }

    fn sources<'a>(files: &'a [(&str, &'a str)]) -> Sources<'a> {
        let get = |name: &str| {
            let text = files
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, t)| *t);
            Source::new(name, text.as_bytes())
        };
        Sources {
            occupations: get(FILES.occupations),
            alternate_titles: get(FILES.alternate_titles),
            tasks: get(FILES.tasks),
            interests: get(FILES.interests),
            job_zones: get(FILES.job_zones),
            related: get(FILES.related),
            education: get(FILES.education),
            education_categories: get(FILES.education_categories),
            clusters: get(FILES.clusters),
            readme: Some(get(README)),
            crosswalk: None,
        }
    }

    const OCCUPATIONS: &str = "O*NET-SOC Code\tTitle\tDescription\n\
        29-1141.00\tRegistered Nurses\tCare for patients.\n\
        29-2043.00\tParamedics\tRespond to emergencies.\n\
        bad\tBroken\tx\n\
        47-2111.00\tElectricians\tInstall wiring.\n";

    fn minimal() -> Vec<(&'static str, &'static str)> {
        vec![
            (FILES.occupations, OCCUPATIONS),
            (
                FILES.alternate_titles,
                "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n\
                 29-1141.00\tRegistered Nurses\tStaff Nurse\tRN\t08\n",
            ),
            (
                FILES.tasks,
                "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\n\
                 29-1141.00\tRegistered Nurses\t1\tChart care.\tSupplemental\n\
                 29-1141.00\tRegistered Nurses\t2\tGive medicine.\tCore\n\
                 29-1141.00\tRegistered Nurses\t3\n",
            ),
            (
                FILES.interests,
                "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\n\
                 29-1141.00\tRegistered Nurses\t1.B.1.g\tFirst Interest High-Point\tIH\tx\t4.0\n\
                 29-1141.00\tRegistered Nurses\t1.B.1.h\tSecond Interest High-Point\tIH\tx\t2.0\n\
                 29-1141.00\tRegistered Nurses\t1.B.1.i\tThird Interest High-Point\tIH\tx\tlots\n",
            ),
            (
                FILES.job_zones,
                "O*NET-SOC Code\tTitle\tJob Zone\n29-1141.00\tRegistered Nurses\t3\n\
                 29-2043.00\tParamedics\t9\n",
            ),
            (
                FILES.related,
                "O*NET-SOC Code\tTitle\tRelated O*NET-SOC Code\tRelated Title\tRelatedness Tier\tIndex\n\
                 29-1141.00\tRegistered Nurses\t99-9999.00\tNobody\tPrimary-Short\t1\n\
                 29-1141.00\tRegistered Nurses\t29-2043.00\tParamedics\tPrimary-Short\t3\n\
                 29-1141.00\tRegistered Nurses\t29-1141.00\tRegistered Nurses\tPrimary-Short\t2\n\
                 29-1141.00\tRegistered Nurses\t47-2111.00\tElectricians\tPrimary-Long\t6\n",
            ),
            (
                FILES.education,
                "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tCategory\tData Value\n\
                 29-1141.00\tRegistered Nurses\t2.D.1\tx\tRL\tx\t5\t40\n\
                 29-1141.00\tRegistered Nurses\t2.D.1\tx\tRL\tx\t6\t55\n",
            ),
            (
                FILES.education_categories,
                "Element ID\tElement Name\tScale ID\tScale Name\tCategory\tCategory Description\n\
                 2.D.1\tx\tRL\tx\t6\tBachelor's Degree\n",
            ),
            (
                FILES.clusters,
                "career_cluster,Career Pathway,Code,Occupation\n\
                 Health Science,Therapeutic Services,29-1141.00,Registered Nurses\n\
                 \"Law, Public Safety, Corrections & Security; Health Science\",Emergency and Fire Management Services; Therapeutic Services,29-2043.00,Paramedics\n",
            ),
            (README, "O*NET 29.3 Database\n"),
        ]
    }

    #[test]
    fn a_small_database_imports_with_every_field_and_its_warnings() {
        let files = minimal();
        let report = import_onet(sources(&files), &Options::default()).expect("imports");
        let c = &report.catalog;
        let names: Vec<&str> = c.clusters().iter().map(|c| c.name()).collect();
        assert_eq!(
            names,
            [
                "Health Science",
                "Law, Public Safety, Corrections & Security",
                OTHER_CLUSTER
            ]
        );
        let rn = c.occupation(c.occupation_by_id("registered-nurses").expect("rn"));
        assert_eq!(rn.aliases(), ["Staff Nurse", "RN"]);
        assert_eq!(rn.duties(), ["Give medicine.", "Chart care."]);
        assert_eq!(crate::catalog::interest_letters(rn.interests()), "SI");
        assert_eq!(rn.job_zone().map(|z| z.number()), Some(3));
        assert_eq!(
            rn.education(),
            ["Most often required: Bachelor's Degree (55% of workers)"]
        );
        let related: Vec<&str> = rn.related().iter().map(|&r| c.occupation(r).id()).collect();
        assert_eq!(
            related,
            ["paramedics"],
            "unknown, self and non-short links dropped"
        );
        let medic = c.occupation(c.occupation_by_id("paramedics").expect("medic"));
        assert!(
            medic
                .summary()
                .ends_with("O*NET also lists it under Health Science."),
            "{}",
            medic.summary()
        );
        assert_eq!(medic.job_zone(), None);
        let warnings: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
        for expected in [
            "Occupation Data.txt: line 4: \"bad\" is not an O*NET-SOC code; row skipped",
            "Task Statements.txt: line 4: the row has 3 fields, expected at least 5; row skipped",
            "Interests.txt: line 4: the high point \"lots\" is not a number from 0 to 6; row skipped",
            "Job Zones.txt: line 3: the Job Zone \"9\" is not a number from 1 to 5; row skipped",
        ] {
            assert!(
                warnings.iter().any(|w| w == expected),
                "{expected}\n{warnings:#?}"
            );
        }
        assert_eq!(report.stats.skipped_rows, 4);
        assert!(c.description().contains("CC BY 4.0"));
        assert_eq!(Catalog::from_str(&report.toml, "x").expect("loads"), *c);
    }

    #[test]
    fn only_health_puts_health_occupations_in_health_science() {
        let files = minimal();
        let options = Options {
            only: vec!["health".into()],
            ..Options::default()
        };
        let report = import_onet(sources(&files), &options).expect("imports");
        let c = &report.catalog;
        assert_eq!(c.clusters().len(), 1);
        assert_eq!(c.clusters()[0].name(), "Health Science");
        assert_eq!(c.occupations().len(), 2);
        let medic = c.occupation(c.occupation_by_id("paramedics").expect("medic"));
        assert!(
            medic
                .summary()
                .ends_with("also lists it under Law, Public Safety, Corrections & Security."),
            "{}",
            medic.summary()
        );
        let by_pathway = import_onet(
            sources(&files),
            &Options {
                by: Grouping::Pathway,
                ..options.clone()
            },
        )
        .expect("imports");
        assert_eq!(
            by_pathway.catalog.clusters()[0].name(),
            "Therapeutic Services"
        );
        let none = import_onet(
            sources(&files),
            &Options {
                only: vec!["55-".into()],
                ..Options::default()
            },
        );
        assert!(matches!(none, Err(OnetError::NoOccupations(_))), "{none:?}");
    }

    #[test]
    fn a_wrong_header_names_the_columns_expected_and_empty_files_are_refused() {
        let mut files = minimal();
        files[4] = (FILES.job_zones, "Code\tZone\n");
        let err = import_onet(sources(&files), &Options::default()).expect_err("bad header");
        assert!(
            err.to_string().starts_with(
                "Job Zones.txt: line 1: the header has no `O*NET-SOC Code` column (expected \
                 `O*NET-SOC Code`, `Job Zone`, tab-separated"
            ),
            "{err}"
        );
        files[4] = (FILES.job_zones, "");
        let err = import_onet(sources(&files), &Options::default()).expect_err("empty");
        assert!(
            err.to_string()
                .starts_with("Job Zones.txt: the file is empty"),
            "{err}"
        );
    }

    #[test]
    fn input_past_the_cap_is_an_error() {
        let files = minimal();
        let err = import_onet(
            sources(&files),
            &Options {
                input_bytes: 64,
                ..Options::default()
            },
        )
        .expect_err("too large");
        assert!(
            matches!(&err, OnetError::TooLarge { file, limit: 64 } if file == FILES.occupations),
            "{err}"
        );
    }
}
