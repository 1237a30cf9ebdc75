//! The left pane: clusters as foldable groups with their occupation counts, occupations beneath,
//! matched characters highlighted and, when a row matched on something other than its title, the
//! reason in a muted suffix ("· also called: Physical therapist").
//!
//! Owns the rows, the folds, the selection (kept by identity, never by a bare row number, so it
//! survives filtering), the scroll offset and the hit tests of clicks. It reads the catalog and
//! the filter's matches and must not change either, nor know about other panes or `app`.

use std::collections::HashSet;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::chrome;
use super::filter::Filter;
use super::keymap::{self, Mode};
use super::shortlist::Shortlist;
use super::spans::{highlighted, spans_width, truncate};
use super::theme::Theme;
use crate::browser::action::Action;
use crate::catalog::{Catalog, ClusterIdx, OccupationIdx};
use crate::search::{Field, merge_ranges};
use crate::text::{matched_word, width};

/// The selection marker, shown together with reverse video so it never depends on colour.
pub const MARKER: &str = ">";

/// What is selected in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Selection {
    Cluster(ClusterIdx),
    Occupation(OccupationIdx),
}

/// One visible row of the list.
pub type Row = Selection;

/// The list's state.
#[derive(Debug, Default)]
pub struct List {
    /// The rows as shown, rebuilt when the filter or a fold changes.
    rows: Vec<Row>,
    /// Clusters unfolded while the filter is blank.
    expanded: HashSet<ClusterIdx>,
    /// Clusters folded by hand while filtering; forgotten when the filter text changes.
    folded_while_filtering: HashSet<ClusterIdx>,
    /// What is selected. It may be absent from `rows` only while nothing matches the filter.
    selected: Option<Selection>,
    /// The first visible row.
    offset: usize,
}

/// A click on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub row: Row,
    /// On the columns of the shortlist mark.
    pub on_mark: bool,
}

