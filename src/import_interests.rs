//! Holland codes for NOC unit groups, from O*NET: `import noc --onet-interests Interests.txt
//! --crosswalk onet-to-noc2021-mapping.csv` fills each imported occupation's `interests`.
//!
//! The crosswalk (British Columbia's O*NET 2019 → NOC 2021, v3.0.0) represents a NOC unit group
//! as a weighted spread over O*NET occupations, so a unit group's six interest scores are the
//! weighted mean of the O*NET `OI` scores (1–7) of its occupations, with the crosswalk's
//! `down_weight` (its noise-reduced weight); the code is the three highest, strongest first.
//! A code is filled only where that is clear: the O*NET occupations with interest data must carry
//! at least half of the unit group's weight ([`MIN_COVERAGE`]). Unit groups the crosswalk is
//! known to map wrongly are never filled ([`KNOWN_GAPS`]: 32102 paramedical occupations maps
//! only to ambulance drivers, although O*NET has emergency medical technicians and paramedics).
//!
//! Both files are read with a size cap; a wrong header names the columns expected; a malformed
//! row is a warning with its line, not the end of the import. Must not touch the catalog itself:
//! it hands codes to the importer.

use std::collections::HashMap;
use std::io;
use std::path::Path;

use crate::catalog::Riasec;

/// The least share of a unit group's crosswalk weight that must have O*NET interest data.
pub const MIN_COVERAGE: f64 = 0.5;

/// Unit groups whose crosswalk mapping is known to be wrong for interests.
pub const KNOWN_GAPS: &[&str] = &["32102"];

/// The largest file read, in bytes (Interests.txt is about 1 MB, the crosswalk 250 kB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why the O*NET or crosswalk file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum InterestsError {
    #[error("{file}: {source}")]
    Read {
        file: String,
        #[source]
        source: io::Error,
    },
    #[error("{file}: larger than {limit} bytes; it is not the file expected")]
    TooLarge { file: String, limit: u64 },
    #[error("{file}: line 1: the header has no `{missing}` column (expected {expected})")]
    Header {
        file: String,
        missing: &'static str,
        expected: &'static str,
    },
}

/// Codes by NOC unit group, and what was read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NocInterests {
    by_noc: HashMap<String, Vec<Riasec>>,
    /// Lines skipped, with why.
    pub warnings: Vec<String>,
}

impl NocInterests {
    /// The Holland code of a unit group, where it is clear.
    pub fn code(&self, noc: &str) -> Option<&[Riasec]> {
        self.by_noc.get(noc).map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.by_noc.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_noc.is_empty()
    }

    /// Reads O*NET's `Interests.txt` and the crosswalk CSV.
    pub fn read_files(interests: &Path, crosswalk: &Path) -> Result<NocInterests, InterestsError> {
        NocInterests::from_texts(
            &read_capped(interests)?,
            &file_name(interests),
            &read_capped(crosswalk)?,
            &file_name(crosswalk),
        )
    }

    /// Reads the two files' text (`names` for messages).
    pub fn from_texts(
        interests: &str,
        interests_name: &str,
        crosswalk: &str,
        crosswalk_name: &str,
    ) -> Result<NocInterests, InterestsError> {
        let mut warnings = Vec::new();
        let scores = onet_scores(interests, interests_name, &mut warnings)?;
        let mut weights: HashMap<String, Vec<(String, f64)>> = HashMap::new();
        for row in read_crosswalk(crosswalk, crosswalk_name, &mut |line, why| {
            warnings.push(format!("{crosswalk_name}: line {line}: {why}"));
        })? {
            weights
                .entry(row.noc)
                .or_default()
                .push((row.onet, row.weight));
        }
        let mut by_noc = HashMap::new();
        for (noc, mapped) in weights {
            if KNOWN_GAPS.contains(&noc.as_str()) {
                continue;
            }
            let total: f64 = mapped.iter().map(|(_, w)| w).sum();
            let mut sum = [0f64; 6];
            let mut covered = 0f64;
            for (onet, w) in &mapped {
                if let Some(s) = scores.get(onet) {
                    covered += w;
                    for t in 0..6 {
                        sum[t] += w * f64::from(s[t]);
                    }
                }
            }
            if total <= 0.0 || covered / total < MIN_COVERAGE {
                continue;
            }
            let mut ranked: Vec<(Riasec, f64)> = Riasec::ALL
                .into_iter()
                .zip(sum)
                .map(|(t, s)| (t, s / covered))
                .collect();
            ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
            by_noc.insert(noc, ranked.into_iter().take(3).map(|(t, _)| t).collect());
        }
        Ok(NocInterests { by_noc, warnings })
    }
}

