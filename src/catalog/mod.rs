//! The catalog: clusters of occupations, parsed and validated once, then immutable.
//!
//! `Catalog::from_str(text, origin)` does all the work: TOML parsing into a spanned tree that
//! mirrors the file (`doc`: built by the `lean` reader for plain catalogs, by toml's parser for
//! anything else and for reporting problems), then validation into the types the rest of the
//! program uses (unique ids, resolved `related` links, sanitized text; `read`). Reading a file or the embedded asset is a thin wrapper
//! around it, so tests feed strings and the binary feeds files through the same code.
//!
//! Every problem carries the origin (file name), line and column, and all problems found are
//! reported together. This module knows nothing of terminals; it must not print.

use std::io::Read;

use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::input::OpenError;

mod build;
mod doc;
mod lean;
mod problem;
mod read;

pub use build::{BuildError, CatalogDraft, ClusterDraft, OccupationDraft};
pub use problem::{Location, Problem};

/// The catalog that ships inside the binary.
pub const BUNDLED_TOML: &str = include_str!("../../assets/clusters.toml");
/// How the bundled catalog is named in messages.
pub const BUNDLED_ORIGIN: &str = "<bundled catalog>";
/// Files larger than this are refused before reading them whole.
/// The version of the catalog format described in `docs/catalog.md`, shown by `--version`.
/// It changes when a catalog that was valid stops being valid or means something else.
pub const FORMAT_VERSION: &str = "1";
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Index of a cluster in [`Catalog::clusters`]; stable for the life of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClusterIdx(pub usize);

/// Index of an occupation in [`Catalog::occupations`]; stable for the life of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OccupationIdx(pub usize);

/// A validated catalog. Its fields are read through methods and never written outside this
/// module: a `Catalog` exists only once validated, by the loader or [`Catalog::build`].
///
/// The parsed-catalog cache ([`crate::cache`]) stores it in pieces ([`Catalog::cache_parts`]),
/// each with serde, writes only validated catalogs and checks what it reads back
/// ([`Catalog::from_cache_parts`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    title: String,
    description: String,
    clusters: Vec<Cluster>,
    /// Every occupation of every cluster, in file order.
    occupations: Vec<Occupation>,
}

/// A catalog's title, description and clusters, as the cache decodes them
/// ([`Catalog::from_cache_parts`]).
pub type CacheShell = (String, String, Vec<Cluster>);

/// A group of similar careers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    id: String,
    name: String,
    summary: String,
    description: String,
    education: Vec<String>,
    settings: Vec<String>,
    /// This cluster's occupations, in file order.
    occupations: Vec<OccupationIdx>,
}

/// One occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occupation {
    id: String,
    title: String,
    cluster: ClusterIdx,
    aliases: Vec<String>,
    summary: String,
    duties: Vec<String>,
    education: Vec<String>,
    settings: Vec<String>,
    skills: Vec<String>,
    related: Vec<OccupationIdx>,
    noc: Option<String>,
    /// O*NET-SOC codes, the first the primary one.
    onet: Vec<String>,
    /// The O*NET codes are only the nearest U.S. equivalent, not the same occupation.
    onet_nearest: bool,
    /// The Holland (RIASEC) code, strongest first; empty when the catalog does not say.
    interests: Vec<Riasec>,
    working_conditions: Vec<String>,
    /// How people get in and move on, in order.
    career_path: Vec<String>,
    /// Real next steps from this occupation.
    advances_to: Vec<OccupationIdx>,
    /// The O*NET Job Zone (1–5), when the catalog gives one.
    job_zone: Option<JobZone>,
}

/// One of Holland's six interest types (RIASEC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Riasec {
    Realistic,
    Investigative,
    Artistic,
    Social,
    Enterprising,
    Conventional,
}

impl Riasec {
    pub const ALL: [Riasec; 6] = [
        Riasec::Realistic,
        Riasec::Investigative,
        Riasec::Artistic,
        Riasec::Social,
        Riasec::Enterprising,
        Riasec::Conventional,
    ];

