//! The frames every region shares: pane and overlay borders (thick when focused, so focus never
//! depends on colour), a window of lines drawn into an area, and the scrollbar on a right border.
//! Pure drawing helpers: no state, and nothing about what a pane shows.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Padding, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use super::theme::Theme;

/// ASCII borders for screen readers: `=` and `#` mark the focused pane, as thickness does.
const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};
const ASCII_FOCUSED: border::Set = border::Set {
    top_left: "#",
    top_right: "#",
    bottom_left: "#",
    bottom_right: "#",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "=",
    horizontal_bottom: "=",
};

/// A pane's border: thick and in the focus colour when it has focus, plain otherwise.
pub fn pane(theme: &Theme, title: impl Into<Line<'static>>, focused: bool) -> Block<'static> {
    if !theme.glyphs.boxes {
        return Block::bordered()
            .border_set(if focused { ASCII_FOCUSED } else { ASCII_BORDER })
            .border_style(if focused {
                theme.border_focused
            } else {
                theme.border
            })
            .title(title);
    }
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(title)
}

/// An overlay's border (help, shortlist, compare): always focused, with room inside.
pub fn overlay(theme: &Theme, title: &str) -> Block<'static> {
    pane(theme, Span::styled(format!(" {title} "), theme.title), true)
        .padding(Padding::horizontal(1))
}

/// Draws `lines` into `area` one per row, starting at line `first`.
pub fn draw_lines(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, first: usize) {
    for (i, line) in lines
        .into_iter()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        frame.render_widget(line, Rect::new(area.x, area.y + i as u16, area.width, 1));
    }
}

/// A scrollbar on the right border of `bordered` when `total` lines overflow `visible` (none in
/// ASCII mode: a screen reader would read its glyphs out).
pub fn scrollbar(
    frame: &mut Frame,
    theme: &Theme,
    bordered: Rect,
    total: usize,
    visible: usize,
    first: usize,
) {
    if total <= visible || !theme.glyphs.boxes {
        return;
    }
    let mut state = ScrollbarState::new(total - visible).position(first);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight),
        bordered.inner(Margin::new(0, 1)),
        &mut state,
    );
}

/// Draws an overlay: clears `area`, draws `block` around it, then the window of `lines` starting
/// at `scroll` (clamped) with a scrollbar when they overflow.
pub fn scrolled_overlay(
    frame: &mut Frame,
    theme: &Theme,
    area: Rect,
    block: Block<'static>,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let inner = block.inner(area);
    let (total, visible) = (lines.len(), usize::from(inner.height));
    let scroll = scroll.min(total.saturating_sub(visible));
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, area);
    draw_lines(frame, inner, lines, scroll);
    scrollbar(frame, theme, area, total, visible, scroll);
}

/// The width of an overlay centred on `screen`, at most `max_width` columns.
fn popup_width(screen: Rect, max_width: u16) -> u16 {
    screen.width.saturating_sub(4).min(max_width)
}

/// The text width inside [`centred_popup`]: its width less the border and the padding.
pub fn popup_text_width(screen: Rect, max_width: u16) -> u16 {
    popup_width(screen, max_width).saturating_sub(4)
}

/// Draws `lines` in `block`, centred on `screen`, at most `max_width` wide and as tall as the
/// text (never taller than the screen), keeping line `keep` in view on short screens.
pub fn centred_popup(
    frame: &mut Frame,
    screen: Rect,
    max_width: u16,
    block: Block<'static>,
    lines: Vec<Line<'static>>,
    keep: usize,
) {
    let width = popup_width(screen, max_width);
    let height = (lines.len() as u16).saturating_add(2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let inner = block.inner(area);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, area);
    let skip = (keep + 1).saturating_sub(usize::from(inner.height));
    draw_lines(frame, inner, lines, skip);
}