/// One mapping of the crosswalk: an O*NET-SOC code, a NOC 2021 unit group, and the row's
/// `down_weight` (the share of the unit group this O*NET occupation stands for, noise-reduced).
#[derive(Debug, Clone, PartialEq)]
pub struct CrosswalkRow {
    pub onet: String,
    pub noc: String,
    pub weight: f64,
}

/// The rows of the crosswalk CSV (`name` for messages). A row that is not a mapping is handed to
/// `skipped` with its line and why, and left out; a header without the columns is an error.
pub fn read_crosswalk(
    text: &str,
    name: &str,
    skipped: &mut dyn FnMut(u64, &str),
) -> Result<Vec<CrosswalkRow>, InterestsError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    const EXPECTED: &str = "`onet_soc_code`, `noc_2021` and `down_weight`";
    let header = reader.headers().cloned().unwrap_or_default();
    let column = |wanted: &'static str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').trim() == wanted)
            .ok_or(InterestsError::Header {
                file: name.to_string(),
                missing: wanted,
                expected: EXPECTED,
            })
    };
    let (onet_at, noc_at, weight_at) = (
        column("onet_soc_code")?,
        column("noc_2021")?,
        column("down_weight")?,
    );
    let mut rows = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let parsed = row.ok().and_then(|r| {
            let onet = r.get(onet_at)?.trim().to_string();
            let noc = r.get(noc_at)?.trim().to_string();
            let weight: f64 = r.get(weight_at)?.trim().parse().ok()?;
            (weight.is_finite() && weight >= 0.0).then_some(CrosswalkRow { onet, noc, weight })
        });
        match parsed {
            Some(row) => rows.push(row),
            None => skipped(line, "not a mapping row; skipped"),
        }
    }
    Ok(rows)
}

/// A file's whole text, read with the [`MAX_BYTES`] cap (only a regular file).
pub fn read_capped(path: &Path) -> Result<String, InterestsError> {
    let name = crate::text::sanitize_inline(&path.display().to_string());
    let file = crate::input::open_regular(path).map_err(|e| InterestsError::Read {
        file: name.clone(),
        source: match e {
            crate::input::OpenError::Io(e) => e,
            other => io::Error::other(other.to_string()),
        },
    })?;
    let mut text = String::new();
    let mut capped = io::Read::take(file, MAX_BYTES + 1);
    io::Read::read_to_string(&mut capped, &mut text).map_err(|source| InterestsError::Read {
        file: name.clone(),
        source,
    })?;
    if text.len() as u64 > MAX_BYTES {
        return Err(InterestsError::TooLarge {
            file: name,
            limit: MAX_BYTES,
        });
    }
    Ok(text)
}

fn file_name(path: &Path) -> String {
    crate::text::sanitize_inline(&path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    ))
}

