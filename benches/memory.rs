//! Memory over a long session: 10,000 keystrokes of typing, deleting, moving, folding, resizing
//! and scrolling, each followed by a full redraw, with the resident set size read from
//! `/proc/self/statm` every 1,000 keystrokes. Nothing is timed; run with
//! `cargo bench --bench memory` and read the table. It exits non-zero if memory keeps growing
//! after warm-up (more than 1 MiB between the 2,000th and the last keystroke).

use career_clusters::browser::action::{Action, InputRequest};
use career_clusters::browser::app::App;
use career_clusters::browser::theme::Theme;
use career_clusters::catalog::Catalog;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn rss_kib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4)
}

/// The n-th keystroke of a session that types words, deletes them, moves and folds.
fn keystroke(n: usize) -> Action {
    const WORDS: [&str; 6] = ["physio", "nurse", "psych", "injur", "counsel", "xyz"];
    let word = WORDS[(n / 20) % WORDS.len()];
    match n % 20 {
        i @ 0..=5 => word.chars().nth(i).map_or(Action::SelectNext, |c| {
            Action::EditFilter(InputRequest::InsertChar(c))
        }),
        6 | 7 => Action::SelectNext,
        8 => Action::ToggleFocus,
        9 => Action::SelectPageDown,
        10 => Action::ToggleFocus,
        11 => Action::FoldCluster,
        12 => Action::UnfoldCluster,
        13 => Action::Scroll {
            column: 5,
            row: 5,
            down: true,
        },
        14 => Action::Resize {
            width: 80 + (n % 7) as u16 * 10,
            height: 24 + (n % 5) as u16 * 4,
        },
        15 => Action::ToggleHelp,
        16 => Action::ToggleHelp,
        17 => Action::PasteFilter("therapist".into()),
        _ => Action::Cancel,
    }
}

fn main() {
    let catalog = Catalog::bundled().expect("bundled catalog");
    let mut app = App::new(catalog, Theme::dark(), Rect::new(0, 0, 120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    let mut samples = Vec::new();
    for n in 0..10_000 {
        app.update(keystroke(n));
        let size = app.areas().screen;
        terminal.backend_mut().resize(size.width, size.height);
        terminal.resize(size).expect("resize");
        terminal
            .draw(|frame| career_clusters::browser::render::render(&app, frame))
            .expect("draw");
        if (n + 1) % 1000 == 0 {
            samples.push((n + 1, rss_kib().unwrap_or(0)));
        }
    }
    println!("keystrokes  RSS (KiB)");
    for (n, kib) in &samples {
        println!("{n:>10}  {kib:>9}");
    }
    let after_warmup = samples.get(1).map_or(0, |s| s.1);
    let last = samples.last().map_or(0, |s| s.1);
    let growth = last.saturating_sub(after_warmup);
    println!("growth from 2,000 to 10,000 keystrokes: {growth} KiB");
    if growth > 1024 {
        eprintln!("memory grows with use: {growth} KiB");
        std::process::exit(1);
    }
}
