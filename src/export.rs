//! Handouts: what a client takes home from a counselling session. One or more occupations, or a
//! whole cluster, written as a Markdown file or a small standalone HTML page that prints well.
//!
//! [`render`] builds the handout as text; it never touches the disk. [`write_new`] (for
//! `career-clusters export -o FILE`) and [`write_unique`] (for the browser, which picks the name)
//! write it with [`crate::atomic`]: an existing file is never overwritten, and an interrupted
//! write never leaves a partial handout under the target's name.
//!
//! Catalog text is data, never markup: Markdown escapes every character that could turn it into
//! emphasis, a link, a heading, a list or HTML; HTML escapes `& < > " '`. The HTML has no
//! JavaScript and loads nothing.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub use crate::atomic::MAX_NUMBERED;
use crate::atomic::{self, Existing, WriteError};
use crate::catalog::{
    Catalog, ClusterIdx, OccupationIdx, Section, interest_letters, interest_names,
};
use crate::commands::{onet_url, suggest, suggestions};
use crate::text::sanitize;

/// The file name (without extension) the browser writes handouts under: `career-handout.md`,
/// then `career-handout-2.md`, and so on.
pub const DEFAULT_STEM: &str = "career-handout";

/// The heading of a handout of occupations (a cluster handout is headed by the cluster's name).
pub const HANDOUT_TITLE: &str = "Career handout";

/// The format of a handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark): readable as plain text, renders anywhere.
    #[value(alias = "md")]
    Markdown,
    /// A standalone HTML page, ready to open in a browser and print.
    #[value(alias = "htm")]
    Html,
}

impl Format {
    /// The file extension for this format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// What a handout is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// These occupations, in this order.
    Occupations(Vec<OccupationIdx>),
    /// One cluster and all its occupations.
    Cluster(ClusterIdx),
    /// Two or three occupations side by side, as the browser's comparison shows them: tables of
    /// their facts and sections with the items they share marked, then each in full.
    Comparison(Vec<OccupationIdx>),
}

impl Subject {
    /// The occupations the handout covers, in order.
    pub fn occupations(&self, catalog: &Catalog) -> Vec<OccupationIdx> {
        match self {
            Subject::Occupations(list) | Subject::Comparison(list) => list.clone(),
            Subject::Cluster(c) => catalog.cluster(*c).occupations().to_vec(),
        }
    }
}

/// The mark of an item another compared occupation shares, in the handout as on screen.
pub const SHARED_MARK: &str = "◆";

/// Why a handout could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The handout could not be written (nothing was changed), with a hint for the user.
    #[error("{}{}", .0, hint(.0))]
    Write(#[from] WriteError),
    /// An id that is neither an occupation nor a cluster.
    #[error("no cluster or occupation has the id \"{id}\"{}", suggest(.suggestions))]
    UnknownId {
        id: String,
        suggestions: Vec<String>,
    },
    /// A cluster id given together with other ids.
    #[error(
        "\"{cluster}\" is a cluster, and a cluster is exported on its own: give either one cluster id \
         or one or more occupation ids"
    )]
    ClusterNotAlone { cluster: String },
    /// `--compare` with other than two or three occupations.
    #[error(
        "a comparison lays two or three occupations side by side; {given}: give two or three \
         occupation ids, e.g. --ids physiotherapist,kinesiologist"
    )]
    CompareCount { given: String },
    /// No ids at all.
    #[error(
        "no ids given: give one or more occupation ids (physiotherapist,kinesiologist) or one cluster \
         id (rehabilitation); `career-clusters list` shows every id"
    )]
    NoIds,
}

/// What the user can do about a write error, in the words of `export` and the browser.
fn hint(e: &WriteError) -> &'static str {
    match e {
        WriteError::Exists(_) => "; choose another name with -o or remove it",
        WriteError::NotAFileName(_) => "; give one such as career-handout.md",
        WriteError::NoFreeName { .. } => "; remove some old handouts",
        _ => "",
    }
}