/// The six `OI` scores of each O*NET occupation in `Interests.txt`.
fn onet_scores(
    text: &str,
    name: &str,
    warnings: &mut Vec<String>,
) -> Result<HashMap<String, [f32; 6]>, InterestsError> {
    const EXPECTED: &str =
        "`O*NET-SOC Code`, `Element Name`, `Scale ID` and `Data Value`, tab-separated";
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |wanted: &'static str| {
        header
            .iter()
            .position(|h| h.trim() == wanted)
            .ok_or(InterestsError::Header {
                file: name.to_string(),
                missing: wanted,
                expected: EXPECTED,
            })
    };
    let (code_at, element_at, scale_at, value_at) = (
        column("O*NET-SOC Code")?,
        column("Element Name")?,
        column("Scale ID")?,
        column("Data Value")?,
    );
    let mut scores: HashMap<String, [f32; 6]> = HashMap::new();
    for (i, line) in lines.enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let get = |at: usize| fields.get(at).map(|f| f.trim());
        let (Some(code), Some(element), Some(scale), Some(value)) =
            (get(code_at), get(element_at), get(scale_at), get(value_at))
        else {
            if !line.trim().is_empty() {
                warnings.push(format!("{name}: line {}: too few fields; skipped", i + 2));
            }
            continue;
        };
        if scale != "OI" {
            continue;
        }
        let Some(t) = Riasec::ALL.iter().position(|t| t.name() == element) else {
            continue;
        };
        match value.parse::<f32>() {
            Ok(v) if v.is_finite() => scores.entry(code.to_string()).or_insert([0.0; 6])[t] = v,
            _ => warnings.push(format!(
                "{name}: line {}: `{}` is not a score; skipped",
                i + 2,
                crate::text::sanitize_inline(value)
            )),
        }
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTERESTS: &str = "O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tScale Name\tData Value\n\
        29-1123.00\tPhysical Therapists\t1.B.1.a\tRealistic\tOI\tx\t4.0\n\
        29-1123.00\tPhysical Therapists\t1.B.1.b\tInvestigative\tOI\tx\t5.0\n\
        29-1123.00\tPhysical Therapists\t1.B.1.d\tSocial\tOI\tx\t6.5\n\
        29-1123.00\tPhysical Therapists\t1.B.1.c\tArtistic\tOI\tx\t1.5\n\
        29-1123.00\tPhysical Therapists\t1.B.1.e\tEnterprising\tOI\tx\t2.0\n\
        29-1123.00\tPhysical Therapists\t1.B.1.f\tConventional\tOI\tx\t2.5\n\
        29-1123.00\tPhysical Therapists\t1.B.1.g\tFirst Interest High-Point\tIH\tx\t4.0\n\
        53-3011.00\tAmbulance Drivers\t1.B.1.a\tRealistic\tOI\tx\t6.0\n";

    const CROSSWALK: &str = "onet_soc_code,onet_plus_title,noc_2021,noc_plus_title,equal_weight,path_weight,base_weight,down_weight\n\
        29-1123.00,x,31202,x,1,1,1,1.0\n\
        53-3011.00,x,32102,x,1,1,1,1.0\n\
        29-1123.00,x,31204,x,1,1,1,0.2\n\
        99-9999.00,x,31204,x,1,1,1,0.8\n\
        broken\n";

    #[test]
    fn a_unit_group_gets_the_weighted_code_where_the_mapping_is_clear() {
        let found = NocInterests::from_texts(INTERESTS, "Interests.txt", CROSSWALK, "map.csv")
            .expect("reads");
        assert_eq!(
            found.code("31202"),
            Some(&[Riasec::Social, Riasec::Investigative, Riasec::Realistic][..])
        );
        // the known gap is never filled, and a group mostly mapped to occupations without data
        // is left out rather than guessed
        assert_eq!(found.code("32102"), None);
        assert_eq!(found.code("31204"), None);
        assert_eq!(
            found.warnings,
            ["map.csv: line 6: not a mapping row; skipped"]
        );
    }

    #[test]
    fn a_wrong_header_names_the_columns_expected() {
        let err = NocInterests::from_texts("code\tname\n", "Interests.txt", CROSSWALK, "map.csv")
            .expect_err("not Interests.txt");
        assert!(
            err.to_string()
                .starts_with("Interests.txt: line 1: the header has no `O*NET-SOC Code` column"),
            "{err}"
        );
        let err = NocInterests::from_texts(INTERESTS, "Interests.txt", "a,b\n", "map.csv")
            .expect_err("not the crosswalk");
        assert!(
            err.to_string().contains("no `onet_soc_code` column"),
            "{err}"
        );
    }
}
