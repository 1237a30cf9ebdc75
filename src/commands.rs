//! The commands for scripts and screen readers: `list`, `show`, `search` and `dump`, as plain
//! text (one fact per line, nothing drawn) or as JSON with a stable shape (documented in
//! `docs/catalog.md`). They write to any `io::Write`, so tests capture them and `main` passes
//! stdout; a closed pipe is the caller's to treat as success.
//!
//! `search` runs the very same [`Searcher`] as the browser, so both give the same order.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::{
    Catalog, ClusterIdx, OccupationIdx, Section, interest_letters, interest_names,
};
use crate::search::{Query, Searcher};
use crate::text::matched_word;

pub use crate::catalog::onet_url;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error("no cluster or occupation has the id \"{id}\"{}", suggest(.suggestions))]
    UnknownId {
        id: String,
        suggestions: Vec<String>,
    },
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("could not write the catalog as TOML: {0}")]
    Toml(#[from] toml::ser::Error),
}

/// The end of an "unknown id" message: the nearest ids, or where to find them all.
pub fn suggest(ids: &[String]) -> String {
    if ids.is_empty() {
        "; `career-clusters list` shows every id".to_string()
    } else {
        format!("; did you mean {}?", ids.join(", "))
    }
}

#[derive(Serialize)]
struct IdTitle<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct IdName<'a> {
    id: &'a str,
    name: &'a str,
}

fn id_title(catalog: &Catalog, o: OccupationIdx) -> IdTitle<'_> {
    let o = catalog.occupation(o);
    IdTitle {
        id: o.id(),
        title: o.title(),
    }
}

fn id_name(catalog: &Catalog, c: ClusterIdx) -> IdName<'_> {
    let c = catalog.cluster(c);
    IdName {
        id: c.id(),
        name: c.name(),
    }
}

fn json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

/// `list`: every cluster and its occupations.
pub fn list(catalog: &Catalog, out: &mut dyn Write, as_json: bool) -> io::Result<()> {
    if as_json {
        #[derive(Serialize)]
        struct Cluster<'a> {
            id: &'a str,
            name: &'a str,
            summary: &'a str,
            occupations: Vec<IdTitle<'a>>,
        }
        #[derive(Serialize)]
        struct List<'a> {
            title: &'a str,
            clusters: Vec<Cluster<'a>>,
        }
        let list = List {
            title: catalog.title(),
            clusters: catalog
                .clusters()
                .iter()
                .map(|c| Cluster {
                    id: c.id(),
                    name: c.name(),
                    summary: c.summary(),
                    occupations: c
                        .occupations()
                        .iter()
                        .map(|&o| id_title(catalog, o))
                        .collect(),
                })
                .collect(),
        };
        return json(out, &list);
    }
    for c in catalog.clusters() {
        let n = c.occupations().len();
        writeln!(
            out,
            "{} ({}) · {n} occupation{}",
            c.name(),
            c.id(),
            if n == 1 { "" } else { "s" }
        )?;
        for &o in c.occupations() {
            let o = catalog.occupation(o);
            writeln!(out, "  {} ({})", o.title(), o.id())?;
        }
    }
    Ok(())
}