    /// The type for a letter of R I A S E C, in either case.
    pub fn from_letter(c: char) -> Option<Riasec> {
        Riasec::ALL
            .into_iter()
            .find(|t| t.letter() == c.to_ascii_uppercase())
    }

    pub fn letter(self) -> char {
        match self {
            Riasec::Realistic => 'R',
            Riasec::Investigative => 'I',
            Riasec::Artistic => 'A',
            Riasec::Social => 'S',
            Riasec::Enterprising => 'E',
            Riasec::Conventional => 'C',
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Riasec::Realistic => "Realistic",
            Riasec::Investigative => "Investigative",
            Riasec::Artistic => "Artistic",
            Riasec::Social => "Social",
            Riasec::Enterprising => "Enterprising",
            Riasec::Conventional => "Conventional",
        }
    }
}

/// A Holland code written out: "Social · Investigative · Conventional".
pub fn interest_names(code: &[Riasec]) -> String {
    code.iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A Holland code as its letters: "SIC".
pub fn interest_letters(code: &[Riasec]) -> String {
    code.iter().map(|t| t.letter()).collect()
}

/// Parses a Holland code: one to three distinct letters of R I A S E C. The error says why not.
pub fn parse_interests(text: &str) -> Result<Vec<Riasec>, String> {
    let mut code = Vec::new();
    for c in text.chars() {
        let Some(t) = Riasec::from_letter(c) else {
            return Err(format!("\"{c}\" is not one of R I A S E C"));
        };
        if code.contains(&t) {
            return Err(format!("{} ({c}) is there twice", t.name()));
        }
        code.push(t);
    }
    match code.len() {
        0 => Err("it is empty".into()),
        1..=3 => Ok(code),
        _ => Err(format!(
            "it has {} letters; a Holland code has one to three",
            code.len()
        )),
    }
}

/// The preparation a NOC 2021 code's TEER (its second digit) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Teer(pub u8);

impl Teer {
    /// The TEER of a five-digit NOC 2021 code.
    pub fn of_noc(code: &str) -> Option<Teer> {
        let digit = code.chars().nth(1)?.to_digit(10)?;
        (digit <= 5).then_some(Teer(digit as u8))
    }

    /// What the level usually means, in a few words.
    pub fn words(self) -> &'static str {
        match self.0 {
            0 => "management",
            1 => "usually a university degree",
            2 => "usually a college program of two to three years or an apprenticeship",
            3 => "usually a college program under two years or on-the-job training",
            4 => "usually high school and some on-the-job training",
            _ => "usually short on-the-job training",
        }
    }

    /// "TEER 1 · usually a university degree".
    pub fn label(self) -> String {
        format!("TEER {} · {}", self.0, self.words())
    }

    /// The digit as text, for searching `teer:1`.
    pub fn digit(self) -> &'static str {
        ["0", "1", "2", "3", "4", "5"][usize::from(self.0.min(5))]
    }
}

/// The preparation an O*NET Job Zone stands for: 1 (little or none) to 5 (extensive). O*NET
/// gives it for U.S. occupations the way a NOC code's TEER does for Canadian ones; a catalog may
/// carry both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JobZone(u8);

impl JobZone {
    /// The zone, when `zone` is 1 to 5.
    pub fn new(zone: u8) -> Option<JobZone> {
        (1..=5).contains(&zone).then_some(JobZone(zone))
    }

    /// The zone's number, 1 to 5.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The zone's number as text, what `zone:4` searches.
    pub fn digit(self) -> &'static str {
        ["0", "1", "2", "3", "4", "5"][usize::from(self.0.min(5))]
    }

    /// How much preparation the zone means (the names of O*NET's Job Zone Reference).
    pub fn words(self) -> &'static str {
        match self.0 {
            1 => "little or no preparation",
            2 => "some preparation",
            3 => "medium preparation",
            4 => "considerable preparation",
            _ => "extensive preparation",
        }
    }

    /// "Job Zone 4 · considerable preparation".
    pub fn label(self) -> String {
        format!("Job Zone {} · {}", self.0, self.words())
    }
}

impl Catalog {
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The catalog's introduction ("About these clusters"); may be empty.
    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// Every occupation of every cluster, in file order.
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }
}