/// What ids name: one or more occupations (in the given order, duplicates removed) or exactly one
/// cluster. Surrounding spaces are ignored, and so are empty ids (`a,,b`, a trailing comma).
///
/// An unknown id is an error naming it, with the nearest ids as suggestions; a cluster id with any
/// other id is an error explaining the rule; no ids at all is an error.
pub fn subject_from_ids(catalog: &Catalog, ids: &[String]) -> Result<Subject, ExportError> {
    let mut occupations: Vec<OccupationIdx> = Vec::new();
    let mut clusters: Vec<ClusterIdx> = Vec::new();
    for id in ids.iter().map(|id| id.trim()).filter(|id| !id.is_empty()) {
        if let Some(o) = catalog.occupation_by_id(id) {
            if !occupations.contains(&o) {
                occupations.push(o);
            }
        } else if let Some(c) = catalog.cluster_by_id(id) {
            if !clusters.contains(&c) {
                clusters.push(c);
            }
        } else {
            return Err(ExportError::UnknownId {
                id: sanitize(id),
                suggestions: suggestions(catalog, id),
            });
        }
    }
    match (clusters.as_slice(), occupations.is_empty()) {
        ([], true) => Err(ExportError::NoIds),
        ([], false) => Ok(Subject::Occupations(occupations)),
        ([cluster], true) => Ok(Subject::Cluster(*cluster)),
        ([first, ..], _) => Err(ExportError::ClusterNotAlone {
            cluster: catalog.cluster(*first).id().to_string(),
        }),
    }
}

/// The comparison of the occupations `subject` names: two or three of them, side by side.
pub fn comparison(subject: Subject) -> Result<Subject, ExportError> {
    match subject {
        Subject::Occupations(list) if (2..=3).contains(&list.len()) => {
            Ok(Subject::Comparison(list))
        }
        Subject::Occupations(list) => Err(ExportError::CompareCount {
            given: format!(
                "{} given",
                match list.len() {
                    1 => "one was".to_string(),
                    n => format!("{n} were"),
                }
            ),
        }),
        Subject::Cluster(_) => Err(ExportError::CompareCount {
            given: "a cluster was given".to_string(),
        }),
        comparison @ Subject::Comparison(_) => Ok(comparison),
    }
}

// ---------------------------------------------------------------------------------------------
// The handout as a small document, rendered to either format, so both always say the same thing.

/// A run of text in a paragraph or list item.
enum Span {
    /// Catalog text (or fixed wording), escaped on output.
    Text(String),
    /// A fixed label, shown bold: "Cluster:".
    Label(&'static str),
    /// A web address, shown in full (it must survive printing) and clickable.
    Link(String),
}

enum Block {
    Heading(u8, String),
    /// The one-line note of where the facts come from.
    Source(String),
    Paragraph(Vec<Span>),
    List(Vec<Vec<Span>>),
    /// Columns under a header row; each cell is a run of spans (empty when a column has fewer
    /// items).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Vec<Span>>>,
    },
}

struct Doc {
    title: String,
    blocks: Vec<Block>,
}

impl Doc {
    fn new(title: &str, catalog: &Catalog) -> Doc {
        Doc {
            title: title.to_string(),
            blocks: vec![
                Block::Heading(1, title.to_string()),
                Block::Source(format!("Source: {}", catalog.title())),
            ],
        }
    }

    /// One paragraph per paragraph of `text` (paragraphs are separated by blank lines).
    fn paragraphs(&mut self, text: &str) {
        for paragraph in text.split("\n\n").map(one_line).filter(|p| !p.is_empty()) {
            self.blocks
                .push(Block::Paragraph(vec![Span::Text(paragraph)]));
        }
    }

    /// A heading and a bulleted list, or nothing when there are no items.
    fn section(&mut self, level: u8, heading: &str, items: Vec<Vec<Span>>) {
        if items.is_empty() {
            return;
        }
        self.blocks.push(Block::Heading(level, heading.to_string()));
        self.blocks.push(Block::List(items));
    }
}