/// The ids closest to an unknown one: those containing it, then the nearest by spelling.
pub fn suggestions(catalog: &Catalog, id: &str) -> Vec<String> {
    let needle = id.to_lowercase();
    let ids = catalog
        .clusters()
        .iter()
        .map(|c| c.id())
        .chain(catalog.occupations().iter().map(|o| o.id()));
    let mut scored: Vec<(usize, &str)> = ids
        .filter_map(|candidate| {
            if !needle.is_empty() && candidate.contains(&needle) {
                Some((0, candidate))
            } else {
                let d = strsim::levenshtein(&needle, candidate);
                (d <= (needle.chars().count() / 3).max(2)).then_some((d, candidate))
            }
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(3)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// `show ID`: every field of one cluster or occupation.
pub fn show(
    catalog: &Catalog,
    id: &str,
    out: &mut dyn Write,
    as_json: bool,
) -> Result<(), CommandError> {
    if let Some(o) = catalog.occupation_by_id(id) {
        show_occupation(catalog, o, out, as_json)?;
    } else if let Some(c) = catalog.cluster_by_id(id) {
        show_cluster(catalog, c, out, as_json)?;
    } else {
        return Err(CommandError::UnknownId {
            id: crate::text::sanitize(id),
            suggestions: suggestions(catalog, id),
        });
    }
    Ok(())
}

fn section(out: &mut dyn Write, heading: &str, items: &[String]) -> io::Result<()> {
    steps(out, heading, items, false)
}

/// A heading and its items, one a line: numbered when they are steps in order.
fn steps(out: &mut dyn Write, heading: &str, items: &[String], numbered: bool) -> io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{heading}")?;
    for (i, item) in items.iter().enumerate() {
        if numbered {
            writeln!(out, "  {}. {item}", i + 1)?;
        } else {
            writeln!(out, "  - {item}")?;
        }
    }
    Ok(())
}

fn show_occupation(
    catalog: &Catalog,
    o: OccupationIdx,
    out: &mut dyn Write,
    as_json: bool,
) -> io::Result<()> {
    let occ = catalog.occupation(o);
    if as_json {
        #[derive(Serialize)]
        struct Occupation<'a> {
            kind: &'static str,
            id: &'a str,
            title: &'a str,
            cluster: IdName<'a>,
            aliases: &'a [String],
            summary: &'a str,
            duties: &'a [String],
            education: &'a [String],
            settings: &'a [String],
            skills: &'a [String],
            working_conditions: &'a [String],
            career_path: &'a [String],
            related: Vec<IdTitle<'a>>,
            advances_to: Vec<IdTitle<'a>>,
            /// The Holland code's letters ("SIC"), or null.
            interests: Option<String>,
            interest_names: Vec<&'static str>,
            noc: Option<&'a str>,
            /// The NOC code's TEER, 0 to 5, and what it usually means.
            teer: Option<u8>,
            preparation: Option<&'static str>,
            /// The O*NET Job Zone, 1 to 5, and the preparation it stands for.
            job_zone: Option<u8>,
            job_zone_preparation: Option<&'static str>,
            /// The primary O*NET-SOC code.
            onet: Option<&'a str>,
            onet_url: Option<String>,
            /// Every O*NET-SOC code, the primary first.
            onet_codes: &'a [String],
            /// True when the codes are only the nearest U.S. equivalent.
            onet_nearest: bool,
        }
        return json(
            out,
            &Occupation {
                kind: "occupation",
                id: occ.id(),
                title: occ.title(),
                cluster: id_name(catalog, occ.cluster()),
                aliases: occ.aliases(),
                summary: occ.summary(),
                duties: occ.duties(),
                education: occ.education(),
                settings: occ.settings(),
                skills: occ.skills(),
                working_conditions: occ.working_conditions(),
                career_path: occ.career_path(),
                related: occ
                    .related()
                    .iter()
                    .map(|&r| id_title(catalog, r))
                    .collect(),
                advances_to: occ
                    .advances_to()
                    .iter()
                    .map(|&r| id_title(catalog, r))
                    .collect(),
                interests: (!occ.interests().is_empty()).then(|| interest_letters(occ.interests())),
                interest_names: occ.interests().iter().map(|t| t.name()).collect(),
                noc: occ.noc(),
                teer: occ.teer().map(|t| t.0),
                preparation: occ.teer().map(|t| t.words()),
                job_zone: occ.job_zone().map(|z| z.number()),
                job_zone_preparation: occ.job_zone().map(|z| z.words()),
                onet: occ.onet(),
                onet_url: occ.onet().map(onet_url),
                onet_codes: occ.onet_codes(),
                onet_nearest: occ.onet_nearest(),
            },
        );
    }
    let cluster = catalog.cluster(occ.cluster());
    writeln!(out, "{}", occ.title())?;
    writeln!(out, "id: {}", occ.id())?;
    writeln!(out, "cluster: {} ({})", cluster.name(), cluster.id())?;
    if let Some(noc) = occ.noc() {
        writeln!(out, "NOC 2021: {noc}")?;
    }
    if let Some(teer) = occ.teer() {
        writeln!(out, "preparation: {}", teer.label())?;
    }
    if let Some(zone) = occ.job_zone() {
        writeln!(out, "preparation: {}", zone.label())?;
    }
    if !occ.interests().is_empty() {
        writeln!(
            out,
            "interests: {} ({})",
            interest_letters(occ.interests()),
            interest_names(occ.interests())
        )?;
    }
    for onet in occ.onet_codes() {
        let nearest = if occ.onet_nearest() {
            ", the nearest O*NET equivalent"
        } else {
            ""
        };
        writeln!(out, "O*NET-SOC: {onet} ({}){nearest}", onet_url(onet))?;
    }
    if !occ.aliases().is_empty() {
        writeln!(out, "also called: {}", occ.aliases().join(", "))?;
    }
    writeln!(out, "\nSummary\n  {}", occ.summary())?;
    for part in Section::ALL {
        steps(out, part.heading(), part.items(occ), part.is_ordered())?;
    }
    let related: Vec<String> = occ
        .related()
        .iter()
        .map(|&r| {
            let r = catalog.occupation(r);
            format!("{} ({})", r.title(), r.id())
        })
        .collect();
    section(out, "Related occupations", &related)?;
    let next: Vec<String> = occ
        .advances_to()
        .iter()
        .map(|&r| {
            let r = catalog.occupation(r);
            format!("{} ({})", r.title(), r.id())
        })
        .collect();
    section(out, "Leads on to", &next)
}

fn show_cluster(
    catalog: &Catalog,
    c: ClusterIdx,
    out: &mut dyn Write,
    as_json: bool,
) -> io::Result<()> {
    let cluster = catalog.cluster(c);
    if as_json {
        #[derive(Serialize)]
        struct Cluster<'a> {
            kind: &'static str,
            id: &'a str,
            name: &'a str,
            summary: &'a str,
            description: &'a str,
            education: &'a [String],
            settings: &'a [String],
            occupations: Vec<IdTitle<'a>>,
        }
        return json(
            out,
            &Cluster {
                kind: "cluster",
                id: cluster.id(),
                name: cluster.name(),
                summary: cluster.summary(),
                description: cluster.description(),
                education: cluster.education(),
                settings: cluster.settings(),
                occupations: cluster
                    .occupations()
                    .iter()
                    .map(|&o| id_title(catalog, o))
                    .collect(),
            },
        );
    }
    writeln!(out, "{}", cluster.name())?;
    writeln!(out, "id: {}", cluster.id())?;
    writeln!(out, "\nSummary\n  {}", cluster.summary())?;
    if !cluster.description().is_empty() {
        writeln!(
            out,
            "\nDescription\n  {}",
            cluster.description().replace('\n', "\n  ")
        )?;
    }
    section(out, "Educational backgrounds", cluster.education())?;
    section(out, "Where people work", cluster.settings())?;
    let occupations: Vec<String> = cluster
        .occupations()
        .iter()
        .map(|&o| {
            let o = catalog.occupation(o);
            format!("{} ({})", o.title(), o.id())
        })
        .collect();
    section(out, "Occupations", &occupations)
}