impl Cluster {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn summary(&self) -> &str {
        &self.summary
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    /// The educational backgrounds that lead to this cluster.
    pub fn education(&self) -> &[String] {
        &self.education
    }

    pub fn settings(&self) -> &[String] {
        &self.settings
    }

    /// This cluster's occupations, in file order.
    pub fn occupations(&self) -> &[OccupationIdx] {
        &self.occupations
    }
}

impl Occupation {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn cluster(&self) -> ClusterIdx {
        self.cluster
    }

    /// Other names people search for.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    pub fn summary(&self) -> &str {
        &self.summary
    }

    pub fn duties(&self) -> &[String] {
        &self.duties
    }

    pub fn education(&self) -> &[String] {
        &self.education
    }

    pub fn settings(&self) -> &[String] {
        &self.settings
    }

    pub fn skills(&self) -> &[String] {
        &self.skills
    }

    /// Related occupations, in any cluster.
    pub fn related(&self) -> &[OccupationIdx] {
        &self.related
    }

    /// The NOC 2021 unit group, five digits.
    pub fn noc(&self) -> Option<&str> {
        self.noc.as_deref()
    }

    /// The primary O*NET-SOC code.
    pub fn onet(&self) -> Option<&str> {
        self.onet.first().map(String::as_str)
    }

    /// Every O*NET-SOC code, the primary first.
    pub fn onet_codes(&self) -> &[String] {
        &self.onet
    }

    /// Whether the O*NET codes are only the nearest U.S. equivalent.
    pub fn onet_nearest(&self) -> bool {
        self.onet_nearest
    }

    /// The Holland (RIASEC) code, strongest first; empty when not given.
    pub fn interests(&self) -> &[Riasec] {
        &self.interests
    }

    pub fn working_conditions(&self) -> &[String] {
        &self.working_conditions
    }

    /// How people get in and move on, in order.
    pub fn career_path(&self) -> &[String] {
        &self.career_path
    }

    /// Real next steps from this occupation.
    pub fn advances_to(&self) -> &[OccupationIdx] {
        &self.advances_to
    }

    /// The O*NET Job Zone: the preparation level O*NET gives, 1 to 5.
    pub fn job_zone(&self) -> Option<JobZone> {
        self.job_zone
    }

    /// The preparation level, from the NOC code's TEER.
    pub fn teer(&self) -> Option<Teer> {
        self.noc.as_deref().and_then(Teer::of_noc)
    }
}

/// Statistics Canada's page of a NOC 2021 unit group (the link every entry of the official
/// unit-group list has; the same pattern for all 516).
pub fn noc_url(code: &str) -> String {
    format!(
        "https://www23.statcan.gc.ca/imdb/p3VD.pl?Function=getVD&TVD=1322554&CVD=1322870&CPV={code}&CST=01052021&CLV=5&MLV=5"
    )
}

/// The O*NET OnLine summary page of an O*NET-SOC code.
pub fn onet_url(code: &str) -> String {
    format!("https://www.onetonline.org/link/summary/{code}")
}

/// The list sections of an occupation, in the order every view shows them: the detail pane,
/// the comparison, `show` and handouts all walk [`Section::ALL`], so they cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Duties,
    WorkingConditions,
    Education,
    CareerPath,
    Settings,
    Skills,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Duties,
        Section::WorkingConditions,
        Section::Education,
        Section::CareerPath,
        Section::Settings,
        Section::Skills,
    ];

    /// Whether the items are steps in order (shown numbered) rather than a set.
    pub fn is_ordered(self) -> bool {
        self == Section::CareerPath
    }

    /// The heading every view gives the section.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Duties => "What they do",
            Section::WorkingConditions => "Working conditions",
            Section::Education => "Education",
            Section::CareerPath => "Career path",
            Section::Settings => "Where they work",
            Section::Skills => "Skills",
        }
    }

    /// Whether `item` is also among this section's items of one of `others` (ignoring ASCII
    /// case): what a comparison marks as shared.
    pub fn shared_with<'a>(
        self,
        item: &str,
        others: impl IntoIterator<Item = &'a Occupation>,
    ) -> bool {
        others
            .into_iter()
            .any(|o| self.items(o).iter().any(|x| x.eq_ignore_ascii_case(item)))
    }

    /// The section's items for an occupation.
    pub fn items(self, occupation: &Occupation) -> &[String] {
        match self {
            Section::Duties => &occupation.duties,
            Section::WorkingConditions => &occupation.working_conditions,
            Section::Education => &occupation.education,
            Section::CareerPath => &occupation.career_path,
            Section::Settings => &occupation.settings,
            Section::Skills => &occupation.skills,
        }
    }
}