fn text_items(items: &[String]) -> Vec<Vec<Span>> {
    items.iter().map(|i| vec![Span::Text(i.clone())]).collect()
}

/// An occupation's codes, one item each; empty when it has none.
fn codes(catalog: &Catalog, o: OccupationIdx) -> Vec<Vec<Span>> {
    let occ = catalog.occupation(o);
    let mut items = Vec::new();
    if let Some(noc) = occ.noc() {
        items.push(vec![
            Span::Label("NOC 2021:"),
            Span::Text(format!("{noc}, on Statistics Canada's site at")),
            Span::Link(crate::catalog::noc_url(noc)),
        ]);
    }
    for onet in occ.onet_codes() {
        let nearest = if occ.onet_nearest() {
            " (the nearest O*NET equivalent)"
        } else {
            ""
        };
        items.push(vec![
            Span::Label("O*NET-SOC:"),
            Span::Text(format!("{onet}{nearest}, on O*NET OnLine at")),
            Span::Link(onet_url(onet)),
        ]);
    }
    items
}

fn occupation_blocks(doc: &mut Doc, catalog: &Catalog, o: OccupationIdx) {
    let occ = catalog.occupation(o);
    doc.blocks.push(Block::Heading(2, occ.title().to_string()));
    doc.blocks.push(Block::Paragraph(vec![
        Span::Label("Cluster:"),
        Span::Text(catalog.cluster(occ.cluster()).name().to_string()),
    ]));
    if let Some(teer) = occ.teer() {
        doc.blocks.push(Block::Paragraph(vec![
            Span::Label("Preparation:"),
            Span::Text(teer.label()),
        ]));
    }
    if let Some(zone) = occ.job_zone() {
        doc.blocks.push(Block::Paragraph(vec![
            Span::Label("Preparation:"),
            Span::Text(zone.label()),
        ]));
    }
    if !occ.interests().is_empty() {
        doc.blocks.push(Block::Paragraph(vec![
            Span::Label("Interests:"),
            Span::Text(format!(
                "{} ({})",
                interest_names(occ.interests()),
                interest_letters(occ.interests())
            )),
        ]));
    }
    if !occ.aliases().is_empty() {
        // imported catalogs can have a hundred example titles; a handout names a few
        const SHOWN: usize = 12;
        let mut names = occ
            .aliases()
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if occ.aliases().len() > SHOWN {
            names.push_str(&format!(" and {} more", occ.aliases().len() - SHOWN));
        }
        doc.blocks.push(Block::Paragraph(vec![
            Span::Label("Also called:"),
            Span::Text(names),
        ]));
    }
    doc.paragraphs(occ.summary());
    for part in Section::ALL {
        doc.section(3, part.heading(), text_items(part.items(occ)));
    }
    let related = occ
        .related()
        .iter()
        .map(|&r| {
            let other = catalog.occupation(r);
            let text = if other.cluster() == occ.cluster() {
                other.title().to_string()
            } else {
                format!(
                    "{} ({} cluster)",
                    other.title(),
                    catalog.cluster(other.cluster()).name()
                )
            };
            vec![Span::Text(text)]
        })
        .collect();
    doc.section(3, "Related occupations", related);
    let next = occ
        .advances_to()
        .iter()
        .map(|&r| vec![Span::Text(catalog.occupation(r).title().to_string())])
        .collect();
    doc.section(3, "Leads on to", next);
    doc.section(3, "Occupation codes", codes(catalog, o));
}

