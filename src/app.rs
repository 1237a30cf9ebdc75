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
use crate::export::Subject;
use crate::keymap;
use crate::layout::Areas;
use crate::search::{Match, Query, Searcher};
use crate::theme::Theme;

/// The longest filter, in characters: far longer than any title or query a person types, and
/// short enough that a runaway paste costs nothing to search.
pub const FILTER_MAX_CHARS: usize = 200;

/// The notice shown when the filter is full.
fn filter_full() -> String {
    format!("The filter holds {FILTER_MAX_CHARS} characters at most; the rest was left out")
}

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

/// A view drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Overlay {
    #[default]
    None,
    Help,
    /// The shortlist, with the chosen row.
    Shortlist {
        cursor: usize,
    },
    /// Two or three occupations side by side.
    Compare {
        items: Vec<OccupationIdx>,
    },
}

/// The occupations an advisor marked with a client, in the order they were marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shortlist {
    pub items: Vec<OccupationIdx>,
}

impl Shortlist {
    pub fn contains(&self, o: OccupationIdx) -> bool {
        self.items.contains(&o)
    }

    /// Adds or removes; true when it is now marked.
    fn toggle(&mut self, o: OccupationIdx) -> bool {
        if let Some(i) = self.items.iter().position(|&x| x == o) {
            self.items.remove(i);
            false
        } else {
            self.items.push(o);
            true
        }
    }
}

/// A place to go back to: what was selected and what the filter said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub selection: Selection,
    pub filter: String,
}

