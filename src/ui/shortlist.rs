//! The shortlist view: the occupations an advisor marked with a client, to revisit, remove,
//! compare or write into a handout.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::app::App;
use crate::ui::chrome;
use crate::ui::text::{truncate, wrap};

/// The view's lines for a text width; `cursor` is the chosen row.
pub fn content(app: &App, cursor: usize, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let items = &app.shortlist.items;
    if items.is_empty() {
        return wrap(
            &[Span::styled(
                "Nothing on the shortlist yet. Select an occupation and press Ctrl-S (or Insert) \
                 to mark it; marked rows show ✓."
                    .to_string(),
                theme.text,
            )],
            width,
            Span::raw(""),
            Span::raw(""),
        );
    }
    let mut lines = Vec::new();
    for (i, &o) in items.iter().enumerate() {
        let occupation = app.catalog.occupation(o);
        let cluster = &app.catalog.cluster(occupation.cluster).name;
        let chosen = i == cursor;
        let marker = if chosen { ">" } else { " " };
        let spans = vec![
            Span::styled(format!("{marker}{:>2}. ", i + 1), theme.key),
            Span::styled(occupation.title.clone(), theme.lead),
            Span::styled(format!(" · {cluster}"), theme.muted),
        ];
        let mut line = Line::from(truncate(spans, usize::from(width)));
        if chosen {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    lines.push(Line::default());
    lines.extend(wrap(
        &[Span::styled(
            "↑↓ choose · Enter go to it · Del remove · F3 compare · Ctrl-E handout · Esc close"
                .to_string(),
            theme.muted,
        )],
        width,
        Span::raw(""),
        Span::raw(""),
    ));
    lines
}

pub fn render(app: &App, cursor: usize, frame: &mut Frame, screen: Rect) {
    let width = screen.width.saturating_sub(4).min(72);
    let block = chrome::overlay(
        &app.theme,
        &format!("Shortlist ({})", app.shortlist.items.len()),
    );
    let text_width = width.saturating_sub(4);
    let lines = content(app, cursor, text_width);
    let height = (lines.len() as u16).saturating_add(2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    // keep the chosen row in view on short screens
    let skip = (cursor + 1).saturating_sub(usize::from(inner.height));
    chrome::draw_lines(frame, inner, lines, skip);
}
