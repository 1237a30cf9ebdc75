//! Helpers every browser test shares — the unit tests here, the integration tests in `tests/`
//! and the benchmarks — so there is one `app()`, one `typed()` and one meaning of "select": an
//! app over a catalog, the actions a person would use to type, select and mark, and a draw into
//! ratatui's `TestBackend`. Tests reach state through actions and read it through the app's
//! accessors. Not part of the program: nothing outside tests and benchmarks calls it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::action::{Action, InputRequest};
use super::app::App;
use super::list::Selection;
use super::theme::Theme;
use crate::catalog::Catalog;

/// The browser on the bundled catalog at 80×24, without colour.
pub fn app() -> App {
    app_with(
        Catalog::bundled().expect("the bundled catalog loads"),
        Theme::monochrome(),
        80,
        24,
    )
}

/// The browser on `catalog` with `theme`, laid out for a `width` × `height` terminal.
pub fn app_with(catalog: Catalog, theme: Theme, width: u16, height: u16) -> App {
    App::new(catalog, theme, Rect::new(0, 0, width, height))
}

/// Draws `app` into a `width` × `height` test terminal.
pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| super::render::render(app, frame))
        .expect("draw");
    terminal
}

/// The text of each row as a person sees it: the cell hidden behind a wide character is skipped.
pub fn screen_lines(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut hidden = 0;
            for x in 0..buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                if hidden > 0 {
                    hidden -= 1;
                    continue;
                }
                hidden = crate::text::width(symbol).saturating_sub(1);
                line.push_str(symbol);
            }
            line
        })
        .collect()
}

/// Types `text` into the filter, a key at a time.
pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::EditFilter(InputRequest::InsertChar(c)));
    }
}

/// The selection for an occupation id.
pub fn occ(app: &App, id: &str) -> Selection {
    Selection::Occupation(app.catalog().occupation_by_id(id).expect("a bundled id"))
}

/// Selects the occupation `id` as a person would: types its title, then clears the filter,
/// which keeps the selection with its cluster open.
pub fn select_occupation(app: &mut App, id: &str) {
    let o = app.catalog().occupation_by_id(id).expect("a bundled id");
    let title = app.catalog().occupation(o).title().to_string();
    typed(app, &title);
    if app.list().selected() != Some(Selection::Occupation(o)) {
        // the selection stayed on an earlier match while typing: walk down from the top to it
        app.update(Action::SelectFirst);
        while app.list().selected() != Some(Selection::Occupation(o)) {
            let before = app.list().selected_row();
            app.update(Action::SelectNext);
            assert_ne!(app.list().selected_row(), before, "{id} is not in the list");
        }
    }
    app.update(Action::Cancel);
    assert_eq!(app.list().selected(), Some(Selection::Occupation(o)));
}

/// The title or name of what is selected.
pub fn selected_title(app: &App) -> String {
    match app.list().selected() {
        Some(Selection::Occupation(o)) => app.catalog().occupation(o).title().to_string(),
        Some(Selection::Cluster(c)) => app.catalog().cluster(c).name().to_string(),
        None => String::new(),
    }
}

/// Unfolds every cluster with the keys a person would use (→ on each cluster row), then selects
/// the first row.
pub fn unfold_all(app: &mut App) {
    if app.focus() == super::app::Focus::Detail {
        app.update(Action::ToggleFocus);
    }
    app.update(Action::SelectFirst);
    loop {
        if let Some(Selection::Cluster(c)) = app.list().selected()
            && !app.list().is_open(c, !app.filter().is_blank())
        {
            app.update(Action::UnfoldCluster);
        }
        let before = app.list().selected_row();
        app.update(Action::SelectNext);
        if app.list().selected_row() == before {
            break;
        }
    }
    app.update(Action::SelectFirst);
}

/// Puts the occupation `id` on the shortlist as a person would: selects it, then Ctrl-S.
pub fn mark(app: &mut App, id: &str) {
    select_occupation(app, id);
    app.update(Action::ToggleShortlist);
}
