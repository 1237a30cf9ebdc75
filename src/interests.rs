//! The interest check: Holland's six interest types (RIASEC), statements a person rates, the
//! six scores and the three-letter code they give, and the ranking of occupations and clusters
//! by how well their codes fit the person's.
//!
//! # The statements
//! 42 activity statements, seven for each type, written for this program (the O*NET Interest
//! Profiler's items are copyrighted; Holland's six types are public knowledge). They mix everyday
//! activities with health-related ones, so the result means something to a student who has never
//! worked. Each is rated from 1 ("dislike a lot") to 5 ("like a lot"), or skipped.
//!
//! # Scores and the code
//! A type's score is the mean of its rated statements, 1.0–5.0 (a type with every statement
//! skipped has no score and is not in the code). The code is the (up to) three highest types,
//! strongest first; equal scores are kept in R I A S E C order and reported as ties, so a result
//! says "Social and Investigative are tied" instead of pretending one is stronger.
//!
//! # Congruence: Iachan's M index
//! How well a person's code fits an occupation's is Iachan's (1984) M index: each letter the two
//! codes share adds a weight that depends on its place in each code,
//!
//! ```text
//!                 occupation 1st  2nd  3rd
//!   person 1st              22    10    4
//!   person 2nd              10     5    2
//!   person 3rd               4     2    1
//! ```
//!
//! from 0 (nothing shared) to 28 (the same three letters in the same order). We use it rather
//! than Brown and Gore's C index because it weighs agreement on the first letter most — the type
//! a counsellor reads first — and still credits letters shared out of order, and it needs no
//! hexagon distances, so a one- or two-letter occupation code is scored by the same table. The
//! result is given in bands, not numbers: strong (M ≥ 25: the first letter and another shared,
//! in about the same order), good (M ≥ 15), some fit (M ≥ 5); below that an occupation is not
//! listed. Clusters rank by the mean M of their three best occupations (so a cluster with
//! several close fits comes before one that is merely large), then by their best.
//!
//! Pure: no terminal, no files. Nothing here stores answers; callers keep them in memory only.

use crate::catalog::{Catalog, ClusterIdx, JobZone, Occupation, OccupationIdx, Riasec, Teer};

/// One statement of the check and the type it speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub kind: Riasec,
    pub text: &'static str,
}

const fn item(kind: Riasec, text: &'static str) -> Item {
    Item { kind, text }
}

use Riasec::{Artistic, Conventional, Enterprising, Investigative, Realistic, Social};

/// The statements, in the order they are asked: the types take turns, so no type's statements
/// come in a block.
pub static ITEMS: [Item; 42] = [
    item(Realistic, "Fix a bike, a lamp or something else that broke"),
    item(
        Investigative,
        "Find out why something happened by testing your ideas",
    ),
    item(Artistic, "Draw, paint or design something of your own"),
    item(Social, "Help a friend through a hard time"),
    item(Enterprising, "Lead a group or a school project"),
    item(Conventional, "Keep notes, files or lists in good order"),
    item(Realistic, "Build something with wood, tools or a kit"),
    item(Investigative, "Read about how the human body works"),
    item(Artistic, "Write a story, a poem or a song"),
    item(Social, "Teach someone a skill you are good at"),
    item(Enterprising, "Convince people to back your idea"),
    item(Conventional, "Check a piece of work carefully for mistakes"),
    item(Realistic, "Work outdoors, whatever the weather"),
    item(Investigative, "Solve a hard math or logic puzzle"),
    item(Artistic, "Play an instrument or sing"),
    item(Social, "Look after young children or an older relative"),
    item(Enterprising, "Start a small business or a fundraiser"),
    item(
        Conventional,
        "Follow clear steps to get a task exactly right",
    ),
    item(
        Realistic,
        "Set up and run a machine or a piece of equipment",
    ),
    item(
        Investigative,
        "Look at cells or tiny creatures under a microscope",
    ),
    item(Artistic, "Act in a play or make a short video"),
    item(
        Social,
        "Volunteer at a hospital, a care home or a community centre",
    ),
    item(Enterprising, "Run a meeting or organize an event"),
    item(Conventional, "Enter numbers or names into a spreadsheet"),
    item(
        Realistic,
        "Put on a bandage or take someone's blood pressure",
    ),
    item(Investigative, "Spot patterns in numbers, charts or data"),
    item(
        Artistic,
        "Plan how a room, a poster or a web page should look",
    ),
    item(Social, "Listen while someone talks about a problem"),
    item(Enterprising, "Make decisions that other people follow"),
    item(
        Conventional,
        "Plan a schedule or keep a calendar up to date",
    ),
    item(
        Realistic,
        "Do active, physical work such as lifting or moving things",
    ),
    item(
        Investigative,
        "Look into a health question until you understand it",
    ),
    item(
        Artistic,
        "Use music, art or games to help someone feel better",
    ),
    item(Social, "Coach a team or lead a group activity"),
    item(Enterprising, "Manage the money for a club or a team"),
    item(Conventional, "Keep track of supplies, stock or money"),
    item(
        Realistic,
        "Work with your hands to repair or assemble things",
    ),
    item(
        Investigative,
        "Do a science experiment and write up what you found",
    ),
    item(Artistic, "Come up with an idea nobody has tried before"),
    item(Social, "Comfort someone who is sick, hurt or worried"),
    item(Enterprising, "Speak in front of a group to win them over"),
    item(
        Conventional,
        "Make sure forms are filled in completely and correctly",
    ),
];

