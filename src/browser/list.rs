//! The left pane: clusters as foldable groups with their occupation counts, occupations beneath,
//! matched characters highlighted and, when a row matched on something other than its title, the
//! reason in a muted suffix ("· also called: Physical therapist").
//!
//! Names are never cut: a row that does not fit its width wraps onto more lines (a cluster's name
//! under itself, an occupation's with a hanging indent), up to [`MAX_ROW_LINES`]. [`RowPainter`]
//! is the one place that decides how tall a row is, so drawing, scrolling and clicks agree.
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
use super::spans::{cap_lines, highlighted, truncate, wrap};
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

/// The most screen lines one row takes; a longer one ends with `…` (only a reason as long as a
/// paragraph, or a very narrow pane, comes to that).
pub const MAX_ROW_LINES: usize = 4;

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
    /// The selection was chosen by the person (a move, a click, a jump), not set to the
    /// filter's best match: typing keeps it while it still has every word typed.
    picked: bool,
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

    /// Selects `selection`, visible or not, as the person's choice.
    pub fn select(&mut self, selection: Selection) {
        self.selected = Some(selection);
        self.picked = true;
    }

    /// Moves the selection by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize) {
        let Some(row) = self.selected_row() else {
            return;
        };
        let last = self.rows.len() - 1;
        let target = row.saturating_add_signed(delta).min(last);
        self.selected = Some(self.rows[target]);
        self.picked = true;
    }

    /// A page down (or up): the selection moves by the rows that fill the list's `height`
    /// lines but one, kept for context; at least one row.
    pub fn page(&mut self, down: bool, height: usize, row_height: &dyn Fn(Row) -> usize) {
        let Some(row) = self.selected_row() else {
            return;
        };
        let budget = height.saturating_sub(1).max(1);
        let mut target = row;
        let mut used = 0;
        loop {
            let next = if down {
                target + 1
            } else if let Some(previous) = target.checked_sub(1) {
                previous
            } else {
                break;
            };
            let Some(&next_row) = self.rows.get(next) else {
                break;
            };
            // the lines passed: the row left behind going down, the row arrived at going up
            used += row_height(if down { self.rows[target] } else { next_row });
            if used > budget && target != row {
                break;
            }
            target = next;
        }
        self.selected = Some(self.rows[target]);
        self.picked = true;
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

    /// After the filter's text changed: keeps an occupation the person chose while it still has
    /// every word typed, else selects the best match (so typing a name key by key ends on it);
    /// back to the whole catalog, keeps the occupation with its cluster open.
    pub fn filter_changed(
        &mut self,
        catalog: &Catalog,
        filter: &Filter,
        best: Option<OccupationIdx>,
    ) {
        self.folded_while_filtering.clear();
        // new text, new list: it is read from the top, where the best match is
        self.offset = 0;
        if !filter.is_blank() {
            let keep = self.picked
                && matches!(self.selected, Some(Selection::Occupation(o))
                    if filter.match_for(o).is_some_and(|m| m.partial.is_none()));
            if !keep && let Some(best) = best {
                self.selected = Some(Selection::Occupation(best));
                self.picked = false;
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
        self.picked = true;
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

    /// The greatest useful offset: the first row from which the rest fill `height` lines.
    fn max_offset(&self, height: usize, row_height: &dyn Fn(Row) -> usize) -> usize {
        let mut first = self.rows.len();
        let mut used = 0;
        while first > 0 {
            let h = row_height(self.rows[first - 1]);
            if used + h > height {
                break;
            }
            used += h;
            first -= 1;
        }
        first.min(self.rows.len().saturating_sub(1))
    }

    /// The rows from `offset` that fit whole in `height` lines (at least one).
    fn whole_rows_from(
        &self,
        offset: usize,
        height: usize,
        row_height: &dyn Fn(Row) -> usize,
    ) -> usize {
        let mut used = 0;
        let mut count = 0;
        for &row in self.rows.iter().skip(offset) {
            used += row_height(row);
            if used > height {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    /// Scrolls so the selection is whole among the `height` visible lines, with no blank lines
    /// at the bottom while there is more above. Measures only the rows between the offset and the
    /// selection, or a screenful from the end.
    pub fn scroll_into_view(&mut self, height: usize, row_height: &dyn Fn(Row) -> usize) {
        let height = height.max(1);
        self.offset = self.offset.min(self.max_offset(height, row_height));
        let Some(row) = self.selected_row() else {
            return;
        };
        if row < self.offset {
            self.offset = row;
            return;
        }
        // the lowest first row from which the selection still fits, looking no further than
        // the current offset
        let mut first = row;
        let mut used = row_height(self.rows[row]);
        while first > self.offset {
            let h = row_height(self.rows[first - 1]);
            if used + h > height {
                break;
            }
            used += h;
            first -= 1;
        }
        self.offset = first;
    }

    /// The mouse wheel: scrolls the view and carries the selection along so it stays visible.
    pub fn wheel(&mut self, delta: isize, height: usize, row_height: &dyn Fn(Row) -> usize) {
        let height = height.max(1);
        let max = self.max_offset(height, row_height);
        self.offset = self.offset.saturating_add_signed(delta).min(max);
        if let Some(row) = self.selected_row() {
            let last = self.offset + self.whole_rows_from(self.offset, height, row_height) - 1;
            let clamped = row.clamp(self.offset, last);
            if clamped != row
                && let Some(&r) = self.rows.get(clamped)
            {
                self.selected = Some(r);
                self.picked = true;
            }
        }
    }

    /// The screen line of the selection's first line, counted from the top of the list, if it
    /// is on screen.
    pub fn selected_line(&self, height: usize, row_height: &dyn Fn(Row) -> usize) -> Option<usize> {
        let row = self.selected_row()?;
        let line: usize = self.rows[self.offset.min(row)..row]
            .iter()
            .map(|&r| row_height(r))
            .sum();
        (row >= self.offset && line < height).then_some(line)
    }

    /// What a click at `at` hits, when the rows are drawn in `inner`.
    pub fn hit(&self, inner: Rect, at: Position, row_height: &dyn Fn(Row) -> usize) -> Option<Hit> {
        if !inner.contains(at) {
            return None;
        }
        let line = usize::from(at.y - inner.y);
        let mut top = 0;
        for &row in self.rows.iter().skip(self.offset) {
            let h = row_height(row);
            if line < top + h {
                let on_first_line = line == top;
                let on_mark = on_first_line
                    && matches!(row, Row::Occupation(_))
                    && (1..=2).contains(&(at.x - inner.x));
                return Some(Hit { row, on_mark });
            }
            top += h;
        }
        None
    }
}

/// How rows look: the one place that wraps them, for drawing and for measuring.
pub struct RowPainter<'a> {
    pub catalog: &'a Catalog,
    pub filter: &'a Filter,
    pub shortlist: &'a Shortlist,
    pub theme: &'a Theme,
}

impl RowPainter<'_> {
    /// How many lines `row` takes at `width` columns.
    pub fn height(&self, row: Row, width: u16) -> usize {
        self.lines(row, false, usize::from(width)).len()
    }

    /// The lines of `row` at `row_width` columns, the first starting with a blank marker column.
    pub fn lines(&self, row: Row, open: bool, row_width: usize) -> Vec<Line<'static>> {
        let lines = match row {
            Row::Cluster(c) => self.cluster_lines(c, open, row_width),
            Row::Occupation(o) => self.occupation_lines(o, row_width),
        };
        cap_lines(lines, MAX_ROW_LINES, row_width)
    }

    /// `M▾ Name  N`: marker placeholder, fold symbol, name, right-aligned count; a long name
    /// goes on under itself.
    fn cluster_lines(&self, c: ClusterIdx, open: bool, row_width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let cluster = self.catalog.cluster(c);
        let filtering = !self.filter.is_blank();
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
        let lead = 1 + width(fold);
        let name_room = row_width.saturating_sub(lead + width(&count));
        let mut name_lines = wrap(&name, name_room as u16, Span::raw(""), Span::raw(""));
        let mut lines = Vec::with_capacity(name_lines.len());
        let first = name_lines.remove(0);
        let pad = name_room.saturating_sub(first.width());
        let mut spans = vec![Span::raw(" "), Span::styled(fold, theme.cluster)];
        spans.extend(first.spans);
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(count, theme.muted));
        lines.push(Line::from(truncate(spans, row_width)));
        for line in name_lines {
            let mut spans = vec![Span::raw(" ".repeat(lead))];
            spans.extend(line.spans);
            lines.push(Line::from(spans));
        }
        lines
    }

    /// `M ✓ Title · reason: text`, going on under the title with a hanging indent.
    fn occupation_lines(&self, o: OccupationIdx, row_width: usize) -> Vec<Line<'static>> {
        const LEAD: &str = "    ";
        const HANG: &str = "  ";
        let theme = self.theme;
        let occupation = self.catalog.occupation(o);
        let m = self.filter.match_for(o);
        let title_ranges = m.map(|m| m.ranges(Field::Title)).unwrap_or_default();
        let mark = if self.shortlist.contains(o) {
            Span::styled(format!(" {} ", theme.glyphs.mark), theme.key)
        } else {
            Span::raw("   ")
        };
        let mut spans = highlighted(occupation.title(), &title_ranges, theme.text, theme.matched);
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
        let room = row_width.saturating_sub(LEAD.len());
        let mut lines = wrap(&spans, room as u16, Span::raw(""), Span::raw(HANG));
        for (i, line) in lines.iter_mut().enumerate() {
            let lead = if i == 0 {
                vec![Span::raw(" "), mark.clone()]
            } else {
                vec![Span::raw(LEAD)]
            };
            let rest = std::mem::take(&mut line.spans);
            line.spans = lead.into_iter().chain(rest).collect();
        }
        lines
    }
}

/// What the list shows, borrowed for one measurement or one draw.
pub struct ListView<'a> {
    /// How its rows look (the catalog, the filter's matches, the shortlist and the theme).
    pub painter: RowPainter<'a>,
    pub list: &'a List,
    pub focused: bool,
}