/// Two or three occupations side by side: a table of what they are, one table per section with
/// the shared items marked, then each occupation in full.
fn comparison_doc(catalog: &Catalog, items: &[OccupationIdx]) -> Doc {
    let occupations: Vec<_> = items.iter().map(|&o| catalog.occupation(o)).collect();
    let titles: Vec<String> = occupations.iter().map(|o| o.title().to_string()).collect();
    let title = match titles.as_slice() {
        [] => HANDOUT_TITLE.to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("Comparing {} and {last}", rest.join(", ")),
    };
    let mut doc = Doc::new(&title, catalog);
    doc.blocks
        .push(Block::Heading(2, "Side by side".to_string()));
    doc.blocks.push(Block::Paragraph(vec![
        Span::Label(SHARED_MARK),
        Span::Text("marks what another occupation in this comparison shares.".to_string()),
    ]));

    let mut header = vec![String::new()];
    header.extend(titles.iter().cloned());
    let fact = |label: &'static str, cell: &dyn Fn(OccupationIdx) -> Vec<Span>| {
        let mut row = vec![vec![Span::Label(label)]];
        row.extend(items.iter().map(|&o| cell(o)));
        row
    };
    let text = |t: String| vec![Span::Text(t)];
    let mut facts = vec![
        fact("Cluster", &|o| {
            text(
                catalog
                    .cluster(catalog.occupation(o).cluster())
                    .name()
                    .to_string(),
            )
        }),
        fact("In short", &|o| {
            text(one_line(catalog.occupation(o).summary()))
        }),
        fact("Preparation", &|o| {
            let occ = catalog.occupation(o);
            let levels: Vec<String> = occ
                .teer()
                .map(|t| t.label())
                .into_iter()
                .chain(occ.job_zone().map(|z| z.label()))
                .collect();
            text(if levels.is_empty() {
                "—".to_string()
            } else {
                levels.join("; ")
            })
        }),
        fact("Interests", &|o| {
            let interests = catalog.occupation(o).interests();
            text(if interests.is_empty() {
                "—".to_string()
            } else {
                format!(
                    "{} ({})",
                    interest_names(interests),
                    interest_letters(interests)
                )
            })
        }),
    ];
    facts.push(fact("NOC 2021", &|o| match catalog.occupation(o).noc() {
        Some(noc) => vec![
            Span::Text(noc.to_string()),
            Span::Link(crate::catalog::noc_url(noc)),
        ],
        None => text("—".to_string()),
    }));
    facts.push(fact("O*NET-SOC", &|o| {
        let occ = catalog.occupation(o);
        let mut cell = Vec::new();
        for code in occ.onet_codes() {
            cell.push(Span::Text(code.clone()));
            cell.push(Span::Link(onet_url(code)));
        }
        if occ.onet_nearest() {
            cell.push(Span::Text("(the nearest equivalent)".to_string()));
        }
        if cell.is_empty() {
            cell = text("—".to_string());
        }
        cell
    }));
    doc.blocks.push(Block::Table {
        header: header.clone(),
        rows: facts,
    });

    for part in Section::ALL {
        let columns: Vec<Vec<Vec<Span>>> = occupations
            .iter()
            .enumerate()
            .map(|(i, occ)| {
                let others = || {
                    occupations
                        .iter()
                        .enumerate()
                        .filter(move |&(j, _)| j != i)
                        .map(|(_, o)| *o)
                };
                part.items(occ)
                    .iter()
                    .map(|item| {
                        if part.shared_with(item, others()) {
                            vec![Span::Label(SHARED_MARK), Span::Text(item.clone())]
                        } else {
                            vec![Span::Text(item.clone())]
                        }
                    })
                    .collect()
            })
            .collect();
        let depth = columns.iter().map(Vec::len).max().unwrap_or(0);
        if depth == 0 {
            continue;
        }
        let rows = (0..depth)
            .map(|r| {
                columns
                    .iter()
                    .map(|column| {
                        column
                            .get(r)
                            .map_or_else(Vec::new, |cell| clone_spans(cell))
                    })
                    .collect()
            })
            .collect();
        doc.blocks
            .push(Block::Heading(3, part.heading().to_string()));
        doc.blocks.push(Block::Table {
            header: titles.clone(),
            rows,
        });
    }
    for &o in items {
        occupation_blocks(&mut doc, catalog, o);
    }
    doc
}

fn clone_spans(spans: &[Span]) -> Vec<Span> {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) => Span::Text(t.clone()),
            Span::Label(l) => Span::Label(l),
            Span::Link(u) => Span::Link(u.clone()),
        })
        .collect()
}