/// The five answers, 1 to 5.
pub const SCALE: [&str; 5] = [
    "dislike a lot",
    "dislike a little",
    "not sure",
    "like a little",
    "like a lot",
];

/// What each type means, in one sentence.
pub fn meaning(kind: Riasec) -> &'static str {
    match kind {
        Realistic => {
            "You like practical, hands-on work with tools, machines, equipment or your body."
        }
        Investigative => {
            "You like to observe, ask questions, analyse and solve problems, often with science."
        }
        Artistic => "You like to create and express ideas, without a fixed routine.",
        Social => "You like to help, teach and care for people, and to work closely with them.",
        Enterprising => "You like to lead, persuade and organize, and to take on a challenge.",
        Conventional => {
            "You like order, accuracy, clear procedures and working with data or records."
        }
    }
}

/// A person's answers: one per statement, `None` where skipped.
pub type Answers = [Option<u8>; ITEMS.len()];

/// The six scores (mean rating, 1.0–5.0; `None` when every statement of a type was skipped).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores(pub [Option<f32>; 6]);

impl Scores {
    /// Scores from answers; ratings outside 1–5 are ignored.
    pub fn from_answers(answers: &Answers) -> Scores {
        let mut sum = [0u32; 6];
        let mut count = [0u32; 6];
        for (item, answer) in ITEMS.iter().zip(answers) {
            if let Some(a @ 1..=5) = answer {
                let t = index(item.kind);
                sum[t] += u32::from(*a);
                count[t] += 1;
            }
        }
        let mut out = [None; 6];
        for t in 0..6 {
            if count[t] > 0 {
                out[t] = Some(sum[t] as f32 / count[t] as f32);
            }
        }
        Scores(out)
    }

    pub fn of(&self, kind: Riasec) -> Option<f32> {
        self.0[index(kind)]
    }

    /// The types with a score, highest first; equal scores in R I A S E C order.
    pub fn ranked(&self) -> Vec<(Riasec, f32)> {
        let mut ranked: Vec<(Riasec, f32)> = Riasec::ALL
            .into_iter()
            .filter_map(|t| self.of(t).map(|s| (t, s)))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranked
    }

    /// The person's code: the (up to) three highest types, strongest first.
    pub fn code(&self) -> Vec<Riasec> {
        self.ranked().into_iter().take(3).map(|(t, _)| t).collect()
    }

    /// Every code the scores support equally: the top three with tied types in every order (and
    /// a type tied for third place in turn), so no occupation loses because of R I A S E C
    /// order. The first is [`Scores::code`].
    pub fn codes(&self) -> Vec<Vec<Riasec>> {
        let ranked = self.ranked();
        let mut codes: Vec<Vec<Riasec>> = vec![Vec::new()];
        let mut i = 0;
        while i < ranked.len() && codes[0].len() < 3 {
            let mut j = i + 1;
            while j < ranked.len() && (ranked[j].1 - ranked[i].1).abs() < 1e-6 {
                j += 1;
            }
            let group: Vec<Riasec> = ranked[i..j].iter().map(|(t, _)| *t).collect();
            let room = 3 - codes[0].len();
            let mut next = Vec::new();
            for code in &codes {
                for pick in arrangements(&group, room.min(group.len())) {
                    let mut c = code.clone();
                    c.extend(pick);
                    next.push(c);
                }
            }
            codes = next;
            i = j;
        }
        codes
    }