impl ListView<'_> {
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let painter = &self.painter;
        let theme = painter.theme;
        let focused = self.focused;
        let mut title = format!(
            " Clusters · {} occupations ",
            painter.catalog.occupations().len()
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
        let offset = self.list.offset.min(rows.len().saturating_sub(1));
        let selected = self.list.visible_selection();
        let filtering = !painter.filter.is_blank();
        let mut y = 0;
        // rows drawn whole, for the scrollbar (at least one, as scrolling counts them)
        let mut whole = 0;
        for row in rows.iter().skip(offset) {
            if y >= height {
                break;
            }
            let is_selected = selected == Some(*row);
            let open = matches!(row, Row::Cluster(c) if self.list.is_open(*c, filtering));
            let lines = painter.lines(*row, open, usize::from(inner.width));
            if y + lines.len() <= height {
                whole += 1;
            }
            for (i, mut line) in lines.into_iter().enumerate() {
                if y >= height {
                    break;
                }
                if i == 0
                    && is_selected
                    && let Some(first) = line.spans.first_mut()
                {
                    *first = Span::styled(MARKER, first.style);
                }
                if is_selected {
                    line = line.patch_style(theme.selected);
                    // fill the rest of the row so reverse video covers it
                    let pad = usize::from(inner.width).saturating_sub(line.width());
                    line.push_span(Span::styled(" ".repeat(pad), theme.selected));
                }
                let r = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
                frame.render_widget(line, r);
                y += 1;
            }
        }

        chrome::scrollbar(frame, theme, area, rows.len(), whole.max(1), offset);
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