/// I/O the terminal loop carries out for `update`, which never does I/O itself. The loop reports
/// the outcome back with [`Action::EffectDone`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this address in the system browser.
    OpenUrl(String),
    /// Write a Markdown handout in the working directory.
    WriteHandout(Subject),
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
    /// The view drawn over the panes, if any.
    pub overlay: Overlay,
    /// The first visible line of the help or compare overlay.
    pub overlay_scroll: usize,
    pub shortlist: Shortlist,
    /// Where related jumps started, most recent last; `GoBack` returns there.
    pub history: Vec<Visit>,
    /// Which related occupation Enter follows while the detail has focus.
    pub related_cursor: usize,
    /// Presentation mode: projector layout and colours.
    pub present: bool,
    /// True until the user moves in presentation mode: the detail shows the catalog overview.
    pub show_overview: bool,
    /// A one-line message for the user, until the next key.
    pub status: Option<String>,
    /// Work for the terminal loop to do outside `update` (I/O), drained by the loop.
    pub effects: Vec<Effect>,
    /// The styles in use: `themes.0` normally, `themes.1` in presentation mode.
    pub theme: Theme,
    themes: (Theme, Theme),
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
            overlay: Overlay::None,
            overlay_scroll: 0,
            shortlist: Shortlist::default(),
            history: Vec::new(),
            related_cursor: 0,
            present: false,
            show_overview: false,
            status: None,
            effects: Vec::new(),
            theme,
            themes: (theme, theme),
            areas: Areas::new(size, false),
            should_quit: false,
            catalog,
        };
        app.rebuild_rows();
        app.refresh_detail();
        app
    }

    /// Sets the styles for normal use and for presentation mode.
    pub fn set_themes(&mut self, normal: Theme, presentation: Theme) {
        self.themes = (normal, presentation);
        self.theme = if self.present { presentation } else { normal };
    }

    /// What the key map needs to know.
    pub fn key_context(&self) -> keymap::Context {
        keymap::Context {
            overlay: match self.overlay {
                Overlay::None => keymap::OverlayKind::None,
                Overlay::Help => keymap::OverlayKind::Help,
                Overlay::Shortlist { .. } => keymap::OverlayKind::Shortlist,
                Overlay::Compare { .. } => keymap::OverlayKind::Compare,
            },
            filter_empty: self.filter.text().is_empty(),
        }
    }

    /// True while the help overlay is open.
    pub fn help_open(&self) -> bool {
        self.overlay == Overlay::Help
    }

    /// The occupation on screen, if an occupation (not a cluster) is selected.
    pub fn selected_occupation(&self) -> Option<OccupationIdx> {
        match self.visible_selection() {
            Some(Selection::Occupation(o)) => Some(o),
            _ => None,
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
        if !matches!(
            action,
            Action::Resize { .. } | Action::Scroll { .. } | Action::EffectDone(_)
        ) {
            self.status = None;
        }
        match action {
            Action::SelectPrevious => self.move_or_scroll(-1),
            Action::SelectNext => self.move_or_scroll(1),
            Action::SelectPageUp => self.move_or_scroll(-(self.page_size() as isize)),
            Action::SelectPageDown => self.move_or_scroll(self.page_size() as isize),
            Action::SelectFirst => self.move_or_scroll(isize::MIN),
            Action::SelectLast => self.move_or_scroll(isize::MAX),
            Action::FoldCluster => match self.focus {
                Focus::List => self.fold(),
                Focus::Detail => self.move_related_cursor(-1),
            },
            Action::UnfoldCluster => match self.focus {
                Focus::List => self.unfold(),
                Focus::Detail => self.move_related_cursor(1),
            },
            Action::Activate => self.activate(),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::List => Focus::Detail,
                    Focus::Detail => Focus::List,
                }
            }
            Action::EditFilter(InputRequest::InsertChar(_))
                if self.filter.text().chars().count() >= FILTER_MAX_CHARS =>
            {
                self.status = Some(filter_full());
            }
            Action::EditFilter(request) => {
                self.filter.input.handle(request);
                self.apply_filter();
            }
            Action::PasteFilter(text) => self.paste(&text),
            Action::Cancel => {
                if self.overlay != Overlay::None {
                    self.close_overlay();
                } else if !self.filter.text().is_empty() {
                    self.filter.input.reset();
                    self.apply_filter();
                } else {
                    self.focus = Focus::List;
                }
            }
            Action::ToggleHelp => self.toggle_overlay(Overlay::Help),
            Action::ToggleShortlist => self.toggle_shortlist(),
            Action::ToggleShortlistView => self.toggle_overlay(Overlay::Shortlist { cursor: 0 }),
            Action::ToggleCompare => self.toggle_compare(),
            Action::ExportHandout => self.export_handout(),
            Action::TogglePresentation => {
                self.present = !self.present;
                self.show_overview = self.present;
                self.theme = if self.present {
                    self.themes.1
                } else {
                    self.themes.0
                };
                self.areas = Areas::new(self.areas.screen, self.present);
            }
            Action::OpenOfficialPage => self.open_official_page(),
            Action::FollowRelated(n) => self.follow_related(n.wrapping_sub(1)),
            Action::GoBack => self.go_back(),
            Action::EffectDone(message) => self.status = Some(message),
            Action::Quit => self.should_quit = true,
            Action::Resize { width, height } => {
                self.areas = Areas::new(Rect::new(0, 0, width, height), self.present);
            }
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Scroll { column, row, down } => self.wheel(Position::new(column, row), down),
        }
        if self.tree.selected != before {
            self.detail.scroll = 0;
            self.related_cursor = 0;
            self.show_overview = false;
        }
        self.refresh_detail();
        self.scroll_selection_into_view();
    }

    // --- overlays, shortlist, handouts ---------------------------------------------------------

    fn toggle_overlay(&mut self, overlay: Overlay) {
        let same = std::mem::discriminant(&self.overlay) == std::mem::discriminant(&overlay);
        if same {
            self.close_overlay();
        } else {
            self.overlay = overlay;
            self.overlay_scroll = 0;
        }
    }

    fn close_overlay(&mut self) {
        self.overlay = Overlay::None;
        self.overlay_scroll = 0;
    }

    fn toggle_shortlist(&mut self) {
        if let Overlay::Shortlist { cursor } = &mut self.overlay {
            // in the shortlist view the key removes the chosen row
            if *cursor < self.shortlist.items.len() {
                let o = self.shortlist.items.remove(*cursor);
                *cursor = (*cursor).min(self.shortlist.items.len().saturating_sub(1));
                let title = &self.catalog.occupation(o).title;
                self.status = Some(format!("Removed {title} from the shortlist"));
            }
            return;
        }
        let Some(o) = self.selected_occupation() else {
            self.status = Some("Select an occupation to put it on the shortlist".into());
            return;
        };
        let marked = self.shortlist.toggle(o);
        let title = &self.catalog.occupation(o).title;
        let n = self.shortlist.items.len();
        self.status = Some(if marked {
            format!("Marked {title} ({n} on the shortlist)")
        } else {
            format!("Unmarked {title} ({n} on the shortlist)")
        });
    }

    /// What Compare shows: the first three of the shortlist, or one marked plus the selection.
    pub fn compare_set(&self) -> Vec<OccupationIdx> {
        let mut items: Vec<OccupationIdx> = self.shortlist.items.iter().copied().take(3).collect();
        if items.len() < 3
            && let Some(o) = self.selected_occupation()
            && !items.contains(&o)
        {
            items.push(o);
        }
        items
    }

    fn toggle_compare(&mut self) {
        if matches!(self.overlay, Overlay::Compare { .. }) {
            self.close_overlay();
            return;
        }
        let items = self.compare_set();
        if items.len() < 2 {
            self.status =
                Some("Compare needs two or three occupations: mark them with Ctrl-S first".into());
            return;
        }
        self.overlay = Overlay::Compare { items };
        self.overlay_scroll = 0;
    }

    fn export_handout(&mut self) {
        let subject = if let Overlay::Compare { items } = &self.overlay {
            Some(Subject::Occupations(items.clone()))
        } else if !self.shortlist.items.is_empty() {
            Some(Subject::Occupations(self.shortlist.items.clone()))
        } else {
            match self.visible_selection() {
                Some(Selection::Occupation(o)) => Some(Subject::Occupations(vec![o])),
                Some(Selection::Cluster(c)) => Some(Subject::Cluster(c)),
                None => None,
            }
        };
        match subject {
            Some(subject) => {
                self.status = Some("Writing the handout…".into());
                self.effects.push(Effect::WriteHandout(subject));
            }
            None => self.status = Some("Nothing to write: select an occupation or cluster".into()),
        }
    }

    fn open_official_page(&mut self) {
        let Some(o) = self.selected_occupation() else {
            self.status = Some("Select an occupation to open its O*NET OnLine page".into());
            return;
        };
        let occupation = self.catalog.occupation(o);
        match &occupation.onet {
            Some(code) => {
                let url = crate::commands::onet_url(code);
                self.status = Some(format!("Opening {url}"));
                self.effects.push(Effect::OpenUrl(url));
            }
            None => {
                self.status = Some(format!(
                    "{} has no O*NET-SOC code in this catalog",
                    occupation.title
                ));
            }
        }
    }

    // --- related jumps and history -------------------------------------------------------------

    fn move_related_cursor(&mut self, delta: isize) {
        let Some(o) = self.selected_occupation() else {
            return;
        };
        let n = self.catalog.occupation(o).related.len();
        if n > 0 {
            self.related_cursor = self.related_cursor.saturating_add_signed(delta).min(n - 1);
        }
    }

    fn follow_related(&mut self, index: usize) {
        let Some(o) = self.selected_occupation() else {
            return;
        };
        let Some(&target) = self.catalog.occupation(o).related.get(index) else {
            self.status = Some("No related occupation with that number".into());
            return;
        };
        self.history.push(Visit {
            selection: Selection::Occupation(o),
            filter: self.filter.text().to_string(),
        });
        self.show(Selection::Occupation(target), String::new());
        self.focus = Focus::Detail;
    }

    fn go_back(&mut self) {
        match self.history.pop() {
            Some(visit) => {
                self.show(visit.selection, visit.filter);
                self.focus = Focus::Detail;
            }
            None => self.status = Some("Nothing to go back to".into()),
        }
    }

    /// Shows `selection` with the filter set to `filter`, unfolding its cluster if needed.
    fn show(&mut self, selection: Selection, filter: String) {
        if filter != self.filter.text() {
            self.filter.input = Input::new(filter);
        }
        self.tree.selected = Some(selection);
        self.apply_filter();
        if self.tree.selected_row().is_none()
            && let Selection::Occupation(o) = selection
        {
            let cluster = self.catalog.occupation(o).cluster;
            self.set_open(cluster, true);
            self.tree.selected = Some(selection);
        }
        if self.tree.selected_row().is_none() {
            self.tree.selected = self.tree.rows.first().copied();
        }
    }

    // --- filtering -----------------------------------------------------------------------------

    /// Inserts pasted text at the cursor in one step (inserting it a character at a time costs
    /// the length of the filter for each character), up to [`FILTER_MAX_CHARS`]. A pasted line
    /// break or tab separates words; control and invisible characters are dropped.
    fn paste(&mut self, text: &str) {
        let current = self.filter.text();
        let room = FILTER_MAX_CHARS.saturating_sub(current.chars().count());
        let mut pasted = String::new();
        let mut taken = 0;
        let mut cut = false;
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if !crate::text::is_safe(c) {
                continue;
            }
            if taken == room {
                cut = true;
                break;
            }
            pasted.push(c);
            taken += 1;
        }
        let cursor = self.filter.input.cursor();
        let mut value: String = current.chars().take(cursor).collect();
        value.push_str(&pasted);
        value.extend(current.chars().skip(cursor));
        self.filter.input = Input::new(value).with_cursor(cursor + taken);
        self.apply_filter();
        if cut {
            self.status = Some(filter_full());
        }
    }

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
        let extent = match &self.overlay {
            Overlay::None => None,
            Overlay::Help => Some(crate::ui::help::extent(self, self.areas.screen)),
            Overlay::Compare { items } => Some(crate::ui::compare::extent(
                self,
                items,
                self.areas.compare(),
            )),
            Overlay::Shortlist { cursor } => {
                let last = self.shortlist.items.len().saturating_sub(1);
                let cursor = cursor.saturating_add_signed(delta).min(last);
                self.overlay = Overlay::Shortlist { cursor };
                return;
            }
        };
        if let Some((lines, height)) = extent {
            let max = lines.saturating_sub(height);
            self.overlay_scroll = self.overlay_scroll.saturating_add_signed(delta).min(max);
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
        if let Overlay::Shortlist { cursor } = self.overlay {
            if let Some(&o) = self.shortlist.items.get(cursor) {
                self.close_overlay();
                let filter = self.filter.text().to_string();
                self.show(Selection::Occupation(o), filter);
            }
            return;
        }
        if self.focus == Focus::Detail && self.selected_occupation().is_some() {
            self.follow_related(self.related_cursor);
            return;
        }
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
        if self.overlay != Overlay::None || self.areas.too_small {
            return;
        }
        let list = self.areas.list_inner();
        if list.contains(at) {
            self.focus = Focus::List;
            let row = self.tree.offset + usize::from(at.y - list.y);
            if let Some(&target) = self.tree.rows.get(row) {
                // the columns of the shortlist mark toggle it, as Ctrl-S would
                let on_mark = (1..=2).contains(&(at.x - list.x));
                if on_mark && let Selection::Occupation(_) = target {
                    self.tree.selected = Some(target);
                    self.toggle_shortlist();
                } else if self.tree.selected == Some(target) {
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
        assert!(!app.help_open());
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
    fn a_paste_goes_in_at_the_cursor_and_stops_at_the_cap() {
        let mut app = app();
        typed(&mut app, "ptherapist");
        app.update(Action::EditFilter(InputRequest::GoToStart));
        app.update(Action::EditFilter(InputRequest::GoToNextChar));
        app.update(Action::PasteFilter("hysical\u{2028}\u{202e}".into()));
        assert_eq!(app.filter.text(), "physical therapist");
        assert_eq!(app.filter.input.cursor(), "physical ".len());
        assert_eq!(app.status, None);

        // a megabyte paste keeps the first characters that fit, in one step, and says so
        let mut app = self::app();
        typed(&mut app, "ab");
        app.update(Action::PasteFilter("x".repeat(1 << 20)));
        assert_eq!(app.filter.text().chars().count(), FILTER_MAX_CHARS);
        assert!(app.filter.text().starts_with("abxxx"));
        let notice = app.status.clone().expect("a notice");
        assert!(notice.contains("200 characters at most"), "{notice}");
        // typing past the cap changes nothing and says so; editing still works
        app.update(Action::EditFilter(InputRequest::InsertChar('y')));
        assert_eq!(app.filter.text().chars().count(), FILTER_MAX_CHARS);
        assert!(!app.filter.text().contains('y'));
        assert!(app.status.is_some());
        app.update(Action::EditFilter(InputRequest::DeletePrevChar));
        assert_eq!(app.filter.text().chars().count(), FILTER_MAX_CHARS - 1);
        app.update(Action::EditFilter(InputRequest::InsertChar('y')));
        assert!(app.filter.text().ends_with('y'));
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

    fn select(app: &mut App, id: &str) {
        let target = occ(app, id);
        app.show(target, String::new());
        assert_eq!(app.visible_selection(), Some(target));
    }

    #[test]
    fn marking_builds_a_shortlist_in_order_and_unmarking_removes() {
        let mut app = app();
        app.update(Action::ToggleShortlist);
        assert!(app.shortlist.items.is_empty(), "a cluster cannot be marked");
        assert!(
            app.status
                .as_deref()
                .unwrap_or("")
                .contains("Select an occupation")
        );
        for id in ["physiotherapist", "kinesiologist", "dietitian"] {
            select(&mut app, id);
            app.update(Action::ToggleShortlist);
        }
        let ids: Vec<&str> = app
            .shortlist
            .items
            .iter()
            .map(|&o| app.catalog.occupation(o).id.as_str())
            .collect();
        assert_eq!(ids, ["physiotherapist", "kinesiologist", "dietitian"]);
        assert_eq!(
            app.status.as_deref(),
            Some("Marked Dietitian (3 on the shortlist)")
        );
        select(&mut app, "kinesiologist");
        app.update(Action::ToggleShortlist);
        assert_eq!(app.shortlist.items.len(), 2);
        assert!(
            !app.shortlist
                .contains(app.catalog.occupation_by_id("kinesiologist").unwrap())
        );
    }

    #[test]
    fn typing_never_marks_and_marking_never_types() {
        let mut app = app();
        typed(&mut app, "physio");
        app.update(Action::ToggleShortlist);
        assert_eq!(app.filter.text(), "physio");
        assert_eq!(app.shortlist.items.len(), 1);
    }

    #[test]
    fn the_shortlist_view_goes_to_and_removes_items() {
        let mut app = app();
        for id in ["physiotherapist", "pharmacist"] {
            select(&mut app, id);
            app.update(Action::ToggleShortlist);
        }
        select(&mut app, "psychologist");
        app.update(Action::ToggleShortlistView);
        assert_eq!(app.overlay, Overlay::Shortlist { cursor: 0 });
        app.update(Action::SelectNext);
        assert_eq!(app.overlay, Overlay::Shortlist { cursor: 1 });
        app.update(Action::SelectNext);
        assert_eq!(
            app.overlay,
            Overlay::Shortlist { cursor: 1 },
            "clamped to the last item"
        );
        app.update(Action::Activate);
        assert_eq!(app.overlay, Overlay::None);
        assert_eq!(selected_title(&app), "Pharmacist");
        app.update(Action::ToggleShortlistView);
        app.update(Action::ToggleShortlist); // removes the chosen (first) item
        assert_eq!(
            app.shortlist.items,
            vec![app.catalog.occupation_by_id("pharmacist").unwrap()]
        );
        app.update(Action::Cancel);
        assert_eq!(app.overlay, Overlay::None);
    }

    #[test]
    fn compare_takes_the_shortlist_or_one_mark_and_the_selection() {
        let mut app = app();
        app.update(Action::ToggleCompare);
        assert_eq!(app.overlay, Overlay::None, "nothing to compare");
        assert!(app.status.as_deref().unwrap_or("").contains("two or three"));
        select(&mut app, "physiotherapist");
        app.update(Action::ToggleShortlist);
        select(&mut app, "kinesiologist");
        app.update(Action::ToggleCompare);
        let physio = app.catalog.occupation_by_id("physiotherapist").unwrap();
        let kin = app.catalog.occupation_by_id("kinesiologist").unwrap();
        assert_eq!(
            app.overlay,
            Overlay::Compare {
                items: vec![physio, kin]
            }
        );
        app.update(Action::SelectPageDown);
        assert!(app.overlay_scroll > 0, "the comparison scrolls");
        app.update(Action::ToggleCompare);
        assert_eq!(app.overlay, Overlay::None);
        // four marked: the first three are compared
        for id in ["kinesiologist", "athletic-therapist", "chiropractor"] {
            select(&mut app, id);
            app.update(Action::ToggleShortlist);
        }
        app.update(Action::ToggleCompare);
        match &app.overlay {
            Overlay::Compare { items } => assert_eq!(items.len(), 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn related_jumps_walk_forward_and_back() {
        let mut app = app();
        typed(&mut app, "physiotherapist");
        let physio = occ(&app, "physiotherapist");
        let related = app
            .catalog
            .occupation(app.catalog.occupation_by_id("physiotherapist").unwrap())
            .related
            .clone();
        let kin = app.catalog.occupation_by_id("kinesiologist").unwrap();
        let n = related
            .iter()
            .position(|&r| r == kin)
            .expect("physio relates to kinesiologist")
            + 1;
        app.update(Action::FollowRelated(n));
        assert_eq!(app.visible_selection(), Some(Selection::Occupation(kin)));
        assert_eq!(
            app.filter.text(),
            "",
            "the filter is cleared so the target is visible"
        );
        assert_eq!(app.focus, Focus::Detail);
        // in the detail, → chooses the next link and Enter follows it
        let kin_related = app.catalog.occupation(kin).related.clone();
        assert!(kin_related.len() >= 2);
        app.update(Action::UnfoldCluster);
        assert_eq!(app.related_cursor, 1);
        app.update(Action::Activate);
        assert_eq!(
            app.visible_selection(),
            Some(Selection::Occupation(kin_related[1]))
        );
        app.update(Action::GoBack);
        assert_eq!(app.visible_selection(), Some(Selection::Occupation(kin)));
        app.update(Action::GoBack);
        assert_eq!(app.visible_selection(), Some(physio), "back at the start");
        assert_eq!(
            app.filter.text(),
            "physiotherapist",
            "with the filter as it was"
        );
        app.update(Action::GoBack);
        assert_eq!(app.status.as_deref(), Some("Nothing to go back to"));
        app.update(Action::FollowRelated(99));
        assert_eq!(app.visible_selection(), Some(physio));
    }

    #[test]
    fn handouts_and_pages_are_effects_not_io() {
        let mut app = app();
        app.update(Action::ExportHandout);
        assert_eq!(
            app.effects,
            vec![Effect::WriteHandout(Subject::Cluster(ClusterIdx(0)))]
        );
        app.effects.clear();
        select(&mut app, "physiotherapist");
        app.update(Action::OpenOfficialPage);
        assert_eq!(
            app.effects,
            vec![Effect::OpenUrl(
                "https://www.onetonline.org/link/summary/29-1123.00".into()
            )]
        );
        app.effects.clear();
        app.update(Action::ToggleShortlist);
        select(&mut app, "dietitian");
        app.update(Action::ToggleShortlist);
        app.update(Action::ExportHandout);
        let physio = app.catalog.occupation_by_id("physiotherapist").unwrap();
        let diet = app.catalog.occupation_by_id("dietitian").unwrap();
        assert_eq!(
            app.effects,
            vec![Effect::WriteHandout(Subject::Occupations(vec![
                physio, diet
            ]))]
        );
        app.update(Action::EffectDone("Wrote the handout to /tmp/x.md".into()));
        assert_eq!(
            app.status.as_deref(),
            Some("Wrote the handout to /tmp/x.md")
        );
        app.update(Action::SelectNext);
        assert_eq!(app.status, None, "a message lasts until the next key");
        // an occupation without an O*NET code says so instead of opening anything
        app.effects.clear();
        select(&mut app, "health-informatics-specialist");
        app.update(Action::OpenOfficialPage);
        let policy = app
            .catalog
            .occupation_by_id("health-policy-analyst")
            .unwrap();
        select(&mut app, "health-policy-analyst");
        assert!(app.catalog.occupation(policy).onet.is_none());
        app.update(Action::OpenOfficialPage);
        assert!(
            app.effects
                .iter()
                .all(|e| !matches!(e, Effect::OpenUrl(u) if u.contains("None")))
        );
        assert!(
            app.status
                .as_deref()
                .unwrap_or("")
                .contains("has no O*NET-SOC code")
        );
    }

    #[test]
    fn presentation_mode_switches_layout_colours_and_start_view() {
        let mut app = app();
        app.set_themes(Theme::dark(), Theme::high_contrast());
        app.update(Action::TogglePresentation);
        assert!(app.present && app.show_overview);
        assert_eq!(app.theme, Theme::high_contrast());
        assert!(app.areas.list.width < Areas::new(app.areas.screen, false).list.width);
        app.update(Action::SelectNext);
        assert!(!app.show_overview, "moving leaves the overview");
        app.update(Action::TogglePresentation);
        assert_eq!(app.theme, Theme::dark());
        assert!(!app.present);
    }
}