    /// Groups of types with equal scores that touch the code (a tie inside the top three, or
    /// across its edge), each strongest first: what the result must say plainly.
    pub fn ties(&self) -> Vec<Vec<Riasec>> {
        let ranked = self.ranked();
        let mut ties = Vec::new();
        let mut i = 0;
        while i < ranked.len() {
            let mut j = i + 1;
            while j < ranked.len() && (ranked[j].1 - ranked[i].1).abs() < 1e-6 {
                j += 1;
            }
            if j - i > 1 && i < 3 {
                ties.push(ranked[i..j].iter().map(|(t, _)| *t).collect());
            }
            i = j;
        }
        ties
    }
}

/// Every ordered choice of `k` of `items`, in the order of `items` first.
fn arrangements(items: &[Riasec], k: usize) -> Vec<Vec<Riasec>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for (i, &first) in items.iter().enumerate() {
        let rest: Vec<Riasec> = items
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, &t)| t)
            .collect();
        for mut tail in arrangements(&rest, k - 1) {
            tail.insert(0, first);
            out.push(tail);
        }
    }
    out
}

fn index(kind: Riasec) -> usize {
    Riasec::ALL
        .iter()
        .position(|&t| t == kind)
        .unwrap_or_default()
}

/// "Social and Investigative are tied", "Social, Artistic and Enterprising are tied".
pub fn tie_sentence(tie: &[Riasec]) -> String {
    let names: Vec<&str> = tie.iter().map(|t| t.name()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!("{one} stands alone"),
        [rest @ .., last] => format!("{} and {last} are tied", rest.join(", ")),
    }
}

/// Iachan's M index of a person's code against an occupation's (see the module doc), 0–28.
pub fn m_index(person: &[Riasec], occupation: &[Riasec]) -> u32 {
    const WEIGHTS: [[u32; 3]; 3] = [[22, 10, 4], [10, 5, 2], [4, 2, 1]];
    let mut m = 0;
    for (i, p) in person.iter().take(3).enumerate() {
        if let Some(j) = occupation.iter().take(3).position(|o| o == p) {
            m += WEIGHTS[i][j];
        }
    }
    m
}

/// How well an occupation fits, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Some,
    Good,
    Strong,
}

impl Band {
    /// The band of an M index, if it fits at all.
    pub fn of(m: u32) -> Option<Band> {
        match m {
            25.. => Some(Band::Strong),
            15.. => Some(Band::Good),
            5.. => Some(Band::Some),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Strong => "strong fit",
            Band::Good => "good fit",
            Band::Some => "some fit",
        }
    }
}

/// One occupation's fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub occupation: OccupationIdx,
    pub m: u32,
    pub band: Band,
    /// The person's types the occupation shares, in the person's order.
    pub shared: Vec<Riasec>,
}

impl Fit {
    /// "shares Social and Investigative".
    pub fn reason(&self) -> String {
        let names: Vec<&str> = self.shared.iter().map(|t| t.name()).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => format!("shares {one}"),
            [rest @ .., last] => format!("shares {} and {last}", rest.join(", ")),
        }
    }
}

/// A cluster's place in the results.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterFit {
    pub cluster: ClusterIdx,
    pub best: Band,
    pub best_m: u32,
    /// How many of its occupations fit (any band).
    pub fitting: usize,
    /// The mean index of its three best fits (fewer when it has fewer): what ranks clusters, so a
    /// cluster with several close fits comes before one with many loose ones.
    pub top_three: f32,
}

/// The matches of a code in a catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Matches {
    /// Fitting occupations, best first (ties by title).
    pub occupations: Vec<Fit>,
    pub clusters: Vec<ClusterFit>,
    /// Occupations left out because the catalog gives them no Holland code.
    pub without_code: usize,
    /// Occupations left out by the preparation levels asked for.
    pub other_levels: usize,
}

/// A preparation level the matches can be narrowed to: a NOC 2021 TEER (from the occupation's
/// NOC code) or an O*NET Job Zone (from its `job_zone`), so an O*NET import narrows as a NOC
/// catalog does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Teer(u8),
    JobZone(u8),
}

impl Level {
    /// Whether `occupation` is at this level.
    pub fn holds(self, occupation: &Occupation) -> bool {
        match self {
            Level::Teer(t) => occupation.teer() == Some(Teer(t)),
            Level::JobZone(z) => occupation.job_zone().map(JobZone::number) == Some(z),
        }
    }