impl List {
    /// The list of `catalog` with the filter blank, its first cluster selected.
    pub fn new(catalog: &Catalog, filter: &Filter) -> List {
        let mut list = List {
            selected: (!catalog.clusters().is_empty()).then_some(Selection::Cluster(ClusterIdx(0))),
            ..List::default()
        };
        list.rebuild(catalog, filter);
        list
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The selection, visible or not.
    pub fn selected(&self) -> Option<Selection> {
        self.selected
    }

    /// The first visible row.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The row of the selection, if it is visible.
    pub fn selected_row(&self) -> Option<usize> {
        let selected = self.selected?;
        self.rows.iter().position(|r| *r == selected)
    }

    /// The selection if it is on screen (none while nothing matches the filter).
    pub fn visible_selection(&self) -> Option<Selection> {
        self.selected_row().and(self.selected)
    }

    /// Whether a cluster shows its occupations.
    pub fn is_open(&self, cluster: ClusterIdx, filtering: bool) -> bool {
        if filtering {
            !self.folded_while_filtering.contains(&cluster)
        } else {
            self.expanded.contains(&cluster)
        }
    }

    /// Selects `selection`, visible or not.
    pub fn select(&mut self, selection: Selection) {
        self.selected = Some(selection);
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        let Some(row) = self.selected_row() else {
            return;
        };
        let last = self.rows.len() - 1;
        let target = row.saturating_add_signed(delta).min(last);
        self.selected = Some(self.rows[target]);
    }

    /// Opens or closes a cluster.
    pub fn set_open(
        &mut self,
        cluster: ClusterIdx,
        open: bool,
        catalog: &Catalog,
        filter: &Filter,
    ) {
        if !filter.is_blank() {
            if open {
                self.folded_while_filtering.remove(&cluster);
            } else {
                self.folded_while_filtering.insert(cluster);
            }
        } else if open {
            self.expanded.insert(cluster);
        } else {
            self.expanded.remove(&cluster);
        }
        self.rebuild(catalog, filter);
    }

    /// ←: from an occupation to its cluster, or folds an open cluster.
    pub fn fold(&mut self, catalog: &Catalog, filter: &Filter) {
        match self.visible_selection() {
            Some(Selection::Occupation(o)) => {
                self.selected = Some(Selection::Cluster(catalog.occupation(o).cluster()));
            }
            Some(Selection::Cluster(c)) if self.is_open(c, !filter.is_blank()) => {
                self.set_open(c, false, catalog, filter);
            }
            _ => {}
        }
    }

    /// →: unfolds a cluster, or steps into it when it is open.
    pub fn unfold(&mut self, catalog: &Catalog, filter: &Filter) {
        if let Some(Selection::Cluster(c)) = self.visible_selection() {
            if self.is_open(c, !filter.is_blank()) {
                self.move_by(1);
            } else {
                self.set_open(c, true, catalog, filter);
            }
        }
    }

    /// Opens a closed cluster and closes an open one.
    pub fn toggle_cluster(&mut self, c: ClusterIdx, catalog: &Catalog, filter: &Filter) {
        let open = self.is_open(c, !filter.is_blank());
        self.set_open(c, !open, catalog, filter);
    }

    /// After the filter's text changed: keeps the selection while it still matches, else selects
    /// the best match; back to the whole catalog, keeps the occupation with its cluster open.
    pub fn filter_changed(
        &mut self,
        catalog: &Catalog,
        filter: &Filter,
        best: Option<OccupationIdx>,
    ) {
        self.folded_while_filtering.clear();
        if !filter.is_blank() {
            let still_matches = matches!(self.selected,
                Some(Selection::Occupation(o)) if filter.match_for(o).is_some());
            if !still_matches && let Some(best) = best {
                self.selected = Some(Selection::Occupation(best));
            }
        } else if let Some(Selection::Occupation(o)) = self.selected {
            self.expanded.insert(catalog.occupation(o).cluster());
        }
        self.rebuild(catalog, filter);
        self.select_first_if_hidden();
    }

    /// Shows `selection` (the filter already set), unfolding its cluster if needed.
    pub fn reveal(&mut self, selection: Selection, catalog: &Catalog, filter: &Filter) {
        self.selected = Some(selection);
        if self.selected_row().is_none()
            && let Selection::Occupation(o) = selection
        {
            self.set_open(catalog.occupation(o).cluster(), true, catalog, filter);
            self.selected = Some(selection);
        }
        self.select_first_if_hidden();
    }

    fn select_first_if_hidden(&mut self) {
        if self.selected_row().is_none() && !self.rows.is_empty() {
            self.selected = self.rows.first().copied();
        }
    }

    /// Rebuilds the rows from the catalog or the filter's matches.
    pub fn rebuild(&mut self, catalog: &Catalog, filter: &Filter) {
        let mut rows = Vec::new();
        if !filter.is_blank() {
            // Clusters in the order of their best match, so the best match is near the top;
            // occupations within a cluster in rank order.
            let mut by_cluster: Vec<(ClusterIdx, Vec<OccupationIdx>)> = Vec::new();
            for m in filter.matches() {
                let cluster = catalog.occupation(m.occupation).cluster();
                match by_cluster.iter_mut().find(|(c, _)| *c == cluster) {
                    Some((_, members)) => members.push(m.occupation),
                    None => by_cluster.push((cluster, vec![m.occupation])),
                }
            }
            for (cluster, members) in by_cluster {
                rows.push(Row::Cluster(cluster));
                if self.is_open(cluster, true) {
                    rows.extend(members.into_iter().map(Row::Occupation));
                }
            }
        } else {
            for (c, cluster) in catalog.clusters().iter().enumerate() {
                rows.push(Row::Cluster(ClusterIdx(c)));
                if self.is_open(ClusterIdx(c), false) {
                    rows.extend(cluster.occupations().iter().copied().map(Row::Occupation));
                }
            }
        }
        self.rows = rows;
    }

    /// Scrolls so the selection is among the `height` visible rows, with no blank rows at the
    /// bottom while there is more above.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
        if let Some(row) = self.selected_row() {
            if row < self.offset {
                self.offset = row;
            } else if row >= self.offset + height {
                self.offset = row + 1 - height;
            }
        }
    }

    /// The mouse wheel: scrolls the view and carries the selection along so it stays visible.
    pub fn wheel(&mut self, delta: isize, height: usize) {
        let height = height.max(1);
        let max = self.rows.len().saturating_sub(height);
        self.offset = self.offset.saturating_add_signed(delta).min(max);
        if let Some(row) = self.selected_row() {
            let clamped = row.clamp(self.offset, self.offset + height - 1);
            if let Some(&r) = self.rows.get(clamped) {
                self.selected = Some(r);
            }
        }
    }

    /// What a click at `at` hits, when the rows are drawn in `inner`.
    pub fn hit(&self, inner: Rect, at: Position) -> Option<Hit> {
        if !inner.contains(at) {
            return None;
        }
        let row = *self.rows.get(self.offset + usize::from(at.y - inner.y))?;
        let on_mark = matches!(row, Row::Occupation(_)) && (1..=2).contains(&(at.x - inner.x));
        Some(Hit { row, on_mark })
    }
}