impl Catalog {
    /// The catalog bundled in the binary.
    pub fn bundled() -> Result<Catalog, CatalogError> {
        Catalog::from_str(BUNDLED_TOML, BUNDLED_ORIGIN)
    }

    /// Reads and validates a catalog file.
    pub fn from_path(path: &Path) -> Result<Catalog, CatalogError> {
        let (bytes, origin) = Catalog::read_file(path)?;
        Catalog::from_bytes(&bytes, &origin)
    }

    /// A catalog file's bytes, with the name messages give it: what [`Catalog::from_path`]
    /// validates (a regular file, at most [`MAX_FILE_BYTES`]).
    pub fn read_file(path: &Path) -> Result<(Vec<u8>, String), CatalogError> {
        let origin = crate::text::sanitize_inline(&path.display().to_string());
        let io = |source: std::io::Error| CatalogError::Io {
            origin: origin.clone(),
            source,
        };
        let file = match crate::input::open_regular(path) {
            Ok(file) => file,
            Err(OpenError::Io(e)) => return Err(io(e)),
            Err(OpenError::Directory) => return Err(CatalogError::NotAFile { origin }),
            Err(e @ OpenError::NotRegular(_)) => {
                return Err(CatalogError::NotRegular {
                    origin,
                    reason: e.to_string(),
                });
            }
        };
        let meta = file.metadata().map_err(io)?;
        if meta.len() > MAX_FILE_BYTES {
            return Err(CatalogError::TooLarge {
                origin,
                bytes: meta.len(),
            });
        }
        // Read at most one byte past the limit, in case the file grows while it is read.
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(CatalogError::TooLarge {
                origin,
                bytes: bytes.len() as u64,
            });
        }
        Ok((bytes, origin))
    }

    /// Validates catalog bytes: text that is not UTF-8 is a problem with its place, not a crash.
    pub fn from_bytes(bytes: &[u8], origin: &str) -> Result<Catalog, CatalogError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let valid = e.valid_up_to();
            // show the line with the bad bytes replaced, so the place can be found
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let at = String::from_utf8_lossy(&bytes[..valid]).len();
            CatalogError::Invalid {
                origin: origin.to_string(),
                problems: vec![Problem::new(
                    Location::of(&lossy, at..at + 1),
                    "the file is not valid UTF-8 text",
                    Some("save the file with UTF-8 encoding".into()),
                )],
            }
        })?;
        Catalog::from_str(text, origin)
    }

    /// Parses and validates catalog text; `origin` names it in messages.
    #[allow(clippy::should_implement_trait)] // it needs an origin, which FromStr cannot take
    pub fn from_str(text: &str, origin: &str) -> Result<Catalog, CatalogError> {
        read::read(text).map_err(|problems| CatalogError::Invalid {
            origin: origin.to_string(),
            problems,
        })
    }

    /// [`Catalog::from_str`] through toml's parser alone, never the lean reader: for the fuzz
    /// target, which checks that both ways agree.
    #[doc(hidden)]
    pub fn from_str_with_toml(text: &str, origin: &str) -> Result<Catalog, CatalogError> {
        read::read_with_toml(text).map_err(|problems| CatalogError::Invalid {
            origin: origin.to_string(),
            problems,
        })
    }

    /// The catalog in the pieces the cache stores apart, so that it can decode them side by
    /// side: everything but the occupations (encodable as a [`CacheShell`]), and the occupations.
    pub fn cache_parts(&self) -> ((&str, &str, &[Cluster]), &[Occupation]) {
        (
            (&self.title, &self.description, &self.clusters),
            &self.occupations,
        )
    }

    /// A catalog put back together from [`Catalog::cache_parts`], if it is consistent
    /// ([`Catalog::is_consistent`]).
    pub fn from_cache_parts(shell: CacheShell, occupations: Vec<Occupation>) -> Option<Catalog> {
        let (title, description, clusters) = shell;
        let catalog = Catalog {
            title,
            description,
            clusters,
            occupations,
        };
        catalog.is_consistent().then_some(catalog)
    }

    /// Whether every index in the catalog points at something in it: each occupation's cluster
    /// holds it, and related links and next steps name occupations that exist. Always true of a
    /// catalog this module built; the cache checks a catalog it decoded with it, so a damaged
    /// cache can never make a lookup panic.
    pub fn is_consistent(&self) -> bool {
        let n = self.occupations.len();
        let members: usize = self.clusters.iter().map(|c| c.occupations.len()).sum();
        members == n
            && self.clusters.iter().enumerate().all(|(c, cluster)| {
                cluster
                    .occupations
                    .iter()
                    .all(|o| self.occupations.get(o.0).is_some_and(|o| o.cluster.0 == c))
            })
            && self.occupations.iter().all(|o| {
                o.cluster.0 < self.clusters.len()
                    && o.related.iter().chain(&o.advances_to).all(|r| r.0 < n)
                    && o.job_zone.is_none_or(|z| JobZone::new(z.0).is_some())
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

impl Catalog {
    /// The catalog as TOML in the format it is read from: `Catalog::from_str` of the result gives
    /// back an equal catalog. `career-clusters dump` prints it as a starting point for editing.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        #[derive(serde::Serialize)]
        struct File<'a> {
            title: &'a str,
            #[serde(skip_serializing_if = "str::is_empty")]
            description: &'a str,
            clusters: Vec<ClusterOut<'a>>,
        }
        #[derive(serde::Serialize)]
        struct ClusterOut<'a> {
            id: &'a str,
            name: &'a str,
            summary: &'a str,
            #[serde(skip_serializing_if = "str::is_empty")]
            description: &'a str,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            education: &'a [String],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            settings: &'a [String],
            occupations: Vec<OccupationOut<'a>>,
        }
        #[derive(serde::Serialize)]
        struct OccupationOut<'a> {
            id: &'a str,
            title: &'a str,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            aliases: &'a [String],
            summary: &'a str,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            duties: &'a [String],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            education: &'a [String],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            settings: &'a [String],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            skills: &'a [String],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            working_conditions: &'a [String],
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            career_path: &'a [String],
            #[serde(skip_serializing_if = "Vec::is_empty")]
            advances_to: Vec<&'a str>,
            #[serde(skip_serializing_if = "String::is_empty")]
            interests: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            job_zone: Option<u8>,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            related: Vec<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            noc: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            onet: Option<Codes<'a>>,
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            onet_nearest: bool,
        }
        /// One code as text, several as a list (the way people write them).
        #[derive(serde::Serialize)]
        #[serde(untagged)]
        enum Codes<'a> {
            One(&'a str),
            Many(&'a [String]),
        }
        let ids = |list: &[OccupationIdx]| -> Vec<&str> {
            list.iter()
                .map(|&r| self.occupation(r).id.as_str())
                .collect()
        };
        let file = File {
            title: &self.title,
            description: &self.description,
            clusters: self
                .clusters
                .iter()
                .map(|c| ClusterOut {
                    id: &c.id,
                    name: &c.name,
                    summary: &c.summary,
                    description: &c.description,
                    education: &c.education,
                    settings: &c.settings,
                    occupations: c
                        .occupations
                        .iter()
                        .map(|&o| {
                            let o = self.occupation(o);
                            OccupationOut {
                                id: &o.id,
                                title: &o.title,
                                aliases: &o.aliases,
                                summary: &o.summary,
                                duties: &o.duties,
                                education: &o.education,
                                settings: &o.settings,
                                skills: &o.skills,
                                working_conditions: &o.working_conditions,
                                career_path: &o.career_path,
                                advances_to: ids(&o.advances_to),
                                interests: interest_letters(&o.interests),
                                job_zone: o.job_zone.map(JobZone::number),
                                related: ids(&o.related),
                                noc: o.noc.as_deref(),
                                onet: match o.onet.as_slice() {
                                    [] => None,
                                    [one] => Some(Codes::One(one)),
                                    many => Some(Codes::Many(many)),
                                },
                                onet_nearest: o.onet_nearest,
                            }
                        })
                        .collect(),
                })
                .collect(),
        };
        let pretty = toml::to_string_pretty(&file)?;
        Ok(single_line_strings(pretty))
    }
}

