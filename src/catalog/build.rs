//! The validating constructor for catalogs made in memory rather than read from a file (the
//! importers): [`Catalog::build`] applies the loader's rules about values — text made safe and
//! trimmed, one-line fields on one line, required fields present, ids in lowercase kebab-case and
//! unique, well-formed codes, related ids that name another occupation — so a built catalog is as
//! trustworthy as a loaded one, and nothing outside `catalog` can make an invalid one. With no
//! file to point into, each problem names the cluster or occupation it is about.
//!
//! This module must not parse or write TOML; it shares its rules with `read` through the
//! predicates in the parent module.

use rustc_hash::FxHashMap;

use super::read::ONE_LINE_KEYS;
use super::{
    Catalog, Cluster, ClusterIdx, Occupation, OccupationIdx, is_kebab_id, is_noc, is_onet,
    parse_interests,
};
use crate::text::sanitize;

/// A catalog to build: what a file would say, with related occupations named by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogDraft {
    pub title: String,
    pub description: String,
    pub clusters: Vec<ClusterDraft>,
}

/// A cluster to build, with its occupations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterDraft {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub education: Vec<String>,
    pub settings: Vec<String>,
    pub occupations: Vec<OccupationDraft>,
}

/// An occupation to build; `related` holds occupation ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OccupationDraft {
    pub id: String,
    pub title: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub duties: Vec<String>,
    pub education: Vec<String>,
    pub settings: Vec<String>,
    pub skills: Vec<String>,
    pub working_conditions: Vec<String>,
    pub career_path: Vec<String>,
    /// Ids of real next steps.
    pub advances_to: Vec<String>,
    /// A Holland code such as "SIA"; empty when not known.
    pub interests: String,
    pub related: Vec<String>,
    pub noc: Option<String>,
    /// O*NET-SOC codes, the primary first.
    pub onet: Vec<String>,
    pub onet_nearest: bool,
    /// The O*NET Job Zone, 1 to 5.
    pub job_zone: Option<u8>,
}

/// Why a draft is not a catalog: every problem found, each naming what it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the catalog is not valid: {}", .problems.join("; "))]
pub struct BuildError {
    pub problems: Vec<String>,
}

/// Collects problems while a draft is cleaned.
#[derive(Default)]
struct Checker {
    problems: Vec<String>,
}

impl Checker {
    /// The text made safe and trimmed; a problem when required and empty, or when a one-line
    /// field has a line break.
    fn text(&mut self, what: &str, key: &str, text: &str, required: bool) -> String {
        if ONE_LINE_KEYS.contains(&key) && text.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
            self.problems
                .push(format!("`{key}` of {what} must be on one line"));
        }
        let cleaned = sanitize(text.trim());
        if required && cleaned.is_empty() {
            self.problems.push(format!("{what} has an empty `{key}`"));
        }
        cleaned
    }

    fn list(&mut self, what: &str, key: &str, items: &[String]) -> Vec<String> {
        items
            .iter()
            .filter_map(|item| {
                let cleaned = self.text(what, key, item, false);
                if cleaned.is_empty() {
                    self.problems
                        .push(format!("an item of `{key}` of {what} is empty"));
                    None
                } else {
                    Some(cleaned)
                }
            })
            .collect()
    }

    fn id(&mut self, what: &str, id: &str, seen: &mut FxHashMap<String, ()>) -> String {
        let id = self.text(what, "id", id, true);
        if !id.is_empty() && !is_kebab_id(&id) {
            self.problems
                .push(format!("{what}: id \"{id}\" is not lowercase kebab-case"));
        }
        if seen.insert(id.clone(), ()).is_some() {
            self.problems
                .push(format!("{what}: id \"{id}\" is used twice"));
        }
        id
    }

    fn code(
        &mut self,
        what: &str,
        key: &str,
        code: Option<&str>,
        valid: fn(&str) -> bool,
    ) -> Option<String> {
        let code = self.text(what, key, code?, false);
        if code.is_empty() {
            return None;
        }
        if !valid(&code) {
            self.problems
                .push(format!("{what}: {key} code \"{code}\" is malformed"));
        }
        Some(code)
    }
}

