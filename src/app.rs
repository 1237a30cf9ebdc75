//! The browser's state and the one place it changes: [`App::update`].
//!
//! State is grouped by pane: [`Filter`] (the input and its matches), [`ClusterTree`] (visible rows,
//! folds, selection, scroll) and [`Detail`] (scroll of the right pane). The selection is kept by
//! identity — a cluster or an occupation, never a row number — so it survives filtering: while the
//! selected occupation still matches it stays selected; when it stops matching the best match is
//! selected; when the filter is cleared the selection is where it was, its cluster unfolded.
//!
//! Nothing here knows about terminals or draws anything; the view reads `&App`.

use std::collections::HashSet;

use ratatui::layout::{Position, Rect};
use tui_input::Input;

use crate::action::{Action, InputRequest};
use crate::catalog::{Catalog, ClusterIdx, OccupationIdx};
use crate::keymap;
use crate::layout::Areas;
use crate::search::{Match, Query, Searcher};
use crate::theme::Theme;

/// What is selected in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Selection {
    Cluster(ClusterIdx),
    Occupation(OccupationIdx),
}

/// One visible row of the list.
pub type Row = Selection;

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// The filter input and what it currently matches.
#[derive(Debug, Default)]
pub struct Filter {
    pub input: Input,
    /// Matches of the current text, best first; empty when the text is blank.
    pub matches: Vec<Match>,
    /// For each occupation, its position in `matches`.
    position: Vec<Option<usize>>,
    /// For each cluster, how many of its occupations match.
    pub cluster_counts: Vec<usize>,
}

impl Filter {
    /// The filter text as typed.
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// True when the filter holds no words, so the whole catalog is shown.
    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// The match for an occupation, if the filter is active and it matched.
    pub fn match_for(&self, occupation: OccupationIdx) -> Option<&Match> {
        self.position
            .get(occupation.0)
            .copied()
            .flatten()
            .map(|i| &self.matches[i])
    }
}

/// The list pane: rows, folds, selection and scroll.
#[derive(Debug, Default)]
pub struct ClusterTree {
    /// The rows as shown, rebuilt when the filter or a fold changes.
    pub rows: Vec<Row>,
    /// Clusters unfolded while the filter is blank.
    expanded: HashSet<ClusterIdx>,
    /// Clusters folded by hand while filtering; forgotten when the filter text changes.
    folded_while_filtering: HashSet<ClusterIdx>,
    /// What is selected. It may be absent from `rows` only while nothing matches the filter.
    pub selected: Option<Selection>,
    /// The first visible row.
    pub offset: usize,
}

impl ClusterTree {
    /// The row of the selection, if it is visible.
    pub fn selected_row(&self) -> Option<usize> {
        let selected = self.selected?;
        self.rows.iter().position(|r| *r == selected)
    }

    /// Whether a cluster shows its occupations.
    pub fn is_open(&self, cluster: ClusterIdx, filtering: bool) -> bool {
        if filtering {
            !self.folded_while_filtering.contains(&cluster)
        } else {
            self.expanded.contains(&cluster)
        }
    }
}

/// The detail pane's scroll state.
#[derive(Debug, Default)]
pub struct Detail {
    /// The first visible line.
    pub scroll: usize,
    /// How many lines the current detail has at the current width.
    pub content_height: usize,
}

/// The whole browser state.
#[derive(Debug)]
pub struct App {
    pub catalog: Catalog,
    searcher: Searcher,
    pub filter: Filter,
    pub tree: ClusterTree,
    pub detail: Detail,
    pub focus: Focus,
    pub help_open: bool,
    /// The first visible line of the help overlay.
    pub help_scroll: usize,
    pub theme: Theme,
    /// The screen regions for the last known terminal size.
    pub areas: Areas,
    pub should_quit: bool,
}

impl App {
    /// A browser over `catalog`, laid out for a terminal of `size`.
    pub fn new(catalog: Catalog, theme: Theme, size: Rect) -> App {
        let searcher = Searcher::new(&catalog);
        let first = (!catalog.clusters.is_empty()).then_some(Selection::Cluster(ClusterIdx(0)));
        let mut app = App {
            searcher,
            filter: Filter {
                position: vec![None; catalog.occupations.len()],
                cluster_counts: vec![0; catalog.clusters.len()],
                ..Filter::default()
            },
            tree: ClusterTree {
                selected: first,
                ..ClusterTree::default()
            },
            detail: Detail::default(),
            focus: Focus::List,
            help_open: false,
            help_scroll: 0,
            theme,
            areas: Areas::new(size),
            should_quit: false,
            catalog,
        };
        app.rebuild_rows();
        app.refresh_detail();
        app
    }

