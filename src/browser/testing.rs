//! Helpers the browser's unit tests share: one app over the bundled catalog, and the actions a
//! person would use to type and to select. Tests reach state through actions and read it through
//! the app's accessors.

use ratatui::layout::Rect;

use super::action::{Action, InputRequest};
use super::app::App;
use super::list::Selection;
use super::theme::Theme;
use crate::catalog::Catalog;

/// The browser on the bundled catalog at 80×24, without colour.
pub fn app() -> App {
    App::new(
        Catalog::bundled().expect("the bundled catalog loads"),
        Theme::monochrome(),
        Rect::new(0, 0, 80, 24),
    )
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
    let title = app.catalog().occupation(o).title.clone();
    typed(app, &title);
    if app.list().selected() != Some(Selection::Occupation(o)) {
        // another occupation ranks first for this title: walk down to it
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
        Some(Selection::Occupation(o)) => app.catalog().occupation(o).title.clone(),
        Some(Selection::Cluster(c)) => app.catalog().cluster(c).name.clone(),
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