    /// "TEER 1 · usually a university degree", "Job Zone 4 · considerable preparation".
    pub fn label(self) -> String {
        match self {
            Level::Teer(t) => Teer(t).label(),
            Level::JobZone(z) => {
                JobZone::new(z).map_or_else(|| format!("Job Zone {z}"), |j| j.label())
            }
        }
    }

    /// The levels some occupation of `catalog` is at, TEERs first, each in order: what the
    /// interest result steps through.
    pub fn in_catalog(catalog: &Catalog) -> Vec<Level> {
        let mut levels: Vec<Level> = catalog
            .occupations()
            .iter()
            .flat_map(|o| {
                let teer = o.teer().map(|Teer(t)| Level::Teer(t));
                let zone = o.job_zone().map(|z| Level::JobZone(z.number()));
                teer.into_iter().chain(zone)
            })
            .collect();
        levels.sort_unstable();
        levels.dedup();
        levels
    }
}

/// Ranks every occupation with `interests` by its fit with `code`, keeping only those at one
/// of `levels` (all when empty; occupations without a level are kept only then).
pub fn matches(catalog: &Catalog, code: &[Riasec], levels: &[Level]) -> Matches {
    matches_any(catalog, std::slice::from_ref(&code.to_vec()), levels)
}

/// As [`matches`], each occupation taking its best fit with any of `codes` (the orders a tie
/// allows, from [`Scores::codes`]).
pub fn matches_any(catalog: &Catalog, codes: &[Vec<Riasec>], levels: &[Level]) -> Matches {
    let Some(first) = codes.first() else {
        return Matches {
            occupations: Vec::new(),
            clusters: Vec::new(),
            without_code: 0,
            other_levels: 0,
        };
    };
    let mut occupations = Vec::new();
    let (mut without_code, mut other_levels) = (0, 0);
    for (i, o) in catalog.occupations().iter().enumerate() {
        if o.interests().is_empty() {
            without_code += 1;
            continue;
        }
        if !levels.is_empty() && !levels.iter().any(|l| l.holds(o)) {
            other_levels += 1;
            continue;
        }
        let (m, code) =
            codes
                .iter()
                .map(|c| (m_index(c, o.interests()), c))
                .fold(
                    (0, first),
                    |best, next| if next.0 > best.0 { next } else { best },
                );
        let Some(band) = Band::of(m) else { continue };
        let shared = code
            .iter()
            .copied()
            .filter(|t| o.interests().contains(t))
            .collect();
        occupations.push(Fit {
            occupation: OccupationIdx(i),
            m,
            band,
            shared,
        });
    }
    occupations.sort_by(|a, b| {
        b.m.cmp(&a.m).then_with(|| {
            let (ta, tb) = (
                catalog.occupation(a.occupation).title(),
                catalog.occupation(b.occupation).title(),
            );
            ta.cmp(tb)
        })
    });
    let mut clusters: Vec<ClusterFit> = Vec::new();
    for fit in &occupations {
        let c = catalog.occupation(fit.occupation).cluster();
        match clusters.iter_mut().find(|x| x.cluster == c) {
            Some(x) => {
                if x.fitting < 3 {
                    x.top_three += fit.m as f32;
                }
                x.fitting += 1;
            }
            None => clusters.push(ClusterFit {
                cluster: c,
                best: fit.band,
                best_m: fit.m,
                fitting: 1,
                top_three: fit.m as f32,
            }),
        }
    }
    // occupations come best first, so each cluster summed its three best
    for c in &mut clusters {
        c.top_three /= c.fitting.min(3) as f32;
    }
    clusters.sort_by(|a, b| {
        b.top_three
            .total_cmp(&a.top_three)
            .then(b.best_m.cmp(&a.best_m))
            .then(b.fitting.cmp(&a.fitting))
    });
    Matches {
        occupations,
        clusters,
        without_code,
        other_levels,
    }
}

/// Why a list of answers or a code could not be read: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error(
        "--answers has {got} answers; the check has {want} statements (use 0 or - for one you skip)"
    )]
    Count { got: usize, want: usize },
    #[error(
        "answer {position} is \"{text}\"; each answer is 1 to 5 (1 = {low}, 5 = {high}), or 0 or - to skip",
        low = SCALE[0],
        high = SCALE[4]
    )]
    Answer { position: usize, text: String },
    #[error("--code \"{code}\" is not a Holland code: {why}")]
    Code { code: String, why: String },
    #[error(
        "--teer \"{text}\" is not a preparation level; use 0 to 5, comma-separated (--teer 1,2)"
    )]
    Teer { text: String },
    #[error(
        "--job-zone \"{text}\" is not an O*NET Job Zone; use 1 to 5, comma-separated (--job-zone 3,4)"
    )]
    JobZone { text: String },
}

