//! The key-hint line at the bottom, generated from the key map so it cannot drift from the real
//! bindings. When the line is too narrow, the least needed hints go first; help and quit stay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::keymap;
use crate::text::width;

/// Hints dropped first when the line is too narrow, by their word.
const DROP_ORDER: &[&str] = &[
    "fold",
    "clear",
    "handout",
    "compare",
    "detail",
    "shortlist",
    "mark",
    "move",
    "filter",
];

/// The hints that fit in `max` columns, as (keys, word).
pub fn fitting(max: usize) -> Vec<(String, &'static str)> {
    let mut entries: Vec<(String, &'static str)> = keymap::hint_entries().collect();
    let line_width = |e: &[(String, &str)]| -> usize {
        1 + e
            .iter()
            .map(|(k, w)| width(k) + 1 + width(w) + 2)
            .sum::<usize>()
    };
    for drop in DROP_ORDER {
        if line_width(&entries) <= max {
            break;
        }
        entries.retain(|(_, w)| w != drop);
    }
    entries
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    if let Some(status) = &app.status {
        // a message answers the last key; the hints come back with the next one
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(status.clone(), theme.notice),
        ]);
        frame.render_widget(line, area);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    if app.present {
        // a projector shows the content, not the controls
        spans.push(Span::styled("F5", theme.key));
        spans.push(Span::styled(" end presentation  ", theme.muted));
        spans.push(Span::styled("F1", theme.key));
        spans.push(Span::styled(" help", theme.muted));
        frame.render_widget(Line::from(spans), area);
        return;
    }
    for (keys, word) in fitting(usize::from(area.width)) {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {word}  "), theme.muted));
    }
    frame.render_widget(Line::from(spans), area);
}