/// Rewrites the multi-line strings toml's serializer writes for text with line breaks
/// (`"""…"""`) as basic strings with `\n` escapes: the plain shape the lean reader reads, so a
/// dumped or imported catalog loads on the fast path. Spans come from toml's own parser, so only
/// string values are touched.
fn single_line_strings(text: String) -> String {
    type Found<'a> = Vec<(std::ops::Range<usize>, &'a str)>;
    fn walk<'a>(item: &'a doc::Item, text: &str, out: &mut Found<'a>) {
        match &item.value {
            doc::Value::Text(value) => {
                let raw = &text[item.span.clone()];
                if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
                    out.push((item.span.clone(), value));
                }
            }
            doc::Value::List(items) => items.iter().for_each(|i| walk(i, text, out)),
            doc::Value::Table(t) => t.entries.iter().for_each(|e| walk(&e.value, text, out)),
            _ => {}
        }
    }
    let (root, errors) = toml::de::DeTable::parse_recoverable(&text);
    if !errors.is_empty() {
        return text;
    }
    let table = doc::Table::from_toml(root.into_inner());
    let mut found = Vec::new();
    for entry in &table.entries {
        walk(&entry.value, &text, &mut found);
    }
    // from the end, so earlier spans stay valid
    found.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.clone();
    for (span, value) in found {
        out.replace_range(span, &basic_string(value));
    }
    out
}

