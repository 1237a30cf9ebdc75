//! The help overlay: every key binding (from the key map itself) and how filtering works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::app::App;
use crate::keymap;
use crate::text::width;
use crate::ui::chrome;
use crate::ui::text::wrap;

/// The overlay's lines for a text width.
pub fn content(app: &App, text_width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let entries: Vec<(String, &str)> = keymap::help_entries().collect();
    let key_col = entries.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
    let mut lines = vec![Line::styled("Keys", theme.heading)];
    for (keys, help) in entries {
        let first = Span::styled(format!("{keys:<key_col$}"), theme.key);
        let rest = Span::raw(" ".repeat(key_col));
        lines.extend(wrap(
            &[Span::styled(help, theme.text)],
            text_width,
            first,
            rest,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Filtering", theme.heading));
    for paragraph in [
        "Every word you type must match, in any letter case.",
        "Titles and other names (\"physio\", \"GP\") match fuzzily and forgive a typing \
         error or two in longer words (\"councellor\"); cluster names match inside words; \
         skills, education, settings, summaries and duties match at word starts.",
        "Limit a word to a field: edu:psychology, setting:hospital, skill:listening, \
         cluster:rehab, noc:312 (also title:, alias:, duty:, summary:).",
        "\"Quotes\" keep words together, as a phrase: \"long-term care\", \
         setting:\"private practice\".",
        "A row found by something other than its title says why after a ·.",
    ] {
        lines.extend(wrap(
            &[Span::styled(paragraph, theme.text)],
            text_width,
            Span::raw(" • "),
            Span::raw("   "),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "↑↓ scroll · Esc, F1 or ? closes this help",
        theme.muted,
    ));
    lines
}

/// The overlay's outer area on a screen.
fn popup(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(76);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y,
        width,
        screen.height,
    )
}

fn block(app: &App) -> Block<'static> {
    chrome::overlay(&app.theme, "Help")
}

/// How many lines the help has and how many fit on `screen`; `update` uses it to clamp scrolling.
pub fn extent(app: &App, screen: Rect) -> (usize, usize) {
    let inner = block(app).inner(popup(screen));
    (content(app, inner.width).len(), usize::from(inner.height))
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let mut area = popup(screen);
    let block = block(app);
    let lines = content(app, block.inner(area).width);
    // as tall as the text, centred, never taller than the screen
    let height = (lines.len() as u16).saturating_add(2).min(screen.height);
    area.y = screen.y + (screen.height - height) / 2;
    area.height = height;
    chrome::scrolled_overlay(frame, area, block, lines, app.overlay_scroll);
}