fn cluster_doc(catalog: &Catalog, c: ClusterIdx) -> Doc {
    let cluster = catalog.cluster(c);
    let mut doc = Doc::new(cluster.name(), catalog);
    doc.paragraphs(cluster.summary());
    doc.paragraphs(cluster.description());
    doc.section(
        2,
        "Educational backgrounds",
        text_items(cluster.education()),
    );
    doc.section(2, "Where people work", text_items(cluster.settings()));
    doc.blocks
        .push(Block::Heading(2, "Occupations".to_string()));
    for &o in cluster.occupations() {
        let occ = catalog.occupation(o);
        doc.blocks.push(Block::Heading(3, occ.title().to_string()));
        doc.paragraphs(occ.summary());
        let codes = codes(catalog, o);
        if !codes.is_empty() {
            doc.blocks.push(Block::List(codes));
        }
    }
    doc
}

/// The handout for `subject`, as a complete Markdown or HTML document.
///
/// For occupations: a "Career handout" heading, the catalog's title as the source, then for each
/// occupation its title, cluster, other names, summary, duties, education, settings, skills,
/// related occupations (with their cluster when it is another one) and its NOC 2021 and
/// O\*NET-SOC codes with the O\*NET OnLine link. For a cluster: its name, the source, summary,
/// description, educational backgrounds, where people work, and each occupation with its summary
/// and codes. Empty sections and absent codes are left out.
pub fn render(catalog: &Catalog, subject: &Subject, format: Format) -> String {
    render_with_interests(catalog, subject, format, None)
}

/// The result of an interest check, as a handout gives it: the code, the six scores and the
/// best matches — never the individual answers.
#[derive(Debug, Clone, PartialEq)]
pub struct InterestSummary {
    /// "SIA".
    pub code: String,
    /// "Social · Investigative · Artistic".
    pub names: String,
    /// Ties said plainly ("Social and Investigative are tied").
    pub ties: Vec<String>,
    /// Each type and its score (1.0–5.0), or `None` when every statement was skipped.
    pub scores: Vec<(&'static str, Option<f32>)>,
    /// The best matching occupations: "Occupational Therapist — strong fit, shares Social…".
    pub top: Vec<String>,
}

/// A handout as [`render`] makes it, with the interest result first when the check was taken,
/// dated today.
pub fn render_with_interests(
    catalog: &Catalog,
    subject: &Subject,
    format: Format,
    interests: Option<&InterestSummary>,
) -> String {
    let today = time::OffsetDateTime::now_utc().date();
    let date = format!(
        "{:04}-{:02}-{:02}",
        today.year(),
        u8::from(today.month()),
        today.day()
    );
    render_dated(catalog, subject, format, interests, &date)
}

/// A handout dated `date`: the title, where it comes from and when, the interest result, the
/// occupations or cluster, and an empty "Next steps" section to write in.
pub fn render_dated(
    catalog: &Catalog,
    subject: &Subject,
    format: Format,
    interests: Option<&InterestSummary>,
    date: &str,
) -> String {
    let mut doc = match subject {
        Subject::Occupations(occupations) => {
            let mut doc = Doc::new(HANDOUT_TITLE, catalog);
            for &o in occupations {
                occupation_blocks(&mut doc, catalog, o);
            }
            doc
        }
        Subject::Cluster(c) => cluster_doc(catalog, *c),
        Subject::Comparison(items) => comparison_doc(catalog, items),
    };
    if !date.is_empty() {
        doc.blocks.insert(
            2.min(doc.blocks.len()),
            Block::Paragraph(vec![Span::Label("Prepared:"), Span::Text(date.to_string())]),
        );
    }
    doc.blocks.push(Block::Heading(2, "Next steps".to_string()));
    doc.blocks.push(Block::Paragraph(vec![Span::Text(
        "Write here what you will do next: who to talk to, what to read, which program or \
         volunteer place to look into, and when."
            .to_string(),
    )]));
    doc.blocks.push(Block::List(
        (1..=3).map(|_| vec![Span::Text("_".repeat(40))]).collect(),
    ));
    if let Some(summary) = interests {
        let mut blocks = vec![Block::Heading(2, "Your interest result".to_string())];
        blocks.push(Block::Paragraph(vec![
            Span::Label("Holland code:"),
            Span::Text(format!("{} ({})", summary.code, summary.names)),
        ]));
        for tie in &summary.ties {
            blocks.push(Block::Paragraph(vec![Span::Text(format!("{tie}."))]));
        }
        blocks.push(Block::List(
            summary
                .scores
                .iter()
                .map(|(name, score)| {
                    vec![Span::Text(match score {
                        Some(s) => format!("{name}: {s:.1} of 5"),
                        None => format!("{name}: every statement skipped"),
                    })]
                })
                .collect(),
        ));
        if !summary.top.is_empty() {
            blocks.push(Block::Heading(3, "Occupations that fit best".to_string()));
            blocks.push(Block::List(
                summary
                    .top
                    .iter()
                    .map(|t| vec![Span::Text(t.clone())])
                    .collect(),
            ));
        }
        // after the title and the source line
        let at = doc
            .blocks
            .iter()
            .position(|b| !matches!(b, Block::Heading(1, _) | Block::Source(_)))
            .unwrap_or(doc.blocks.len());
        doc.blocks.splice(at..at, blocks);
    }
    match format {
        Format::Markdown => markdown(&doc),
        Format::Html => html(&doc),
    }
}

/// Text on one line, with runs of white space (newlines included) made single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a link can be written as a link: an `https` address with nothing that needs escaping.
fn is_plain_https(url: &str) -> bool {
    url.starts_with("https://")
        && url
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"<>\"'`\\".contains(&b))
}

