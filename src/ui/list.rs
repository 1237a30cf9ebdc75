//! The left pane: clusters as foldable groups with their occupation counts, occupations beneath,
//! matched characters highlighted and, when a row matched on something other than its title, the
//! reason in a muted suffix ("· also called: Physical therapist").

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Focus, Row};
use crate::catalog::{ClusterIdx, OccupationIdx};
use crate::search::{Field, merge_ranges};
use crate::text::{matched_word, width};
use crate::ui::chrome;
use crate::ui::text::{highlighted, spans_width, truncate};

/// The selection marker, shown together with reverse video so it never depends on colour.
pub const MARKER: &str = ">";
/// The mark of an occupation on the shortlist, before its title.
pub const SHORTLIST_MARK: &str = "✓";

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let focused = app.focus == Focus::List;
    let mut title = format!(" Clusters · {} occupations ", app.catalog.occupations.len());
    if width(&title) + 2 > usize::from(area.width) {
        title = " Clusters ".to_string();
    }
    let block = chrome::pane(theme, Span::styled(title, theme.title), focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    if app.tree.rows.is_empty() {
        let lines = [
            Line::styled(" No occupation matches.", theme.notice),
            Line::styled(" Esc clears the filter.", theme.muted),
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
    let rows = &app.tree.rows;
    let offset = app.tree.offset.min(rows.len().saturating_sub(height));
    let selected = app.visible_selection();
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        let r = Rect::new(inner.x, inner.y + (i - offset) as u16, inner.width, 1);
        let is_selected = selected == Some(*row);
        let mut spans = match row {
            Row::Cluster(c) => cluster_row(app, *c, usize::from(r.width)),
            Row::Occupation(o) => occupation_row(app, *o, usize::from(r.width)),
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

    chrome::scrollbar(frame, area, rows.len(), height, offset);
}

/// `M▾ Name…  N`: marker placeholder, fold symbol, name, right-aligned count.
fn cluster_row(app: &App, c: ClusterIdx, row_width: usize) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let cluster = app.catalog.cluster(c);
    let filtering = app.is_filtering();
    let open = app.tree.is_open(c, filtering);
    let count = if filtering {
        app.filter.cluster_counts[c.0]
    } else {
        cluster.occupations.len()
    };
    let count = format!(" {count}");
    let fold = if open { "▾ " } else { "▸ " };
    let mut ranges = Vec::new();
    if filtering {
        for &o in &cluster.occupations {
            if let Some(m) = app.filter.match_for(o) {
                ranges.extend(m.ranges(Field::Cluster));
            }
        }
        merge_ranges(&mut ranges);
    }
    let name = highlighted(&cluster.name, &ranges, theme.cluster, theme.matched);
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
fn occupation_row(app: &App, o: OccupationIdx, row_width: usize) -> Vec<Span<'static>> {
    let theme = &app.theme;
    let occupation = app.catalog.occupation(o);
    let m = app.filter.match_for(o);
    let title_ranges = m.map(|m| m.ranges(Field::Title)).unwrap_or_default();
    let mark = if app.shortlist.contains(o) {
        Span::styled(format!(" {SHORTLIST_MARK} "), theme.key)
    } else {
        Span::raw("   ")
    };
    let mut spans = vec![Span::raw(" "), mark];
    spans.extend(highlighted(
        &occupation.title,
        &title_ranges,
        theme.text,
        theme.matched,
    ));
    if let Some((m, field)) = m.and_then(|m| m.reason.map(|f| (m, f))) {
        let text = field.text(&app.catalog, o);
        let ranges = m.ranges(field);
        let (text, ranges) = snippet(field, text, &ranges);
        spans.push(Span::styled(format!(" · {}: ", field.label()), theme.muted));
        spans.extend(highlighted(&text, &ranges, theme.muted, theme.matched));
    }
    truncate(spans, row_width)
}

/// For long fields (summary, duties) only the word that matched is shown; short ones whole.
fn snippet(field: Field, text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    if field.is_long() {
        matched_word(text, ranges)
    } else {
        (text.to_string(), ranges.to_vec())
    }
}