impl Catalog {
    /// The validating constructor: a catalog from a draft, with every rule the loader applies
    /// to a file's values, or every problem found.
    pub fn build(draft: CatalogDraft) -> Result<Catalog, BuildError> {
        let mut check = Checker::default();
        let title = check.text("the catalog", "title", &draft.title, true);
        let description = check.text("the catalog", "description", &draft.description, false);
        let mut clusters = Vec::with_capacity(draft.clusters.len());
        let mut occupations: Vec<Occupation> = Vec::new();
        let mut related_ids: Vec<Vec<String>> = Vec::new();
        let mut advances_ids: Vec<Vec<String>> = Vec::new();
        let mut cluster_ids = FxHashMap::default();
        let mut occupation_ids = FxHashMap::default();
        if draft.clusters.is_empty() {
            check.problems.push("the catalog has no clusters".into());
        }
        for (c, cluster) in draft.clusters.into_iter().enumerate() {
            let what = format!("cluster {}", c + 1);
            let id = check.id(&what, &cluster.id, &mut cluster_ids);
            let what = format!("cluster \"{id}\"");
            let mut members = Vec::with_capacity(cluster.occupations.len());
            for (o, occupation) in cluster.occupations.into_iter().enumerate() {
                let at = format!("occupation {} of {what}", o + 1);
                let oid = check.id(&at, &occupation.id, &mut occupation_ids);
                let at = format!("occupation \"{oid}\"");
                members.push(OccupationIdx(occupations.len()));
                related_ids.push(check.list(&at, "related", &occupation.related));
                advances_ids.push(check.list(&at, "advances_to", &occupation.advances_to));
                let interests = if occupation.interests.trim().is_empty() {
                    Vec::new()
                } else {
                    parse_interests(occupation.interests.trim()).unwrap_or_else(|why| {
                        check.problems.push(format!(
                            "{at}: the Holland code \"{}\" is not valid: {why}",
                            occupation.interests
                        ));
                        Vec::new()
                    })
                };
                let mut onet = Vec::new();
                for code in &occupation.onet {
                    if let Some(code) = check.code(&at, "onet", Some(code), is_onet)
                        && !onet.contains(&code)
                    {
                        onet.push(code);
                    }
                }
                if occupation.onet_nearest && onet.is_empty() {
                    check
                        .problems
                        .push(format!("{at}: `onet_nearest` without an O*NET code"));
                }
                let job_zone = occupation.job_zone.and_then(|zone| {
                    let found = super::JobZone::new(zone);
                    if found.is_none() {
                        check
                            .problems
                            .push(format!("{at}: job_zone {zone} is not a Job Zone (1 to 5)"));
                    }
                    found
                });
                occupations.push(Occupation {
                    job_zone,
                    title: check.text(&at, "title", &occupation.title, true),
                    cluster: ClusterIdx(c),
                    aliases: check.list(&at, "aliases", &occupation.aliases),
                    summary: check.text(&at, "summary", &occupation.summary, true),
                    duties: check.list(&at, "duties", &occupation.duties),
                    education: check.list(&at, "education", &occupation.education),
                    settings: check.list(&at, "settings", &occupation.settings),
                    skills: check.list(&at, "skills", &occupation.skills),
                    related: Vec::new(),
                    noc: check.code(&at, "noc", occupation.noc.as_deref(), is_noc),
                    onet,
                    onet_nearest: occupation.onet_nearest,
                    interests,
                    working_conditions: check.list(
                        &at,
                        "working_conditions",
                        &occupation.working_conditions,
                    ),
                    career_path: check.list(&at, "career_path", &occupation.career_path),
                    advances_to: Vec::new(),
                    id: oid,
                });
            }
            clusters.push(Cluster {
                name: check.text(&what, "name", &cluster.name, true),
                summary: check.text(&what, "summary", &cluster.summary, true),
                description: check.text(&what, "description", &cluster.description, false),
                education: check.list(&what, "education", &cluster.education),
                settings: check.list(&what, "settings", &cluster.settings),
                occupations: members,
                id,
            });
        }
        let index: FxHashMap<String, usize> = occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        for (key, lists) in [("related", related_ids), ("advances_to", advances_ids)] {
            for (i, ids) in lists.into_iter().enumerate() {
                let mut resolved = Vec::with_capacity(ids.len());
                for id in ids {
                    match index.get(&id) {
                        Some(&j) if j == i => check
                            .problems
                            .push(format!("occupation \"{id}\" lists itself in `{key}`")),
                        Some(&j) => {
                            if !resolved.contains(&OccupationIdx(j)) {
                                resolved.push(OccupationIdx(j));
                            }
                        }
                        None => check.problems.push(format!(
                            "occupation \"{}\": {key} id \"{id}\" is not an occupation in this catalog",
                            occupations[i].id
                        )),
                    }
                }
                if key == "related" {
                    occupations[i].related = resolved;
                } else {
                    occupations[i].advances_to = resolved;
                }
            }
        }
        if !check.problems.is_empty() {
            return Err(BuildError {
                problems: check.problems,
            });
        }
        Ok(Catalog {
            title,
            description,
            clusters,
            occupations,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occupation(id: &str, related: &[&str]) -> OccupationDraft {
        OccupationDraft {
            id: id.into(),
            title: format!("Title of {id}"),
            summary: "Does things.".into(),
            related: related.iter().map(|r| r.to_string()).collect(),
            ..OccupationDraft::default()
        }
    }

    fn draft(occupations: Vec<OccupationDraft>) -> CatalogDraft {
        CatalogDraft {
            title: "A catalog".into(),
            description: String::new(),
            clusters: vec![ClusterDraft {
                id: "care".into(),
                name: "Care".into(),
                summary: "Caring.".into(),
                occupations,
                ..ClusterDraft::default()
            }],
        }
    }

    #[test]
    fn a_valid_draft_builds_with_related_ids_resolved_and_round_trips() {
        let catalog = Catalog::build(draft(vec![
            occupation("nurse", &["aide", "aide"]),
            occupation("aide", &[]),
        ]))
        .expect("valid");
        let nurse = catalog.occupation_by_id("nurse").expect("nurse");
        let aide = catalog.occupation_by_id("aide").expect("aide");
        assert_eq!(
            catalog.occupation(nurse).related(),
            [aide],
            "duplicates dropped"
        );
        let toml = catalog.to_toml().expect("toml");
        assert_eq!(Catalog::from_str(&toml, "built").expect("loads"), catalog);
    }

    #[test]
    fn every_problem_is_reported_and_names_what_it_is_about() {
        let mut bad = occupation("Bad Id", &["nobody", "Bad Id"]);
        bad.title = "two\nlines".into();
        bad.noc = Some("1234".into());
        bad.aliases = vec!["  ".into()];
        let mut twice = occupation("twice", &[]);
        twice.summary = " ".into();
        let err = Catalog::build(draft(vec![bad, twice.clone(), twice])).expect_err("invalid");
        let all = err.problems.join("\n");
        for expected in [
            "occupation 1 of cluster \"care\": id \"Bad Id\" is not lowercase kebab-case",
            "`title` of occupation \"Bad Id\" must be on one line",
            "occupation \"Bad Id\": noc code \"1234\" is malformed",
            "an item of `aliases` of occupation \"Bad Id\" is empty",
            "occupation \"twice\" has an empty `summary`",
            "occupation 3 of cluster \"care\": id \"twice\" is used twice",
            "related id \"nobody\" is not an occupation",
            "occupation \"Bad Id\" lists itself in `related`",
        ] {
            assert!(all.contains(expected), "missing {expected:?} in\n{all}");
        }
    }

    #[test]
    fn text_is_made_safe_as_the_loader_does() {
        let mut o = occupation("nurse", &[]);
        o.title = "  Nurse\u{1b}]0;x\u{7}  ".into();
        let catalog = Catalog::build(draft(vec![o])).expect("valid");
        let title = catalog.occupations()[0].title();
        assert!(
            !title.contains('\u{1b}') && !title.contains('\u{7}'),
            "{title:?}"
        );
        assert!(title.starts_with("Nurse"), "{title:?}");
    }
}