// ---------------------------------------------------------------------------------------------
// Markdown

fn markdown(doc: &Doc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        match block {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from(*level));
                let _ = writeln!(out, "{hashes} {}", md_text(text, false));
            }
            Block::Source(text) => {
                let _ = writeln!(out, "{}", md_text(text, true));
            }
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "{}", md_spans(spans));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", md_spans(item));
                }
            }
            Block::Table { header, rows } => {
                let cells: Vec<String> = header.iter().map(|h| md_text(h, false)).collect();
                let _ = writeln!(out, "| {} |", cells.join(" | "));
                let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
                for row in rows {
                    // md_text escapes `|`, so a cell never splits
                    let cells: Vec<String> = row.iter().map(|cell| md_spans(cell)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
        }
    }
    out
}

fn md_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for (i, span) in spans.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match span {
            Span::Text(text) => out.push_str(&md_text(text, i == 0)),
            Span::Label(label) => {
                let _ = write!(out, "**{}**", md_text(label, false));
            }
            Span::Link(url) if is_plain_https(url) => {
                let _ = write!(out, "<{url}>");
            }
            Span::Link(url) => out.push_str(&md_text(url, i == 0)),
        }
    }
    out
}

/// Catalog text as Markdown that shows it literally, on one line. `block_start`: the text begins
/// a paragraph or list item, where `-`, `+`, `>`, `=` and `1.` would start a list, quote or
/// heading underline.
fn md_text(text: &str, block_start: bool) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    if block_start {
        if text.starts_with(['-', '+', '>', '=']) {
            out.push('\\');
        } else {
            // An ordered-list marker: up to nine digits, then `.` or `)`.
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=9).contains(&digits) && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
            {
                out.push_str(&text[..digits]);
                out.push('\\');
                chars = text[digits..].chars().peekable();
            }
        }
    }
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '#' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;`, `&#42;`: an entity reference would show as the character it names.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// HTML

