//! The help overlay: every key binding (from the key map itself) and how filtering works.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding};

use crate::app::App;
use crate::keymap;
use crate::text::width;
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
        lines.extend(wrap(&[Span::styled(help, theme.text)], text_width, first, rest));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Filtering", theme.heading));
    for paragraph in [
        "Type any words: an occupation is shown when every word matches it, in any letter case.",
        "Titles, other names (\"physio\", \"GP\") and cluster names match anywhere in a word; \
         skills, education, settings, summaries and duties match at the start of a word.",
        "A row that matched on something other than its title says why, after a ·.",
    ] {
        lines.extend(wrap(
            &[Span::styled(paragraph, theme.text)],
            text_width,
            Span::raw(" • "),
            Span::raw("   "),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Esc, F1 or ? closes this help.", theme.muted));
    lines
}

pub fn render(app: &App, frame: &mut Frame, screen: Rect) {
    let width = screen.width.saturating_sub(4).min(76);
    let text_width = width.saturating_sub(4);
    let lines = content(app, text_width);
    let height = (lines.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(app.theme.border_focused)
        .title(Span::styled(" Help ", app.theme.title))
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    for (i, line) in lines.into_iter().take(usize::from(inner.height)).enumerate() {
        frame.render_widget(line, Rect::new(inner.x, inner.y + i as u16, inner.width, 1));
    }
}
