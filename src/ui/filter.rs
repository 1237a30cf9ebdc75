//! The filter line: the text typed so far with the cursor, and how many occupations it shows.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, Overlay};
use crate::text::width;
use crate::ui::list::SHORTLIST_MARK;

const LABEL: &str = " Filter: ";

/// "3 of 33 occupations", or "33 occupations" while the filter is blank, then the shortlist.
pub fn count_text(app: &App) -> String {
    let total = app.catalog.occupations.len();
    let mut text = if app.is_filtering() {
        format!("{} of {total} occupations", app.visible_occupation_count())
    } else {
        format!("{total} occupations")
    };
    let marked = app.shortlist.items.len();
    if marked > 0 {
        text.push_str(&format!(" · {SHORTLIST_MARK} {marked} shortlisted"));
    }
    text
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let count = format!("{} ", count_text(app));
    let label_width = width(LABEL) as u16;
    let count_width = (width(&count) as u16).min(area.width.saturating_sub(label_width + 4));
    let input_width = area.width.saturating_sub(label_width + count_width + 1);

    frame.render_widget(
        Span::styled(LABEL, theme.key),
        Rect::new(area.x, area.y, label_width.min(area.width), 1),
    );
    let input_area = Rect::new(area.x + label_width, area.y, input_width, 1);
    let input = &app.filter.input;
    if input.value().is_empty() {
        frame.render_widget(
            Span::styled("type to filter occupations", theme.muted),
            input_area,
        );
    } else {
        let scroll = input.visual_scroll(usize::from(input_width.saturating_sub(1)));
        frame.render_widget(
            Paragraph::new(Line::styled(input.value(), theme.text)).scroll((0, scroll as u16)),
            input_area,
        );
    }
    let count_area = Rect::new(
        area.right().saturating_sub(count_width),
        area.y,
        count_width,
        1,
    );
    frame.render_widget(Line::styled(count, theme.muted).right_aligned(), count_area);
    if app.overlay == Overlay::None && input_width > 0 {
        let scroll = input.visual_scroll(usize::from(input_width.saturating_sub(1)));
        let x = input.visual_cursor().saturating_sub(scroll) as u16;
        frame.set_cursor_position(Position::new(input_area.x + x.min(input_width - 1), area.y));
    }
}
