//! Synthetic catalogs for benchmarks and scale tests: not a user command.
//!
//! [`catalog_toml`] writes catalog TOML (accepted by `Catalog::from_str`) with any number of
//! occupations, built from the bundled catalog's own text so field lengths and vocabulary are
//! realistic: each occupation takes a bundled one's title under one or two modifiers ("Senior
//! Pediatric Physiotherapist"), its aliases, summary, education and settings, five duties and
//! five skills drawn from the whole catalog, three related links and a NOC code. Clusters hold
//! about fifty occupations each. The output depends only on the count, so runs are comparable.
//!
//! [`records`] writes the same occupations one per line, for comparing with line-based tools
//! such as `fzf --filter`.

use std::fmt::Write;

use crate::catalog::Catalog;

const MODIFIERS: &[&str] = &[
    "Senior",
    "Junior",
    "Lead",
    "Community",
    "Pediatric",
    "Geriatric",
    "Rural",
    "Clinical",
    "Forensic",
    "Oncology",
    "Sports",
    "Neonatal",
    "Occupational Health",
    "Emergency",
    "Palliative",
    "Research",
    "Public Sector",
    "Indigenous Health",
    "Mental Health",
    "Cardiac",
    "Neurological",
    "Home Care",
    "Long-Term Care",
    "Military",
    "Correctional",
    "Academic",
    "Telehealth",
    "Regional",
    "Northern",
    "Bilingual",
];

/// A small deterministic random number generator (xorshift64*), so no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

use crate::catalog::basic_string as quote;

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// Catalog TOML with `occupations` occupations (at least one).
pub fn catalog_toml(occupations: usize) -> String {
    let base = Catalog::bundled().expect("the bundled catalog is valid");
    let occupations = occupations.max(1);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ occupations as u64);
    let duties: Vec<&String> = base.occupations().iter().flat_map(|o| o.duties()).collect();
    let skills: Vec<&String> = base.occupations().iter().flat_map(|o| o.skills()).collect();
    let cluster_count = occupations.div_ceil(50).max(1);
    let per_cluster = occupations.div_ceil(cluster_count);
    let id = |i: usize| {
        let b = &base.occupations()[i % base.occupations().len()];
        format!("{}-{i}", b.id())
    };

    let mut out = String::with_capacity(occupations * 1600);
    let _ = writeln!(out, "title = {}", quote("Synthetic catalog"));
    let _ = writeln!(out, "description = {}\n", quote(base.description()));
    for c in 0..cluster_count {
        let bc = &base.clusters()[c % base.clusters().len()];
        let _ = writeln!(out, "[[clusters]]");
        let _ = writeln!(out, "id = {}", quote(&format!("{}-{c}", bc.id())));
        let name = if c < base.clusters().len() {
            bc.name().to_string()
        } else {
            format!("{} {}", bc.name(), MODIFIERS[c % MODIFIERS.len()])
        };
        let _ = writeln!(out, "name = {}", quote(&name));
        let _ = writeln!(out, "summary = {}", quote(bc.summary()));
        let _ = writeln!(out, "description = {}", quote(bc.description()));
        let _ = writeln!(out, "education = {}", list(bc.education()));
        let _ = writeln!(out, "settings = {}\n", list(bc.settings()));
        for i in c * per_cluster..((c + 1) * per_cluster).min(occupations) {
            let b = &base.occupations()[i % base.occupations().len()];
            let variant = i / base.occupations().len();
            let first = MODIFIERS[variant % MODIFIERS.len()];
            let title = if variant < MODIFIERS.len() {
                format!("{first} {}", b.title())
            } else {
                let second = MODIFIERS[(variant / MODIFIERS.len()) % MODIFIERS.len()];
                format!("{second} {first} {}", b.title())
            };
            let mut aliases = b.aliases().to_vec();
            if let Some(a) = aliases.first_mut() {
                *a = format!("{first} {a}");
            }
            let pick = |rng: &mut Rng, from: &[&String], n: usize| -> Vec<String> {
                (0..n).map(|_| (*rng.pick(from)).clone()).collect()
            };
            let duties = pick(&mut rng, &duties, 5);
            let skills = pick(&mut rng, &skills, 5);
            let related: Vec<String> = (0..3.min(occupations - 1))
                .map(|_| {
                    let mut j = rng.below(occupations);
                    if j == i {
                        j = (j + 1) % occupations;
                    }
                    id(j)
                })
                .collect();
            let _ = writeln!(out, "[[clusters.occupations]]");
            let _ = writeln!(out, "id = {}", quote(&id(i)));
            let _ = writeln!(out, "title = {}", quote(&title));
            let _ = writeln!(out, "aliases = {}", list(&aliases));
            let _ = writeln!(out, "summary = {}", quote(b.summary()));
            let _ = writeln!(out, "duties = {}", list(&duties));
            let _ = writeln!(out, "education = {}", list(b.education()));
            let _ = writeln!(out, "settings = {}", list(b.settings()));
            let _ = writeln!(out, "skills = {}", list(&skills));
            let mut dedup = related;
            dedup.sort();
            dedup.dedup();
            let _ = writeln!(out, "related = {}", list(&dedup));
            let _ = writeln!(
                out,
                "noc = {}",
                quote(&format!("{:05}", rng.below(100_000)))
            );
            if let Some(onet) = &b.onet() {
                let _ = writeln!(out, "onet = {}", quote(onet));
            }
            out.push('\n');
        }
    }
    out
}

/// Every occupation on one line: title, aliases, cluster, summary, duties, education, settings
/// and skills, separated by " | ".
pub fn records(catalog: &Catalog) -> String {
    let mut out = String::new();
    for o in catalog.occupations() {
        let mut fields = vec![o.title().to_string(), o.aliases().join(", ")];
        fields.push(catalog.cluster(o.cluster()).name().to_string());
        fields.push(o.summary().to_string());
        fields.extend([o.duties(), o.education(), o.settings(), o.skills()].map(|l| l.join("; ")));
        out.push_str(&fields.join(" | ").replace('\n', " "));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_catalogs_load_with_the_requested_size() {
        for n in [1, 40, 1000] {
            let text = catalog_toml(n);
            let catalog = Catalog::from_str(&text, "synthetic").expect("valid catalog");
            assert_eq!(catalog.occupations().len(), n);
            assert_eq!(records(&catalog).lines().count(), n);
        }
        assert_eq!(catalog_toml(200), catalog_toml(200), "deterministic");
    }
}
