//! A synthetic NOC 2021 elements CSV the size of the real one: 516 unit groups, about 30,000
//! example titles, about 5 MB, in the published layout (BOM-less UTF-8, CRLF, quoted titles,
//! trailing blanks, the "This group performs…" lead-in, exclusions naming other unit groups).
//!
//! Deterministic (a fixed linear congruential generator), so every run measures the same file.
//! Shared by `benches/import.rs` and `tests/import.rs` (which checks the counts, not the speed).

/// Unit groups in NOC 2021.
pub const UNIT_GROUPS: usize = 516;
/// Example titles ("All examples") per unit group: 516 × 58 ≈ 30,000.
pub const EXAMPLES_PER_GROUP: usize = 58;
/// Illustrative examples per unit group (repeated among the examples, as in the real file).
pub const ILLUSTRATIVE_PER_GROUP: usize = 8;

const HEADER: &str = "Level,Code - NOC 2021 V1.0,Class title,Element Type Label English,Element Description English\r\n";

const FIELDS: &[&str] = &[
    "health",
    "nursing",
    "dental",
    "medical",
    "laboratory",
    "pharmacy",
    "therapy",
    "surgical",
    "veterinary",
    "optical",
    "respiratory",
    "cardiology",
    "radiation",
    "rehabilitation",
    "financial",
    "insurance",
    "banking",
    "legal",
    "social",
    "community",
    "education",
    "library",
    "museum",
    "broadcasting",
    "software",
    "electrical",
    "mechanical",
    "chemical",
    "mining",
    "forestry",
    "agricultural",
    "fishing",
    "food processing",
    "textile",
    "printing",
    "retail",
    "wholesale",
    "hospitality",
    "tourism",
    "transport",
    "aviation",
    "marine",
    "railway",
    "construction",
    "plumbing",
    "carpentry",
    "welding",
    "automotive",
    "utilities",
    "water",
];
const ROLES: &[&str] = &[
    "manager",
    "supervisor",
    "technician",
    "technologist",
    "assistant",
    "clerk",
    "officer",
    "coordinator",
    "specialist",
    "consultant",
    "inspector",
    "operator",
    "analyst",
    "engineer",
    "therapist",
    "counsellor",
    "instructor",
    "attendant",
    "aide",
    "worker",
    "labourer",
    "mechanic",
    "installer",
    "repairer",
    "designer",
    "planner",
    "researcher",
    "administrator",
];
const QUALIFIERS: &[&str] = &[
    "senior",
    "junior",
    "chief",
    "head",
    "lead",
    "clinical",
    "field",
    "district",
    "regional",
    "apprentice",
    "certified",
    "registered",
    "licensed",
    "trainee",
    "night",
    "shift",
];
const VERBS: &[&str] = &[
    "Plan",
    "Organize",
    "Direct",
    "Assess",
    "Prepare",
    "Operate",
    "Maintain",
    "Inspect",
    "Record",
    "Advise",
    "Coordinate",
    "Monitor",
    "Repair",
    "Install",
    "Test",
    "Train",
    "Evaluate",
    "Develop",
];
const OBJECTS: &[&str] = &[
    "equipment and supplies",
    "schedules and budgets",
    "client records",
    "work procedures",
    "safety inspections",
    "reports for management",
    "quality control programs",
    "staff training",
    "laboratory specimens",
    "treatment plans",
    "customer accounts",
    "maintenance logs",
];

/// A small deterministic pseudo-random generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Quotes a field when it needs it, doubling inner quotes.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The codes of the synthetic unit groups: five digits, spread over the ten broad categories and
/// their TEER categories, as the real ones are.
pub fn codes() -> Vec<String> {
    (0..UNIT_GROUPS)
        .map(|i| {
            let broad = i % 10;
            let teer = (i / 10) % 6;
            let n = i / 60;
            format!("{broad}{teer}{:03}", 100 + n * 7)
        })
        .collect()
}

/// The whole synthetic elements file.
pub fn elements_csv() -> String {
    let mut rng = Lcg(0x5eed_2021);
    let codes = codes();
    let titles: Vec<String> = codes
        .iter()
        .map(|_| {
            format!(
                "{} {}s and {} {}s",
                capital(rng.pick(FIELDS)),
                rng.pick(ROLES),
                rng.pick(FIELDS),
                rng.pick(ROLES)
            )
        })
        .collect();
    let mut out = String::with_capacity(5_500_000);
    out.push_str(HEADER);
    for (i, code) in codes.iter().enumerate() {
        let title = field(&titles[i]);
        let mut row = |kind: &str, text: &str| {
            out.push_str("5,");
            out.push_str(code);
            out.push(',');
            out.push_str(&title);
            out.push(',');
            out.push_str(kind);
            out.push(',');
            out.push_str(&field(&format!("{text} ")));
            out.push_str("\r\n");
        };
        let examples: Vec<String> = (0..EXAMPLES_PER_GROUP)
            .map(|j| {
                format!(
                    "{} {} {} {}",
                    rng.pick(QUALIFIERS),
                    rng.pick(FIELDS),
                    rng.pick(ROLES),
                    j + 1
                )
            })
            .collect();
        for example in &examples[..ILLUSTRATIVE_PER_GROUP] {
            row("Illustrative example(s)", example);
        }
        for example in &examples {
            row("All examples", example);
        }
        for _ in 0..3 {
            let inclusion = format!("{} {}", rng.pick(FIELDS), rng.pick(ROLES));
            row("Inclusion(s)", &inclusion);
        }
        for _ in 0..4 {
            let other = rng.next() % codes.len();
            let exclusion = format!(
                "{} {}  (See {} {})",
                capital(rng.pick(FIELDS)),
                rng.pick(ROLES),
                codes[other],
                titles[other]
            );
            row("Exclusion(s)", &exclusion);
        }
        row(
            "Main duties",
            "This group performs some or all of the following duties:",
        );
        for _ in 0..10 {
            let duty = format!(
                "{} {} and {} for {} operations",
                rng.pick(VERBS),
                rng.pick(OBJECTS),
                rng.pick(OBJECTS),
                rng.pick(FIELDS)
            );
            row("Main duties", &duty);
        }
        for _ in 0..3 {
            let requirement = format!(
                "Completion of a college or university program in {} or {} is usually required.",
                rng.pick(FIELDS),
                rng.pick(FIELDS)
            );
            row("Employment requirements", &requirement);
        }
        row(
            "Additional information",
            "Progression to management positions is possible with experience.",
        );
    }
    out
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