/// What the list shows, borrowed for one measurement or one draw.
pub struct ListView<'a> {
    pub catalog: &'a Catalog,
    pub list: &'a List,
    pub filter: &'a Filter,
    pub shortlist: &'a Shortlist,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl ListView<'_> {
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let theme = self.theme;
        let focused = self.focused;
        let mut title = format!(
            " Clusters · {} occupations ",
            self.catalog.occupations().len()
        );
        if width(&title) + 2 > usize::from(area.width) {
            title = " Clusters ".to_string();
        }
        let block = chrome::pane(theme, Span::styled(title, theme.title), focused);
        let inner = block.inner(area);
        frame.render_widget(block, area);

        if self.list.rows.is_empty() {
            let clear = keymap::first_key(&Action::Cancel, Mode::List);
            let lines = [
                Line::styled(" No occupation matches.", theme.notice),
                Line::styled(format!(" {clear} clears the filter."), theme.muted),
            ];
            for (i, line) in lines.into_iter().enumerate() {
                if (i as u16) < inner.height {
                    let r = Rect::new(inner.x, inner.y + i as u16, inner.width, 1);
                    frame.render_widget(line, r);
                }
            }
            return;
        }

        let height = usize::from(inner.height);
        let rows = &self.list.rows;
        let offset = self.list.offset.min(rows.len().saturating_sub(height));
        let selected = self.list.visible_selection();
        for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
            let r = Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1);
            let is_selected = selected == Some(*row);
            let mut spans = match row {
                Row::Cluster(c) => self.cluster_row(*c, usize::from(r.width)),
                Row::Occupation(o) => self.occupation_row(*o, usize::from(r.width)),
            };
            spans[0] = Span::styled(if is_selected { MARKER } else { " " }, spans[0].style);
            let mut line = Line::from(spans);
            if is_selected {
                line = line.patch_style(theme.selected);
                // fill the rest of the row so reverse video covers it
                let pad = usize::from(r.width).saturating_sub(line.width());
                line.push_span(Span::styled(" ".repeat(pad), theme.selected));
            }
            frame.render_widget(line, r);
        }

        chrome::scrollbar(frame, theme, area, rows.len(), height, offset);
    }

    /// `M▾ Name…  N`: marker placeholder, fold symbol, name, right-aligned count.
    fn cluster_row(&self, c: ClusterIdx, row_width: usize) -> Vec<Span<'static>> {
        let theme = self.theme;
        let cluster = self.catalog.cluster(c);
        let filtering = !self.filter.is_blank();
        let open = self.list.is_open(c, filtering);
        let count = if filtering {
            self.filter.cluster_count(c)
        } else {
            cluster.occupations().len()
        };
        let count = format!(" {count}");
        let fold = if open {
            theme.glyphs.open
        } else {
            theme.glyphs.folded
        };
        let mut ranges = Vec::new();
        if filtering {
            for &o in cluster.occupations() {
                if let Some(m) = self.filter.match_for(o) {
                    ranges.extend(m.ranges(Field::Cluster));
                }
            }
            merge_ranges(&mut ranges);
        }
        let name = highlighted(cluster.name(), &ranges, theme.cluster, theme.matched);
        let name_room = row_width.saturating_sub(1 + width(fold) + width(&count));
        let name = truncate(name, name_room);
        let pad = name_room.saturating_sub(spans_width(&name));
        let mut spans = vec![Span::raw(" "), Span::styled(fold, theme.cluster)];
        spans.extend(name);
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(count, theme.muted));
        truncate(spans, row_width)
    }

    /// `M   Title · reason: text`.
    fn occupation_row(&self, o: OccupationIdx, row_width: usize) -> Vec<Span<'static>> {
        let theme = self.theme;
        let occupation = self.catalog.occupation(o);
        let m = self.filter.match_for(o);
        let title_ranges = m.map(|m| m.ranges(Field::Title)).unwrap_or_default();
        let mark = if self.shortlist.contains(o) {
            Span::styled(format!(" {} ", theme.glyphs.mark), theme.key)
        } else {
            Span::raw("   ")
        };
        let mut spans = vec![Span::raw(" "), mark];
        spans.extend(highlighted(
            occupation.title(),
            &title_ranges,
            theme.text,
            theme.matched,
        ));
        if let Some(words) = m.and_then(|m| m.partial.as_ref()) {
            // closest first: say which of the words this one has
            spans.push(Span::styled(
                format!(" · matches: {}", words.join(", ")),
                theme.muted,
            ));
        } else if let Some((m, field)) = m.and_then(|m| m.reason.map(|f| (m, f))) {
            let text = field.text(self.catalog, o);
            let ranges = m.ranges(field);
            let (text, ranges) = snippet(field, text, &ranges);
            spans.push(Span::styled(format!(" · {}: ", field.label()), theme.muted));
            spans.extend(highlighted(&text, &ranges, theme.muted, theme.matched));
        }
        truncate(spans, row_width)
    }
}

/// For long fields (summary, duties) only the word that matched is shown; short ones whole.
fn snippet(field: Field, text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    if field.is_long() {
        matched_word(text, ranges)
    } else {
        (text.to_string(), ranges.to_vec())
    }
}