    /// What the key map needs to know.
    pub fn key_context(&self) -> keymap::Context {
        keymap::Context {
            help_open: self.help_open,
            filter_empty: self.filter.text().is_empty(),
        }
    }

    /// True while a non-blank filter is applied.
    pub fn is_filtering(&self) -> bool {
        !self.filter.is_blank()
    }

    /// The number of occupations shown by the current filter, or all of them.
    pub fn visible_occupation_count(&self) -> usize {
        if self.is_filtering() {
            self.filter.matches.len()
        } else {
            self.catalog.occupations.len()
        }
    }

    /// The selection if it is on screen (none while nothing matches the filter).
    pub fn visible_selection(&self) -> Option<Selection> {
        self.tree.selected_row().and(self.tree.selected)
    }

    /// Applies one action. This is the only place state changes.
    pub fn update(&mut self, action: Action) {
        let before = self.tree.selected;
        match action {
            Action::SelectPrevious => self.move_or_scroll(-1),
            Action::SelectNext => self.move_or_scroll(1),
            Action::SelectPageUp => self.move_or_scroll(-(self.page_size() as isize)),
            Action::SelectPageDown => self.move_or_scroll(self.page_size() as isize),
            Action::SelectFirst => self.move_or_scroll(isize::MIN),
            Action::SelectLast => self.move_or_scroll(isize::MAX),
            Action::FoldCluster => self.fold(),
            Action::UnfoldCluster => self.unfold(),
            Action::Activate => self.activate(),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::List => Focus::Detail,
                    Focus::Detail => Focus::List,
                }
            }
            Action::EditFilter(request) => {
                self.filter.input.handle(request);
                self.apply_filter();
            }
            Action::PasteFilter(text) => {
                for c in text.chars() {
                    // a pasted newline or tab separates words; other controls are dropped
                    let c = if c.is_whitespace() { ' ' } else { c };
                    if !c.is_control() {
                        self.filter.input.handle(InputRequest::InsertChar(c));
                    }
                }
                self.apply_filter();
            }
            Action::Cancel => {
                if self.help_open {
                    self.help_open = false;
                    self.help_scroll = 0;
                } else if !self.filter.text().is_empty() {
                    self.filter.input.reset();
                    self.apply_filter();
                } else {
                    self.focus = Focus::List;
                }
            }
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            Action::Quit => self.should_quit = true,
            Action::Resize { width, height } => {
                self.areas = Areas::new(Rect::new(0, 0, width, height));
            }
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Scroll { column, row, down } => self.wheel(Position::new(column, row), down),
        }
        if self.tree.selected != before {
            self.detail.scroll = 0;
        }
        self.refresh_detail();
        self.scroll_selection_into_view();
    }

    // --- filtering -----------------------------------------------------------------------------

    fn apply_filter(&mut self) {
        self.focus = Focus::List;
        let query = Query::parse(self.filter.text());
        let matches = self.searcher.search(&query);
        self.filter.position.iter_mut().for_each(|p| *p = None);
        self.filter.cluster_counts.iter_mut().for_each(|c| *c = 0);
        for (i, m) in matches.iter().enumerate() {
            self.filter.position[m.occupation.0] = Some(i);
            let cluster = self.catalog.occupation(m.occupation).cluster;
            self.filter.cluster_counts[cluster.0] += 1;
        }
        let best = matches.first().map(|m| Selection::Occupation(m.occupation));
        self.filter.matches = matches;
        self.tree.folded_while_filtering.clear();

        if self.is_filtering() {
            let still_matches = matches!(self.tree.selected,
                Some(Selection::Occupation(o)) if self.filter.match_for(o).is_some());
            if !still_matches && best.is_some() {
                self.tree.selected = best;
            }
        } else if let Some(Selection::Occupation(o)) = self.tree.selected {
            // back to the whole catalog: keep the occupation, with its cluster open around it
            let cluster = self.catalog.occupation(o).cluster;
            self.tree.expanded.insert(cluster);
        }
        self.rebuild_rows();
        if self.tree.selected_row().is_none() && !self.tree.rows.is_empty() {
            self.tree.selected = self.tree.rows.first().copied();
        }
    }

    fn rebuild_rows(&mut self) {
        let filtering = self.is_filtering();
        let mut rows = Vec::new();
        if filtering {
            // Clusters in the order of their best match, so the best match is near the top;
            // occupations within a cluster in rank order.
            let mut by_cluster: Vec<(ClusterIdx, Vec<OccupationIdx>)> = Vec::new();
            for m in &self.filter.matches {
                let cluster = self.catalog.occupation(m.occupation).cluster;
                match by_cluster.iter_mut().find(|(c, _)| *c == cluster) {
                    Some((_, members)) => members.push(m.occupation),
                    None => by_cluster.push((cluster, vec![m.occupation])),
                }
            }
            for (cluster, members) in by_cluster {
                rows.push(Row::Cluster(cluster));
                if self.tree.is_open(cluster, true) {
                    rows.extend(members.into_iter().map(Row::Occupation));
                }
            }
        } else {
            for (c, cluster) in self.catalog.clusters.iter().enumerate() {
                rows.push(Row::Cluster(ClusterIdx(c)));
                if self.tree.is_open(ClusterIdx(c), false) {
                    rows.extend(cluster.occupations.iter().copied().map(Row::Occupation));
                }
            }
        }
        self.tree.rows = rows;
    }

    // --- the list ------------------------------------------------------------------------------

    fn page_size(&self) -> usize {
        let height = match self.focus {
            Focus::List => self.areas.list_inner().height,
            Focus::Detail => self.areas.detail_inner().height,
        };
        usize::from(height).saturating_sub(1).max(1)
    }

    fn move_or_scroll(&mut self, delta: isize) {
        if self.help_open {
            let (lines, height) = crate::ui::help::extent(self, self.areas.screen);
            let max = lines.saturating_sub(height);
            self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(max);
            return;
        }
        match self.focus {
            Focus::List => self.move_selection(delta),
            Focus::Detail => self.scroll_detail(delta),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let Some(row) = self.tree.selected_row() else {
            return;
        };
        let last = self.tree.rows.len() - 1;
        let target = row.saturating_add_signed(delta).min(last);
        self.tree.selected = Some(self.tree.rows[target]);
    }

    fn set_open(&mut self, cluster: ClusterIdx, open: bool) {
        if self.is_filtering() {
            if open {
                self.tree.folded_while_filtering.remove(&cluster);
            } else {
                self.tree.folded_while_filtering.insert(cluster);
            }
        } else if open {
            self.tree.expanded.insert(cluster);
        } else {
            self.tree.expanded.remove(&cluster);
        }
        self.rebuild_rows();
    }

    fn fold(&mut self) {
        match self.visible_selection() {
            Some(Selection::Occupation(o)) => {
                self.tree.selected = Some(Selection::Cluster(self.catalog.occupation(o).cluster));
            }
            Some(Selection::Cluster(c)) if self.tree.is_open(c, self.is_filtering()) => {
                self.set_open(c, false);
            }
            _ => {}
        }
    }

    fn unfold(&mut self) {
        if let Some(Selection::Cluster(c)) = self.visible_selection() {
            if self.tree.is_open(c, self.is_filtering()) {
                self.move_selection(1);
            } else {
                self.set_open(c, true);
            }
        }
    }

    fn activate(&mut self) {
        match self.visible_selection() {
            Some(Selection::Cluster(c)) => {
                let open = self.tree.is_open(c, self.is_filtering());
                self.set_open(c, !open);
            }
            Some(Selection::Occupation(_)) => self.focus = Focus::Detail,
            None => {}
        }
    }

    fn scroll_selection_into_view(&mut self) {
        let height = usize::from(self.areas.list_inner().height).max(1);
        let rows = self.tree.rows.len();
        // never leave blank rows at the bottom when there is more above
        self.tree.offset = self.tree.offset.min(rows.saturating_sub(height));
        if let Some(row) = self.tree.selected_row() {
            if row < self.tree.offset {
                self.tree.offset = row;
            } else if row >= self.tree.offset + height {
                self.tree.offset = row + 1 - height;
            }
        }
    }

    // --- the mouse -----------------------------------------------------------------------------

    fn click(&mut self, at: Position) {
        if self.help_open || self.areas.too_small {
            return;
        }
        let list = self.areas.list_inner();
        if list.contains(at) {
            self.focus = Focus::List;
            let row = self.tree.offset + usize::from(at.y - list.y);
            if let Some(&target) = self.tree.rows.get(row) {
                if self.tree.selected == Some(target) {
                    self.activate();
                } else {
                    self.tree.selected = Some(target);
                }
            }
        } else if self.areas.detail.contains(at) {
            self.focus = Focus::Detail;
        }
    }

    fn wheel(&mut self, at: Position, down: bool) {
        const STEP: isize = 3;
        let delta = if down { STEP } else { -STEP };
        if self.areas.list.contains(at) {
            let height = usize::from(self.areas.list_inner().height).max(1);
            let max = self.tree.rows.len().saturating_sub(height);
            self.tree.offset = self.tree.offset.saturating_add_signed(delta).min(max);
            // keep the selection on screen by moving it with the view
            if let Some(row) = self.tree.selected_row() {
                let clamped = row.clamp(self.tree.offset, self.tree.offset + height - 1);
                if let Some(&r) = self.tree.rows.get(clamped) {
                    self.tree.selected = Some(r);
                }
            }
        } else if self.areas.detail.contains(at) {
            self.scroll_detail(delta);
        }
    }

    // --- the detail ----------------------------------------------------------------------------

    fn max_detail_scroll(&self) -> usize {
        let height = usize::from(self.areas.detail_inner().height);
        self.detail.content_height.saturating_sub(height)
    }

    fn scroll_detail(&mut self, delta: isize) {
        self.detail.scroll = self
            .detail
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_detail_scroll());
    }

    fn refresh_detail(&mut self) {
        let width = self.areas.detail_inner().width;
        self.detail.content_height = crate::ui::detail::content(self, width).len();
        self.detail.scroll = self.detail.scroll.min(self.max_detail_scroll());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(
            Catalog::bundled().unwrap(),
            Theme::monochrome(),
            Rect::new(0, 0, 80, 24),
        )
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::EditFilter(InputRequest::InsertChar(c)));
        }
    }

    fn occ(app: &App, id: &str) -> Selection {
        Selection::Occupation(app.catalog.occupation_by_id(id).unwrap())
    }

    fn selected_title(app: &App) -> String {
        match app.tree.selected {
            Some(Selection::Occupation(o)) => app.catalog.occupation(o).title.clone(),
            Some(Selection::Cluster(c)) => app.catalog.cluster(c).name.clone(),
            None => String::new(),
        }
    }

    #[test]
    fn starts_with_five_folded_clusters_and_the_first_selected() {
        let app = app();
        assert_eq!(app.tree.rows.len(), 5);
        assert!(
            app.tree
                .rows
                .iter()
                .all(|r| matches!(r, Selection::Cluster(_)))
        );
        assert_eq!(app.tree.selected, Some(Selection::Cluster(ClusterIdx(0))));
        assert_eq!(app.focus, Focus::List);
    }

    #[test]
    fn typing_selects_the_best_match_and_opens_its_cluster() {
        let mut app = app();
        typed(&mut app, "physio");
        assert_eq!(selected_title(&app), "Physiotherapist");
        let rehab = app.catalog.cluster_by_id("rehabilitation").unwrap();
        assert_eq!(app.tree.rows[0], Selection::Cluster(rehab));
        assert!(app.tree.selected_row().is_some());
        assert_eq!(app.tree.selected_row(), Some(1), "just under its cluster");
        assert!(app.visible_occupation_count() < app.catalog.occupations.len());
    }

    #[test]
    fn selection_survives_filter_changes_by_identity() {
        let mut app = app();
        typed(&mut app, "nur");
        // move to some other matching occupation, then narrow/widen the filter
        app.update(Action::SelectNext);
        app.update(Action::SelectNext);
        let chosen = app.tree.selected.unwrap();
        assert!(matches!(chosen, Selection::Occupation(_)));
        app.update(Action::EditFilter(InputRequest::DeletePrevChar));
        assert_eq!(
            app.tree.selected,
            Some(chosen),
            "still matches 'nu', still selected"
        );
        app.update(Action::Cancel);
        assert!(app.filter.text().is_empty());
        assert_eq!(
            app.tree.selected,
            Some(chosen),
            "clearing the filter keeps it"
        );
        assert!(
            app.tree.selected_row().is_some(),
            "and its cluster is unfolded"
        );
    }

    #[test]
    fn a_selection_that_stops_matching_falls_back_to_the_best_match() {
        let mut app = app();
        typed(&mut app, "therapist");
        app.update(Action::SelectLast);
        typed(&mut app, " occ");
        assert_eq!(selected_title(&app), "Occupational Therapist");
    }

    #[test]
    fn no_match_is_a_normal_state() {
        let mut app = app();
        typed(&mut app, "zzzzqqq");
        assert!(app.tree.rows.is_empty());
        assert_eq!(app.visible_selection(), None);
        app.update(Action::SelectNext);
        app.update(Action::FoldCluster);
        app.update(Action::Activate);
        app.update(Action::Cancel);
        assert_eq!(app.tree.rows.len(), 5);
        assert!(app.visible_selection().is_some());
    }

    #[test]
    fn folding_and_unfolding() {
        let mut app = app();
        app.update(Action::UnfoldCluster);
        let first_cluster = app.catalog.clusters[0].occupations.len();
        assert_eq!(app.tree.rows.len(), 5 + first_cluster);
        app.update(Action::UnfoldCluster); // already open: step inside
        assert_eq!(
            app.tree.selected,
            Some(Selection::Occupation(
                app.catalog.clusters[0].occupations[0]
            ))
        );
        app.update(Action::FoldCluster); // occupation: go to its cluster
        assert_eq!(app.tree.selected, Some(Selection::Cluster(ClusterIdx(0))));
        app.update(Action::FoldCluster);
        assert_eq!(app.tree.rows.len(), 5);
        app.update(Action::Activate);
        assert_eq!(app.tree.rows.len(), 5 + first_cluster);
    }

    #[test]
    fn folding_while_filtering_is_forgotten_when_the_filter_changes() {
        let mut app = app();
        typed(&mut app, "therap");
        let rows = app.tree.rows.len();
        app.update(Action::FoldCluster);
        app.update(Action::FoldCluster);
        assert!(app.tree.rows.len() < rows);
        typed(&mut app, "i");
        assert!(app.tree.rows.iter().all(|r| match r {
            Selection::Cluster(c) => app.tree.is_open(*c, true),
            _ => true,
        }));
    }

    #[test]
    fn movement_is_clamped_and_pages_move_by_the_list_height() {
        let mut app = app();
        app.update(Action::SelectPrevious);
        assert_eq!(app.tree.selected_row(), Some(0));
        app.update(Action::SelectLast);
        assert_eq!(app.tree.selected_row(), Some(4));
        app.update(Action::SelectNext);
        assert_eq!(app.tree.selected_row(), Some(4));
        for c in 0..5 {
            app.tree.expanded.insert(ClusterIdx(c));
        }
        app.rebuild_rows();
        app.update(Action::SelectFirst);
        app.update(Action::SelectPageDown);
        assert_eq!(app.tree.selected_row(), Some(19)); // 20 visible rows, one kept for context
        assert_eq!(app.tree.offset, 0);
        app.update(Action::SelectPageDown);
        let last = app.tree.rows.len() - 1;
        assert!(last < 19 + 19, "the bundled catalog has fewer than 38 rows");
        assert_eq!(
            app.tree.selected_row(),
            Some(last),
            "a page past the end stops at the end"
        );
        assert_eq!(
            app.tree.offset,
            last + 1 - 20,
            "the selection is scrolled into view"
        );
        app.update(Action::SelectPageUp);
        app.update(Action::SelectPageUp);
        app.update(Action::SelectPageUp);
        assert_eq!(app.tree.selected_row(), Some(0));
        assert_eq!(app.tree.offset, 0);
    }

    #[test]
    fn focus_and_detail_scrolling() {
        let mut app = App::new(
            Catalog::bundled().unwrap(),
            Theme::monochrome(),
            Rect::new(0, 0, 60, 12),
        );
        typed(&mut app, "physio");
        app.update(Action::Activate);
        assert_eq!(app.focus, Focus::Detail);
        assert!(
            app.detail.content_height > 8,
            "the detail overflows a 12-row screen"
        );
        app.update(Action::SelectNext);
        app.update(Action::SelectNext);
        assert_eq!(app.detail.scroll, 2);
        assert_eq!(
            selected_title(&app),
            "Physiotherapist",
            "arrows scroll, not move"
        );
        app.update(Action::SelectLast);
        assert_eq!(app.detail.scroll, app.max_detail_scroll());
        app.update(Action::SelectNext);
        assert_eq!(app.detail.scroll, app.max_detail_scroll(), "no overscroll");
        app.update(Action::Cancel); // clears the filter
        app.update(Action::Cancel); // back to the list
        assert_eq!(app.focus, Focus::List);
        app.update(Action::ToggleFocus);
        assert_eq!(app.focus, Focus::Detail);
        app.update(Action::ToggleFocus);
        assert_eq!(app.focus, Focus::List);
    }

    #[test]
    fn detail_scroll_resets_when_the_selection_changes() {
        let mut app = App::new(
            Catalog::bundled().unwrap(),
            Theme::monochrome(),
            Rect::new(0, 0, 60, 12),
        );
        app.update(Action::ToggleFocus);
        app.update(Action::SelectPageDown);
        assert!(app.detail.scroll > 0);
        app.update(Action::ToggleFocus);
        app.update(Action::SelectNext);
        assert_eq!(app.detail.scroll, 0);
    }

    #[test]
    fn esc_closes_help_before_clearing_the_filter() {
        let mut app = app();
        typed(&mut app, "nurse");
        app.update(Action::ToggleHelp);
        app.update(Action::Cancel);
        assert!(!app.help_open);
        assert_eq!(app.filter.text(), "nurse");
        app.update(Action::Cancel);
        assert_eq!(app.filter.text(), "");
    }

    #[test]
    fn paste_lands_in_the_filter_at_once() {
        let mut app = app();
        app.update(Action::PasteFilter("physical\ntherapist\u{1b}".into()));
        assert_eq!(app.filter.text(), "physical therapist");
        assert_eq!(selected_title(&app), "Physiotherapist");
    }

    #[test]
    fn clicks_select_rows_and_wheel_scrolls() {
        let mut app = app();
        // row 1 of the list is the second cluster (the border is row 0)
        app.update(Action::Click { column: 3, row: 2 });
        assert_eq!(app.tree.selected, Some(Selection::Cluster(ClusterIdx(1))));
        app.update(Action::Click { column: 3, row: 2 }); // again: toggles it open
        assert!(app.tree.rows.len() > 5);
        app.update(Action::Click { column: 50, row: 5 });
        assert_eq!(app.focus, Focus::Detail);
        app.update(Action::Click { column: 3, row: 23 }); // the hint line: nothing
        assert_eq!(app.focus, Focus::Detail);
        for c in 0..5 {
            app.tree.expanded.insert(ClusterIdx(c));
        }
        app.rebuild_rows();
        app.update(Action::Scroll {
            column: 3,
            row: 5,
            down: true,
        });
        assert_eq!(app.tree.offset, 3);
        let row = app.tree.selected_row().unwrap();
        assert!((3..23).contains(&row), "selection kept on screen");
    }

    #[test]
    fn resizing_keeps_the_selection_visible() {
        let mut app = app();
        for c in 0..5 {
            app.tree.expanded.insert(ClusterIdx(c));
        }
        app.rebuild_rows();
        app.update(Action::SelectLast);
        app.update(Action::Resize {
            width: 60,
            height: 12,
        });
        let row = app.tree.selected_row().unwrap();
        let h = usize::from(app.areas.list_inner().height);
        assert!(row >= app.tree.offset && row < app.tree.offset + h);
        app.update(Action::Resize {
            width: 1,
            height: 1,
        });
        app.update(Action::Resize {
            width: 0,
            height: 0,
        });
        app.update(Action::SelectPrevious);
        app.update(Action::Resize {
            width: 200,
            height: 50,
        });
        assert_eq!(app.tree.offset, 0, "everything fits again");
    }

    #[test]
    fn selected_ids_are_real_occupations() {
        let mut app = app();
        typed(&mut app, "psych");
        assert!(
            [occ(&app, "psychologist"), occ(&app, "psychiatrist")]
                .contains(&app.tree.selected.unwrap())
        );
    }
}