/// Reads `--answers 5,4,-,3,…`: one per statement, 1–5, or 0 / - / empty for skipped.
pub fn parse_answers(text: &str) -> Result<Answers, InputError> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() != ITEMS.len() {
        return Err(InputError::Count {
            got: parts.len(),
            want: ITEMS.len(),
        });
    }
    let mut answers = [None; ITEMS.len()];
    for (i, part) in parts.iter().enumerate() {
        answers[i] = match *part {
            "" | "-" | "0" => None,
            p => match p.parse::<u8>() {
                Ok(a @ 1..=5) => Some(a),
                _ => {
                    return Err(InputError::Answer {
                        position: i + 1,
                        text: crate::text::sanitize_inline(p),
                    });
                }
            },
        };
    }
    Ok(answers)
}

/// Reads `--code SIA`.
pub fn parse_code(text: &str) -> Result<Vec<Riasec>, InputError> {
    crate::catalog::parse_interests(text.trim()).map_err(|why| InputError::Code {
        code: crate::text::sanitize_inline(text),
        why,
    })
}

/// Reads `--teer 1,2`.
pub fn parse_levels(text: &str) -> Result<Vec<Level>, InputError> {
    text.split(',')
        .map(str::trim)
        .map(|p| match p.parse::<u8>() {
            Ok(t @ 0..=5) => Ok(Level::Teer(t)),
            _ => Err(InputError::Teer {
                text: crate::text::sanitize_inline(text),
            }),
        })
        .collect()
}

