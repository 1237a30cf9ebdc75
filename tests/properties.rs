//! Property tests of the whole browser without a terminal: random sequences of terminal events
//! (keys with any modifiers, unicode text, pastes, mouse clicks and wheel, resizes to any size
//! including 0×0) go through the real key map into `App::update`, and after every step the state
//! must make sense and the screen must draw.

use career_clusters::browser::action::{Action, InputRequest};
use career_clusters::browser::app::App;
use career_clusters::browser::filter::FILTER_MAX_CHARS;
use career_clusters::browser::keymap;
use career_clusters::browser::overlay::Overlay;
use career_clusters::browser::theme::Theme;
use career_clusters::catalog::Catalog;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => prop_oneof![
            Just(KeyCode::Up),
            Just(KeyCode::Down),
            Just(KeyCode::Left),
            Just(KeyCode::Right),
            Just(KeyCode::PageUp),
            Just(KeyCode::PageDown),
            Just(KeyCode::Home),
            Just(KeyCode::End),
            Just(KeyCode::Enter),
            Just(KeyCode::Tab),
            Just(KeyCode::BackTab),
            Just(KeyCode::Esc),
            Just(KeyCode::Backspace),
            Just(KeyCode::Delete),
            Just(KeyCode::Insert),
            Just(KeyCode::F(1)),
            Just(KeyCode::F(2)),
            Just(KeyCode::F(3)),
            Just(KeyCode::F(5)),
        ],
        // letters that match the catalog, so filters often have results
        4 => prop::sample::select(vec!['p', 'h', 'y', 's', 'i', 'o', 't', 'e', 'r', 'a', 'n', 'u', ' ', '?', '1', '2'])
            .prop_map(KeyCode::Char),
        2 => any::<char>().prop_map(KeyCode::Char),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
        1 => (0u8..16).prop_map(KeyModifiers::from_bits_truncate),
    ]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        6 => (0u16..130, 0u16..50),
        1 => prop::sample::select(vec![(0, 0), (1, 1), (50, 10), (49, 9), (80, 24), (500, 200)]),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        12 => (key_code(), modifiers(), prop::bool::weighted(0.05)).prop_map(|(code, mods, release)| {
            let mut key = KeyEvent::new(code, mods);
            if release {
                key.kind = KeyEventKind::Release;
            }
            Event::Key(key)
        }),
        1 => "\\PC{0,40}|[a-z \\t\\n\\x1b]{0,40}".prop_map(Event::Paste),
        2 => (0u16..600, 0u16..250, 0u8..4).prop_map(|(column, row, kind)| {
            let kind = match kind {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                2 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::Moved,
            };
            Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
        }),
        1 => size().prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

/// What the filter text must be after an action, computed independently of `App`.
fn expected_filter(model: &mut String, action: &Action, help_was_open: bool) {
    match action {
        // the filter holds FILTER_MAX_CHARS characters; the rest of a paste or typing is left out
        Action::EditFilter(InputRequest::InsertChar(c))
            if model.chars().count() < FILTER_MAX_CHARS =>
        {
            model.push(*c)
        }
        Action::EditFilter(InputRequest::DeletePrevChar) => {
            // Backspace removes what a person sees as one character: a whole grapheme
            let cut = model
                .grapheme_indices(true)
                .next_back()
                .map_or(0, |(i, _)| i);
            model.truncate(cut);
        }
        Action::EditFilter(InputRequest::DeleteLine) => model.clear(),
        Action::EditFilter(InputRequest::DeletePrevWord) => {
            // back to the start of the last word-bounded segment that holds a word character
            let cut = model
                .split_word_bound_indices()
                .rev()
                .find(|(_, w)| {
                    w.chars()
                        .any(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
                })
                .map_or(0, |(i, _)| i);
            model.truncate(cut);
        }
        Action::PasteFilter(text) => {
            let room = FILTER_MAX_CHARS.saturating_sub(model.chars().count());
            model.extend(
                text.chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|&c| career_clusters::text::is_safe(c))
                    .take(room),
            )
        }
        Action::Cancel if !help_was_open => model.clear(),
        _ => {}
    }
}

fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    let rows = app.list().rows().len();
    if rows == 0 {
        prop_assert!(app.visible_selection().is_none());
        prop_assert!(app.is_filtering(), "the whole catalog never has zero rows");
    } else {
        let row = app.list().selected_row();
        prop_assert!(row.is_some(), "a selection exists whenever rows are shown");
        let row = row.unwrap_or_default();
        let height = usize::from(app.areas().list_inner().height);
        if height > 0 {
            prop_assert!(
                app.list().offset() <= row && row < app.list().offset() + height,
                "selected row {} outside the view {}..{}",
                row,
                app.list().offset(),
                app.list().offset() + height
            );
        }
        prop_assert!(app.list().offset() < rows);
    }
    let mut marked = app.shortlist().items().to_vec();
    marked.sort();
    marked.dedup();
    prop_assert_eq!(
        marked.len(),
        app.shortlist().len(),
        "an occupation marked twice"
    );
    match app.overlay() {
        Some(Overlay::Compare(compare)) => prop_assert!((2..=3).contains(&compare.items().len())),
        Some(Overlay::Shortlist(view)) => {
            prop_assert!(view.cursor() < app.shortlist().len().max(1));
        }
        _ => {}
    }
    let (lines, height) = app.detail_view().extent(app.areas().detail);
    prop_assert!(
        app.detail().scroll() <= lines.saturating_sub(height),
        "detail scrolled past its end"
    );
    Ok(())
}

fn draw(app: &App) -> Result<(), TestCaseError> {
    let screen = app.areas().screen;
    let mut terminal = Terminal::new(TestBackend::new(screen.width, screen.height))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    terminal
        .draw(|frame| career_clusters::browser::render::render(app, frame))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    Ok(())
}

proptest! {
    // PROPTEST_CASES=1000 runs a deeper search than the default 24 cases kept for `cargo test`
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24),
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_events_keep_the_browser_consistent(
        start in size(),
        events in prop::collection::vec(event(), 1..500),
    ) {
        let catalog = Catalog::bundled().expect("bundled catalog");
        let mut app = App::new(catalog, Theme::dark(), Rect::new(0, 0, start.0, start.1));
        let mut typed = String::new();
        for event in &events {
            let help_was_open = app.overlay().is_some();
            let history = app.history().len();
            let last_visit = app.history().last().cloned();
            if let Some(action) = keymap::map_event(event, app.key_context()) {
                expected_filter(&mut typed, &action, help_was_open);
                app.update(action);
            }
            // a related jump clears the filter; going back restores the one it had
            if app.history().len() > history {
                typed.clear();
            } else if app.history().len() < history {
                typed = last_visit.map(|v| v.filter).unwrap_or_default();
            }
            prop_assert_eq!(app.filter().text(), typed.as_str());
            check_invariants(&app)?;
            draw(&app)?;
        }
    }
}
