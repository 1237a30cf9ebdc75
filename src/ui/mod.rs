//! The view: draws `&App` into a ratatui `Frame`, one module per region. Rendering reads state and
//! never changes it, does no I/O, and works at every size: below [`layout::MIN_WIDTH`] ×
//! [`layout::MIN_HEIGHT`] it draws one "terminal too small" line instead of the panes.
//!
//! [`layout::MIN_WIDTH`]: crate::layout::MIN_WIDTH
//! [`layout::MIN_HEIGHT`]: crate::layout::MIN_HEIGHT

pub mod chrome;
pub mod compare;
pub mod detail;
pub mod filter;
pub mod help;
pub mod hints;
pub mod list;
pub mod shortlist;
pub mod text;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::app::{App, Overlay};
use crate::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    // The frame's own size is the truth for drawing, even before the resize event is processed.
    let areas = Areas::new(frame.area(), app.present);
    if areas.too_small {
        let screen = frame.area();
        let message = format!(
            "Terminal too small: {}×{}. Enlarge it to at least {MIN_WIDTH}×{MIN_HEIGHT}; Ctrl-C quits.",
            screen.width, screen.height
        );
        // one message, wrapped so that even a narrow window shows all of it
        let lines = text::wrap(
            &[Span::styled(message, app.theme.notice)],
            screen.width,
            Span::raw(""),
            Span::raw(""),
        );
        for (i, line) in lines
            .into_iter()
            .take(usize::from(screen.height))
            .enumerate()
        {
            frame.render_widget(
                line,
                Rect::new(screen.x, screen.y + i as u16, screen.width, 1),
            );
        }
        return;
    }
    list::render(app, frame, areas.list);
    detail::render(app, frame, areas.detail);
    filter::render(app, frame, areas.filter);
    hints::render(app, frame, areas.hints);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help => help::render(app, frame, areas.screen),
        Overlay::Shortlist { cursor } => shortlist::render(app, *cursor, frame, areas.screen),
        Overlay::Compare { items } => compare::render(app, items, frame, areas.compare()),
    }
}
