//! The view: draws `&App` into a ratatui `Frame` by handing each region its borrowed view.
//! Rendering reads state and never changes it, does no I/O, and works at every size: below
//! [`MIN_WIDTH`] × [`MIN_HEIGHT`] it draws one "terminal too small" line instead of the panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::action::Action;
use super::app::App;
use super::keymap;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::overlay::Overlay;
use super::spans;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    // The frame's own size is the truth for drawing, even before the resize event is processed.
    let areas = app.areas_for(frame.area());
    if areas.too_small {
        too_small(app, frame);
        return;
    }
    app.list_view().render(frame, areas.list);
    app.detail_view()
        .render(frame, areas.detail, app.detail().scroll());
    app.filter_view().render(frame, areas.filter);
    app.status_view().render(frame, areas.hints);
    if !app.theme().glyphs.boxes && app.overlay().is_none() {
        // screen readers and braille displays follow the cursor: park it on the selection
        let inner = areas.list_inner();
        let painter = app.row_painter();
        if let Some(line) = app.list().selected_line(usize::from(inner.height), &|r| {
            painter.height(r, inner.width)
        }) {
            frame.set_cursor_position(ratatui::layout::Position::new(
                inner.x,
                inner.y + line as u16,
            ));
        }
    }
    match app.overlay() {
        None => {}
        Some(Overlay::Help(help)) => app.help_view().render(frame, areas.screen, help.scroll()),
        Some(Overlay::Shortlist(view)) => app
            .shortlist_view(view.cursor())
            .render(frame, areas.screen),
        Some(Overlay::Compare(compare)) => {
            app.compare_view(compare.items())
                .render(frame, areas.compare(), compare.scroll())
        }
        Some(Overlay::Check(check)) => app.check_view(check.choice()).render(frame, areas.screen),
        Some(Overlay::Results(results)) => app.results_view(results).render(frame, areas.compare()),
        Some(Overlay::Quit) => app.quit_view().render(frame, areas.screen),
        Some(Overlay::Handout(choice)) => app.handout_view(choice).render(frame, areas.screen),
    }
}

fn too_small(app: &App, frame: &mut Frame) {
    let screen = frame.area();
    let quit = keymap::first_key(&Action::Quit, app.mode());
    let message = format!(
        "Terminal too small: {}×{}. Enlarge it to at least {MIN_WIDTH}×{MIN_HEIGHT}; {quit} quits.",
        screen.width, screen.height
    );
    // one message, wrapped so that even a narrow window shows all of it
    let lines = spans::wrap(
        &[Span::styled(message, app.theme().notice)],
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
}