/// `text` as a TOML basic string: quotes, backslashes, line breaks and control characters
/// escaped. The one escaper for TOML the program writes (dumps, imports, synthetic catalogs).
#[doc(hidden)]
pub fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
    /// A FIFO, a device or a socket: reading it could block or never end.
    #[error("{origin}: {reason}")]
    NotRegular { origin: String, reason: String },
    #[error(
        "{origin}: the file is {bytes} bytes or more; catalogs are limited to {MAX_FILE_BYTES} bytes (32 MiB)"
    )]
    TooLarge { origin: String, bytes: u64 },
    #[error("{}", render_problems(origin, problems))]
    Invalid {
        origin: String,
        problems: Vec<Problem>,
    },
}

fn render_problems(origin: &str, problems: &[Problem]) -> String {
    let mut out = format!(
        "{origin}: {} problem{} in the catalog; fix {} and run `career-clusters check {origin}` again\n",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        if problems.len() == 1 { "it" } else { "them" },
    );
    for p in problems {
        out.push('\n');
        out.push_str(&p.display(origin).to_string());
        out.push('\n');
    }
    out.trim_end().to_string()
}

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

/// Whether `code` is shaped as an O*NET-SOC code, `29-1141.00`.
pub(crate) fn is_onet(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            2 => *c == b'-',
            7 => *c == b'.',
            _ => c.is_ascii_digit(),
        })
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

/// The candidate closest to `word` by edit distance, if any is close enough to be a likely typo.
/// Among equally close candidates, the first in alphabetical order.
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word_chars: Vec<char> = word.chars().collect();
    let length = word_chars.len();
    let mut limit = (length / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    let mut table = Table::default();
    let mut chars = Vec::new();
    for c in candidates {
        // the distance is at least the difference in length: skip those without computing it
        if c.len().abs_diff(length) > limit * 4 {
            continue;
        }
        let d = if word.is_ascii() && c.is_ascii() {
            table.distance(word.as_bytes(), c.as_bytes(), limit)
        } else {
            chars.clear();
            chars.extend(c.chars());
            table.distance(&word_chars, &chars, limit)
        };
        if let Some(d) = d
            && best.is_none_or(|b| (d, c) < b)
        {
            best = Some((d, c));
            // only as close or closer can win from here on
            limit = d;
        }
    }
    best.map(|(_, c)| c)
}