/// Reads `--job-zone 3,4`.
pub fn parse_job_zones(text: &str) -> Result<Vec<Level>, InputError> {
    text.split(',')
        .map(str::trim)
        .map(|p| match p.parse::<u8>() {
            Ok(z @ 1..=5) => Ok(Level::JobZone(z)),
            _ => Err(InputError::JobZone {
                text: crate::text::sanitize_inline(text),
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Vec<Riasec> {
        crate::catalog::parse_interests(s).expect("a code")
    }

    #[test]
    fn the_m_index_matches_hand_computed_pairs() {
        for (person, occupation, m) in [
            ("SIA", "SIA", 28), // 22 + 5 + 1
            ("SIA", "ISA", 21), // S 1st/2nd 10, I 2nd/1st 10, A 3rd/3rd 1
            ("SIA", "AIS", 13), // S 1st/3rd 4, I 2nd/2nd 5, A 3rd/1st 4
            ("SIA", "SEC", 22), // S only, both first
            ("SIA", "RCE", 0),
            ("SIA", "S", 22),
            ("SIA", "IS", 20), // S 1st/2nd 10, I 2nd/1st 10
            ("S", "SIA", 22),
            ("RIC", "CIR", 4 + 5 + 4),
            ("ESC", "SEC", 10 + 10 + 1),
        ] {
            assert_eq!(
                m_index(&code(person), &code(occupation)),
                m,
                "{person} / {occupation}"
            );
        }
    }

    #[test]
    fn bands_are_words_for_ranges_of_the_index() {
        assert_eq!(Band::of(28), Some(Band::Strong));
        assert_eq!(Band::of(25), Some(Band::Strong));
        assert_eq!(Band::of(22), Some(Band::Good));
        assert_eq!(Band::of(15), Some(Band::Good));
        assert_eq!(Band::of(13), Some(Band::Some));
        assert_eq!(Band::of(4), None);
    }

    #[test]
    fn each_type_has_the_same_number_of_statements_and_they_take_turns() {
        for t in Riasec::ALL {
            assert_eq!(ITEMS.iter().filter(|i| i.kind == t).count(), 7, "{t:?}");
        }
        for pair in ITEMS.windows(2) {
            assert_ne!(pair[0].kind, pair[1].kind);
        }
    }

    fn answers_liking(liked: &[Riasec]) -> Answers {
        let mut a = [Some(2); ITEMS.len()];
        for (i, item) in ITEMS.iter().enumerate() {
            if liked.contains(&item.kind) {
                a[i] = Some(5);
            }
        }
        a
    }

    #[test]
    fn scores_give_the_code_and_say_when_types_are_tied() {
        let scores = Scores::from_answers(&answers_liking(&[Social, Investigative]));
        assert_eq!(scores.of(Social), Some(5.0));
        assert_eq!(scores.of(Realistic), Some(2.0));
        // Social and Investigative are equal: kept in R I A S E C order, and called a tie
        assert_eq!(&scores.code()[..2], [Investigative, Social]);
        let ties = scores.ties();
        assert_eq!(ties[0], [Investigative, Social]);
        assert_eq!(tie_sentence(&ties[0]), "Investigative and Social are tied");
        // the other four are tied for third place too
        assert_eq!(ties[1].len(), 4);
        // every order of the tie is a code: IS or SI, then any of the four
        let codes = scores.codes();
        assert_eq!(codes.len(), 2 * 4);
        assert!(codes.contains(&vec![Social, Investigative, Enterprising]));
        assert_eq!(codes[0], scores.code());
    }

    #[test]
    fn a_tie_never_costs_an_occupation_its_fit() {
        let catalog = Catalog::bundled().expect("bundled");
        let scores = Scores::from_answers(&answers_liking(&[Social, Investigative]));
        let found = matches_any(&catalog, &scores.codes(), &[]);
        // an S-first occupation is matched as SI.., not pushed down by the letters' order
        let sic = found
            .occupations
            .iter()
            .find(|f| catalog.occupation(f.occupation).id() == "registered-nurse")
            .expect("RN fits");
        // SIC itself is one of the codes the tie allows (C is tied for third): 22 + 5 + 1
        assert_eq!(sic.m, 28);
    }

    #[test]
    fn skipped_statements_do_not_count_and_a_fully_skipped_type_has_no_score() {
        let mut answers = answers_liking(&[Artistic]);
        for (i, item) in ITEMS.iter().enumerate() {
            if item.kind == Conventional {
                answers[i] = None;
            }
        }
        answers[0] = None; // one Realistic statement skipped
        let scores = Scores::from_answers(&answers);
        assert_eq!(scores.of(Conventional), None);
        assert_eq!(scores.of(Realistic), Some(2.0));
        assert_eq!(scores.code()[0], Artistic);
        assert_eq!(scores.ranked().len(), 5);
    }

    #[test]
    fn matching_ranks_occupations_and_clusters_and_counts_what_it_leaves_out() {
        let catalog = Catalog::bundled().expect("bundled");
        let found = matches(&catalog, &code("SIR"), &[]);
        let first = &found.occupations[0];
        assert_eq!(first.band, Band::Strong);
        assert_eq!(first.reason(), "shares Social, Investigative and Realistic");
        assert!(found.occupations.windows(2).all(|w| w[0].m >= w[1].m));
        assert_eq!(found.without_code, 0, "every bundled occupation has a code");
        let rehab = catalog.cluster_by_id("rehabilitation").expect("rehab");
        assert!(found.clusters.iter().take(2).any(|c| c.cluster == rehab));
        // narrowing to college-level careers keeps only TEER 2
        let college = matches(&catalog, &code("SIR"), &[Level::Teer(2)]);
        assert!(!college.occupations.is_empty());
        assert!(college.other_levels > 0);
        for fit in &college.occupations {
            assert_eq!(catalog.occupation(fit.occupation).teer(), Some(Teer(2)));
        }
    }

    #[test]
    fn bad_input_says_what_is_wrong_and_where() {
        assert_eq!(
            parse_answers("5,4"),
            Err(InputError::Count { got: 2, want: 42 })
        );
        let mut many = vec!["3"; 42];
        many[6] = "7";
        let err = parse_answers(&many.join(",")).expect_err("7 is out of range");
        assert_eq!(
            err.to_string(),
            "answer 7 is \"7\"; each answer is 1 to 5 (1 = dislike a lot, 5 = like a lot), or 0 or - to skip"
        );
        many[6] = "-";
        assert_eq!(parse_answers(&many.join(",")).expect("valid")[6], None);
        assert!(parse_code("SXA").is_err());
        assert_eq!(
            parse_levels("1, 2").expect("valid"),
            [Level::Teer(1), Level::Teer(2)]
        );
        assert!(parse_levels("6").is_err());
        assert_eq!(parse_job_zones("4").expect("valid"), [Level::JobZone(4)]);
        assert!(parse_job_zones("0").is_err() && parse_job_zones("6").is_err());
    }
}