/// Minimal styles: readable on screen, clean on paper (no colours that need ink, no split
/// headings, link addresses printed as text because they are the link text).
const CSS: &str = "\
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.5; color: #111; \
background: #fff; max-width: 42em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3 { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; line-height: 1.25; \
break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.8em; margin-bottom: 0.2em; }
h2 { font-size: 1.4em; margin-top: 1.8em; border-bottom: 1px solid #888; padding-bottom: 0.15em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
p.source { margin-top: 0; color: #444; font-style: italic; }
ul { padding-left: 1.4em; }
li { break-inside: avoid; page-break-inside: avoid; }
a { color: #0645ad; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.95em; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: #111; text-decoration: none; }
}
";

fn html(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        html_text(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", html_text(text));
            }
            Block::Source(text) => {
                let _ = writeln!(out, "<p class=\"source\">{}</p>", html_text(text));
            }
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "<p>{}</p>", html_spans(spans));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", html_spans(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { header, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for h in header {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", html_text(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", html_spans(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for (i, span) in spans.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match span {
            Span::Text(text) => out.push_str(&html_text(text)),
            Span::Label(label) => {
                let _ = write!(out, "<strong>{}</strong>", html_text(label));
            }
            Span::Link(url) if is_plain_https(url) => {
                let url = html_text(url);
                let _ = write!(out, "<a href=\"{url}\">{url}</a>");
            }
            Span::Link(url) => out.push_str(&html_text(url)),
        }
    }
    out
}

/// Text escaped for HTML content and attribute values, on one line.
fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in one_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Writing files

/// Writes `contents` to `path`, which must not exist yet, and returns the absolute path written:
/// [`atomic::write`] with [`Existing::Refuse`]. If `path` exists, even when it appears meanwhile,
/// the error is [`WriteError::Exists`] and the file is untouched; no partial handout is ever left.
pub fn write_new(path: &Path, contents: &str) -> Result<PathBuf, ExportError> {
    Ok(atomic::write(path, contents, Existing::Refuse)?)
}

/// Writes `contents` to a new file in `dir` named `STEM.EXT`, or `STEM-2.EXT`, `STEM-3.EXT`, …
/// (the first that does not exist, up to `STEM-{MAX_NUMBERED}.EXT`), and returns the absolute
/// path written, for the browser to show: [`atomic::write_numbered`]. EXT is `format`'s
/// extension; `stem` must be a plain file name such as [`DEFAULT_STEM`].
pub fn write_unique(
    dir: &Path,
    stem: &str,
    format: Format,
    contents: &str,
) -> Result<PathBuf, ExportError> {
    Ok(atomic::write_numbered(
        dir,
        stem,
        format.extension(),
        contents,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_inline_markup() {
        assert_eq!(
            md_text("*a* _b_ [c](d) `e` <f> \\ #g ~h~ |", false),
            "\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\<f> \\\\ \\#g \\~h\\~ \\|"
        );
    }

    #[test]
    fn markdown_escapes_block_starts_only_at_block_start() {
        assert_eq!(md_text("- not a list", true), "\\- not a list");
        assert_eq!(md_text("- inline", false), "- inline");
        assert_eq!(md_text("> quote", true), "\\> quote");
        assert_eq!(md_text("+ plus", true), "\\+ plus");
        assert_eq!(md_text("1990. A year", true), "1990\\. A year");
        assert_eq!(md_text("2) two", true), "2\\) two");
        assert_eq!(
            md_text("1234567890. ten digits", true),
            "1234567890. ten digits"
        );
        assert_eq!(md_text("# heading", true), "\\# heading");
    }

    #[test]
    fn markdown_escapes_entities_but_not_a_plain_ampersand() {
        assert_eq!(md_text("Medicine & Health", false), "Medicine & Health");
        assert_eq!(md_text("&amp; &#42;", false), "\\&amp; \\&\\#42;");
    }

    #[test]
    fn text_is_put_on_one_line() {
        assert_eq!(md_text("  a\n  b\tc  ", true), "a b c");
        assert_eq!(html_text("a\n\nb"), "a b");
    }

    #[test]
    fn html_escapes_the_five_characters() {
        assert_eq!(
            html_text("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn only_plain_https_addresses_become_links() {
        assert!(is_plain_https(&onet_url("29-1123.00")));
        assert!(!is_plain_https("javascript:alert(1)"));
        assert!(!is_plain_https("https://a b"));
        assert!(!is_plain_https("https://a\"onmouseover=x"));
    }
}