/// [`nearest`] for many words against many candidates, in bounded time: each distinct word is
/// looked up once, and against a large set of candidates only its neighbours are compared — the
/// [`Suggestions::NEIGHBOURS`] candidates either side of it in alphabetical order and as many in
/// the order of their reversed spelling. A typo leaves either the start or the end of a word as it
/// was, which keeps the intended word near it in one of the two orders. Small sets (up to
/// [`Suggestions::COMPARE_ALL`]) are compared whole, so suggestions there are exactly
/// [`nearest`]'s.
pub struct Suggestions<'a> {
    sorted: Vec<&'a str>,
    /// (reversed spelling, candidate), sorted.
    reversed: Vec<(String, &'a str)>,
    cache: rustc_hash::FxHashMap<String, Option<&'a str>>,
}

impl<'a> Suggestions<'a> {
    pub const COMPARE_ALL: usize = 2_000;
    pub const NEIGHBOURS: usize = 64;

    pub fn new(candidates: impl Iterator<Item = &'a str>) -> Suggestions<'a> {
        let mut sorted: Vec<&str> = candidates.collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut reversed = Vec::new();
        if sorted.len() > Self::COMPARE_ALL {
            reversed = sorted
                .iter()
                .map(|c| (c.chars().rev().collect(), *c))
                .collect();
            reversed.sort_unstable();
        }
        Suggestions {
            sorted,
            reversed,
            cache: Default::default(),
        }
    }

    /// The candidate nearest to `word`, if one is close enough to be a likely typo.
    pub fn nearest(&mut self, word: &str) -> Option<&'a str> {
        if let Some(&known) = self.cache.get(word) {
            return known;
        }
        let found = if self.sorted.len() <= Self::COMPARE_ALL {
            nearest(word, self.sorted.iter().copied())
        } else {
            let n = Self::NEIGHBOURS;
            let at = self.sorted.partition_point(|c| *c < word);
            let by_start = &self.sorted[at.saturating_sub(n)..(at + n).min(self.sorted.len())];
            let backwards: String = word.chars().rev().collect();
            let at = self
                .reversed
                .partition_point(|(r, _)| r.as_str() < backwards.as_str());
            let by_end = &self.reversed[at.saturating_sub(n)..(at + n).min(self.reversed.len())];
            nearest(
                word,
                by_start
                    .iter()
                    .copied()
                    .chain(by_end.iter().map(|(_, c)| *c)),
            )
        };
        self.cache.insert(word.to_string(), found);
        found
    }
}