/// `search QUERY`: one occupation per line, best first, each line starting with its title.
pub fn search(
    catalog: &Catalog,
    searcher: &Searcher,
    query: &str,
    out: &mut dyn Write,
    as_json: bool,
) -> io::Result<()> {
    let matches = searcher.search(&Query::parse(query));
    if as_json {
        #[derive(Serialize)]
        struct Why<'a> {
            field: &'static str,
            text: &'a str,
        }
        #[derive(Serialize)]
        struct Hit<'a> {
            id: &'a str,
            title: &'a str,
            cluster: IdName<'a>,
            score: u32,
            matched: Option<Why<'a>>,
            /// When no occupation holds every word: the words this one holds.
            #[serde(skip_serializing_if = "Option::is_none")]
            matched_words: Option<&'a [String]>,
        }
        #[derive(Serialize)]
        struct Results<'a> {
            query: &'a str,
            /// False when no occupation holds every word and the results are the closest.
            every_word: bool,
            results: Vec<Hit<'a>>,
        }
        // The query is echoed back; JSON escapes C0 controls but not C1 ones (U+009B is CSI to
        // many terminals), so it passes the sanitizer like everything else shown.
        let query = crate::text::sanitize_inline(query);
        let results = Results {
            query: &query,
            every_word: matches.first().is_none_or(|m| m.partial.is_none()),
            results: matches
                .iter()
                .map(|m| {
                    let o = catalog.occupation(m.occupation);
                    Hit {
                        id: o.id(),
                        title: o.title(),
                        cluster: id_name(catalog, o.cluster()),
                        score: m.score,
                        matched: m.reason.map(|f| Why {
                            field: f.label(),
                            text: f.text(catalog, m.occupation),
                        }),
                        matched_words: m.partial.as_deref(),
                    }
                })
                .collect(),
        };
        return json(out, &results);
    }
    if matches.first().is_some_and(|m| m.partial.is_some()) {
        writeln!(out, "(no occupation matches every word; closest first)")?;
    }
    for m in &matches {
        let o = catalog.occupation(m.occupation);
        let cluster = &catalog.cluster(o.cluster()).name();
        write!(out, "{} ({}) · {cluster}", o.title(), o.id())?;
        if let Some(words) = &m.partial {
            write!(out, " · matches: {}", words.join(", "))?;
        } else if let Some(field) = m.reason {
            let text = field.text(catalog, m.occupation);
            let text = if field.is_long() {
                matched_word(text, &m.ranges(field)).0
            } else {
                text.to_string()
            };
            write!(out, " · {}: {text}", field.label())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `dump` of the bundled catalog: the file as shipped, with its comments, so staff start from a
/// commented file (it loads to the same catalog as [`dump`]'s output).
pub fn dump_bundled(out: &mut dyn Write) -> Result<(), CommandError> {
    out.write_all(crate::catalog::BUNDLED_TOML.as_bytes())?;
    Ok(())
}

/// `dump`: the catalog as TOML.
pub fn dump(catalog: &Catalog, out: &mut dyn Write) -> Result<(), CommandError> {
    out.write_all(catalog.to_toml()?.as_bytes())?;
    Ok(())
}

/// What `interests` was asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum InterestRequest {
    Items,
    /// Score these answers, then match the code they give.
    Answers(crate::interests::Answers, Vec<crate::interests::Level>),
    /// Match this code.
    Code(Vec<crate::catalog::Riasec>, Vec<crate::interests::Level>),
}

impl InterestRequest {
    /// The request from the command line's options, or what is wrong with them.
    pub fn new(
        items: bool,
        answers: Option<&str>,
        code: Option<&str>,
        teer: Option<&str>,
        job_zone: Option<&str>,
    ) -> Result<InterestRequest, InterestUsage> {
        use crate::interests::{parse_answers, parse_code, parse_job_zones, parse_levels};
        let mut levels = teer.map(parse_levels).transpose()?.unwrap_or_default();
        levels.extend(
            job_zone
                .map(parse_job_zones)
                .transpose()?
                .unwrap_or_default(),
        );
        match (items, answers, code) {
            (true, None, None) => Ok(InterestRequest::Items),
            (false, Some(a), None) => Ok(InterestRequest::Answers(parse_answers(a)?, levels)),
            (false, None, Some(c)) => Ok(InterestRequest::Code(parse_code(c)?, levels)),
            _ => Err(InterestUsage::Choose),
        }
    }
}

/// A bad `interests` command line.
#[derive(Debug, thiserror::Error)]
pub enum InterestUsage {
    #[error("interests needs one of --items, --answers LIST or --code CODE")]
    Choose,
    #[error(transparent)]
    Input(#[from] crate::interests::InputError),
}

/// `interests`: the statements, or the scores and matches, as text or JSON.
pub fn interests(
    catalog: &Catalog,
    request: &InterestRequest,
    out: &mut dyn Write,
    as_json: bool,
) -> io::Result<()> {
    use crate::interests::{ITEMS, SCALE, Scores, matches_any, meaning, tie_sentence};
    let (scores, codes, levels) = match request {
        InterestRequest::Items => {
            if as_json {
                #[derive(Serialize)]
                struct Statement {
                    number: usize,
                    text: &'static str,
                    r#type: &'static str,
                }
                #[derive(Serialize)]
                struct Items {
                    scale: [&'static str; 5],
                    statements: Vec<Statement>,
                }
                let items = Items {
                    scale: SCALE,
                    statements: ITEMS
                        .iter()
                        .enumerate()
                        .map(|(i, it)| Statement {
                            number: i + 1,
                            text: it.text,
                            r#type: it.kind.name(),
                        })
                        .collect(),
                };
                return json(out, &items);
            }
            let scale: Vec<String> = SCALE
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{} = {s}", i + 1))
                .collect();
            writeln!(
                out,
                "How much would you like to do each of these? {}",
                scale.join(", ")
            )?;
            for (i, it) in ITEMS.iter().enumerate() {
                writeln!(out, "{:>2}. {}", i + 1, it.text)?;
            }
            return Ok(());
        }
        InterestRequest::Answers(answers, levels) => {
            let scores = Scores::from_answers(answers);
            (Some(scores), scores.codes(), levels)
        }
        InterestRequest::Code(code, levels) => (None, vec![code.clone()], levels),
    };
    let code = codes.first().cloned().unwrap_or_default();
    let found = matches_any(catalog, &codes, levels);
    let ties = scores.map(|s| s.ties()).unwrap_or_default();
    if as_json {
        #[derive(Serialize)]
        struct Score {
            r#type: &'static str,
            score: Option<f32>,
        }
        #[derive(Serialize)]
        struct OccupationFit<'a> {
            id: &'a str,
            title: &'a str,
            cluster: IdName<'a>,
            interests: String,
            band: &'static str,
            m_index: u32,
            reason: String,
        }
        #[derive(Serialize)]
        struct ClusterOut<'a> {
            id: &'a str,
            name: &'a str,
            best: &'static str,
            fitting: usize,
        }
        #[derive(Serialize)]
        struct Result<'a> {
            scores: Option<Vec<Score>>,
            code: String,
            ties: Vec<String>,
            teer: Vec<u8>,
            job_zone: Vec<u8>,
            occupations: Vec<OccupationFit<'a>>,
            clusters: Vec<ClusterOut<'a>>,
            without_code: usize,
            other_levels: usize,
        }
        let result = Result {
            scores: scores.map(|s| {
                crate::catalog::Riasec::ALL
                    .iter()
                    .map(|&t| Score {
                        r#type: t.name(),
                        score: s.of(t),
                    })
                    .collect()
            }),
            code: interest_letters(&code),
            ties: ties.iter().map(|t| tie_sentence(t)).collect(),
            teer: levels
                .iter()
                .filter_map(|l| match l {
                    crate::interests::Level::Teer(t) => Some(*t),
                    crate::interests::Level::JobZone(_) => None,
                })
                .collect(),
            job_zone: levels
                .iter()
                .filter_map(|l| match l {
                    crate::interests::Level::JobZone(z) => Some(*z),
                    crate::interests::Level::Teer(_) => None,
                })
                .collect(),
            occupations: found
                .occupations
                .iter()
                .map(|f| {
                    let o = catalog.occupation(f.occupation);
                    OccupationFit {
                        id: o.id(),
                        title: o.title(),
                        cluster: id_name(catalog, o.cluster()),
                        interests: interest_letters(o.interests()),
                        band: f.band.label(),
                        m_index: f.m,
                        reason: f.reason(),
                    }
                })
                .collect(),
            clusters: found
                .clusters
                .iter()
                .map(|c| {
                    let cluster = catalog.cluster(c.cluster);
                    ClusterOut {
                        id: cluster.id(),
                        name: cluster.name(),
                        best: c.best.label(),
                        fitting: c.fitting,
                    }
                })
                .collect(),
            without_code: found.without_code,
            other_levels: found.other_levels,
        };
        return json(out, &result);
    }
    if let Some(scores) = scores {
        for t in crate::catalog::Riasec::ALL {
            match scores.of(t) {
                Some(s) => writeln!(
                    out,
                    "{:<14} {s:.1} {}",
                    t.name(),
                    "#".repeat((s * 4.0).round() as usize)
                )?,
                None => writeln!(out, "{:<14} -   (every statement skipped)", t.name())?,
            }
        }
    }
    writeln!(
        out,
        "code: {} ({})",
        interest_letters(&code),
        interest_names(&code)
    )?;
    for tie in &ties {
        writeln!(out, "{}", tie_sentence(tie))?;
    }
    for t in &code {
        writeln!(out, "{}: {}", t.name(), meaning(*t))?;
    }
    let mut left_out = Vec::new();
    if found.without_code > 0 {
        left_out.push(format!("{} without a Holland code", found.without_code));
    }
    if found.other_levels > 0 {
        left_out.push(format!(
            "{} at other preparation levels",
            found.other_levels
        ));
    }
    let note = if left_out.is_empty() {
        String::new()
    } else {
        format!(" (left out: {})", left_out.join(", "))
    };
    writeln!(out, "\nClusters{note}")?;
    for c in &found.clusters {
        let cluster = catalog.cluster(c.cluster);
        writeln!(
            out,
            "  {} ({}) · best: {} · {} fitting",
            cluster.name(),
            cluster.id(),
            c.best.label(),
            c.fitting
        )?;
    }
    writeln!(out, "\nOccupations")?;
    for f in &found.occupations {
        let o = catalog.occupation(f.occupation);
        writeln!(
            out,
            "  {} · {} ({}) · {} · {}",
            f.band.label(),
            o.title(),
            o.id(),
            catalog.cluster(o.cluster()).name(),
            f.reason()
        )?;
    }
    if found.occupations.is_empty() {
        writeln!(out, "  none fits this code{note}")?;
    }
    Ok(())
}