/// The two rows of a Levenshtein table, kept between comparisons so [`nearest`] allocates once.
#[derive(Default)]
struct Table {
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Table {
    /// The edit distance of `a` and `b` if it is at most `limit`. Only the band of cells within
    /// `limit` of the diagonal is computed (the others cannot be on a path that short), and it
    /// gives up as soon as a whole row of the band exceeds `limit`: O(len × limit), not
    /// O(len²).
    fn distance<T: PartialEq>(&mut self, a: &[T], b: &[T], limit: usize) -> Option<usize> {
        let (n, m) = (a.len(), b.len());
        if n.abs_diff(m) > limit {
            return None;
        }
        let inf = limit + 1;
        let (prev, cur) = (&mut self.prev, &mut self.cur);
        prev.clear();
        prev.extend((0..=m).map(|j| j.min(inf)));
        cur.clear();
        cur.resize(m + 1, inf);
        for i in 1..=n {
            let lo = i.saturating_sub(limit).max(1);
            let hi = (i + limit).min(m);
            cur[lo - 1] = if lo == 1 { i.min(inf) } else { inf };
            let mut row_min = cur[lo - 1];
            for j in lo..=hi {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let d = (prev[j - 1] + cost)
                    .min(prev[j] + 1)
                    .min(cur[j - 1] + 1)
                    .min(inf);
                cur[j] = d;
                row_min = row_min.min(d);
            }
            // the next row reads one cell past this band: outside it, nothing is within reach
            if hi < m {
                cur[hi + 1] = inf;
            }
            if row_min > limit {
                return None;
            }
            std::mem::swap(prev, cur);
        }
        Some(prev[m]).filter(|&d| d <= limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The banded, bounded distance is the full Levenshtein distance whenever that is within
        /// the limit, and nothing otherwise, for ASCII and for other characters.
        #[test]
        fn the_banded_distance_is_the_full_distance_within_the_limit(
            a in "[ab-é]{0,12}",
            b in "[ab-é]{0,12}",
            limit in 0usize..6,
        ) {
            let full = strsim::levenshtein(&a, &b);
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let mut table = Table::default();
            let banded = table.distance(&ac, &bc, limit);
            proptest::prop_assert_eq!(banded, Some(full).filter(|&d| d <= limit));
            // the same table again gives the same answer: nothing stale is read
            proptest::prop_assert_eq!(table.distance(&ac, &bc, limit), banded);
        }
    }

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
    fn duplicate_ids_point_at_both_places() {
        let text = MINI.replace("id = \"kinesiologist\"", "id = \"physiotherapist\"");
        let p = problems(&text);
        let dup = p
            .iter()
            .find(|p| p.message.contains("is used twice"))
            .expect("duplicate reported");
        assert_eq!(dup.line, 16);
        assert_eq!(dup.also.as_ref().map(|(at, _)| at.line), Some(10));
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
        assert!(err.starts_with("mine.toml: 1 problem in the catalog; fix it and run `career-clusters check mine.toml` again"), "{err}");
        assert!(err.contains("mine.toml:13:12: related id"), "{err}");
        assert!(err.contains("13 | related = [\"kinesiologst\"]"), "{err}");
        assert!(err.contains("   |            ^^^^^^^^^^^^^^"), "{err}");
        assert!(
            err.contains("= help: did you mean \"kinesiologist\"?"),
            "{err}"
        );
    }

    #[test]
    fn job_zones_are_whole_numbers_from_one_to_five() {
        let text = MINI.replace(
            "summary = \"Studies movement.\"",
            "summary = \"Studies movement.\"\njob_zone = 4",
        );
        let c = Catalog::from_str(&text, "x").unwrap();
        let kin = c.occupation(c.occupation_by_id("kinesiologist").unwrap());
        assert_eq!(
            kin.job_zone().map(JobZone::label).as_deref(),
            Some("Job Zone 4 · considerable preparation")
        );
        assert!(c.to_toml().unwrap().contains("job_zone = 4\n"));
        assert_eq!(Catalog::from_str(&c.to_toml().unwrap(), "x").unwrap(), c);
        let p = problems(&text.replace("job_zone = 4", "job_zone = 7"));
        assert_eq!((p.len(), p[0].line, p[0].column), (1, 19, 12), "{p:?}");
        assert!(
            p[0].message.contains("is 7, not a Job Zone from 1 to 5"),
            "{}",
            p[0].message
        );
        let p = problems(&text.replace("job_zone = 4", "job_zone = \"4\""));
        assert!(
            p[0].message
                .contains("must be a whole number from 1 to 5, not text"),
            "{}",
            p[0].message
        );
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
    fn suggestions_in_a_large_catalog_find_typos_at_either_end() {
        let ids: Vec<String> = (0..5_000).map(|i| format!("occupation-{i:05}")).collect();
        let mut s = Suggestions::new(ids.iter().map(String::as_str));
        assert_eq!(s.nearest("occupation-01234x"), Some("occupation-01234"));
        assert_eq!(s.nearest("ocupation-04321"), Some("occupation-04321"));
        assert_eq!(s.nearest("xoccupation-00007"), Some("occupation-00007"));
        assert_eq!(s.nearest("nothing-like-it-at-all"), None);
        // asked again, from the cache
        assert_eq!(s.nearest("occupation-01234x"), Some("occupation-01234"));
    }
}
