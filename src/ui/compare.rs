//! The comparison: two or three occupations side by side, field by field, with the items they
//! share marked (◆), so a client can see at a glance what two careers have in common.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::app::App;
use crate::catalog::{Occupation, OccupationIdx};
use crate::ui::chrome;
use crate::ui::text::{spans_width, wrap};

/// The mark of an item that another compared occupation lists too.
pub const SHARED: &str = "◆";
const GAP: &str = " │ ";

fn block(app: &App) -> Block<'static> {
    chrome::overlay(&app.theme, "Compare")
}

/// How many lines the comparison has and how many fit; `update` uses it to clamp scrolling.
pub fn extent(app: &App, items: &[OccupationIdx], screen: Rect) -> (usize, usize) {
    let inner = block(app).inner(screen);
    (
        content(app, items, inner.width).len(),
        usize::from(inner.height),
    )
}

/// One field of every compared occupation.
type Field = fn(&Occupation) -> &[String];

/// The comparison's lines for a text width.
pub fn content(app: &App, items: &[OccupationIdx], width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let n = items.len().max(1) as u16;
    let gaps = GAP.chars().count() as u16 * (n - 1);
    let column = (width.saturating_sub(gaps) / n).max(1);
    let occupations: Vec<&Occupation> = items.iter().map(|&o| app.catalog.occupation(o)).collect();

    let mut rows: Vec<Line<'static>> = wrap(
        &[Span::styled(
            format!(
                "{SHARED} marks what another occupation here shares. ↑↓ scroll · Ctrl-E handout · Esc close"
            ),
            theme.muted,
        )],
        width,
        Span::raw(""),
        Span::raw(""),
    );
    rows.push(Line::default());

    // Each section is a list of lines per column, padded to the same height and laid side by side.
    let mut section = |heading: Option<&str>, columns: Vec<Vec<Line<'static>>>| {
        if let Some(heading) = heading {
            let cells = vec![vec![Line::styled(heading.to_string(), theme.heading)]; columns.len()];
            rows.extend(side_by_side(&cells, column));
        }
        rows.extend(side_by_side(&columns, column));
        rows.push(Line::default());
    };

    let headers = occupations
        .iter()
        .map(|o| {
            let mut lines = wrap(
                &[Span::styled(o.title.clone(), theme.lead)],
                column,
                Span::raw(""),
                Span::raw(""),
            );
            let cluster = app.catalog.cluster(o.cluster).name.clone();
            lines.extend(wrap(
                &[Span::styled(cluster, theme.muted)],
                column,
                Span::raw(""),
                Span::raw(""),
            ));
            lines
        })
        .collect();
    section(None, headers);

    let summaries = occupations
        .iter()
        .map(|o| {
            wrap(
                &[Span::styled(o.summary.clone(), theme.text)],
                column,
                Span::raw(""),
                Span::raw(""),
            )
        })
        .collect();
    section(Some("Summary"), summaries);

    let fields: [(&str, Field); 4] = [
        ("Education", |o| &o.education),
        ("Where they work", |o| &o.settings),
        ("Skills", |o| &o.skills),
        ("What they do", |o| &o.duties),
    ];
    for (heading, field) in fields {
        let columns = occupations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let mut lines = Vec::new();
                for item in field(o) {
                    let shared = occupations.iter().enumerate().any(|(j, other)| {
                        j != i && field(other).iter().any(|x| x.eq_ignore_ascii_case(item))
                    });
                    let (mark, style) = if shared {
                        (format!("{SHARED} "), theme.text.patch(theme.matched))
                    } else {
                        ("• ".to_string(), theme.text)
                    };
                    lines.extend(wrap(
                        &[Span::styled(item.clone(), style)],
                        column,
                        Span::styled(mark, style),
                        Span::raw("  "),
                    ));
                }
                lines
            })
            .collect();
        section(Some(heading), columns);
    }

    let codes = occupations
        .iter()
        .map(|o| {
            let mut lines = Vec::new();
            let noc = o.noc.as_deref().unwrap_or("—");
            let onet = o.onet.as_deref().unwrap_or("—");
            lines.extend(wrap(
                &[Span::styled(format!("NOC {noc}"), theme.text)],
                column,
                Span::raw(""),
                Span::raw(""),
            ));
            lines.extend(wrap(
                &[Span::styled(format!("O*NET {onet}"), theme.text)],
                column,
                Span::raw(""),
                Span::raw(""),
            ));
            lines
        })
        .collect();
    section(Some("Codes"), codes);
    rows
}

/// Lays columns of lines next to each other, each padded to `column` cells.
fn side_by_side(columns: &[Vec<Line<'static>>], column: u16) -> Vec<Line<'static>> {
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    (0..height)
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (i, lines) in columns.iter().enumerate() {
                if i > 0 {
                    spans.push(Span::styled(GAP, Style::default()));
                }
                let cell: Vec<Span<'static>> =
                    lines.get(row).map(|l| l.spans.clone()).unwrap_or_default();
                let pad = usize::from(column).saturating_sub(spans_width(&cell));
                spans.extend(cell);
                if i + 1 < columns.len() {
                    spans.push(Span::raw(" ".repeat(pad)));
                }
            }
            Line::from(spans)
        })
        .collect()
}

pub fn render(app: &App, items: &[OccupationIdx], frame: &mut Frame, screen: Rect) {
    let block = block(app);
    let inner = block.inner(screen);
    let lines = content(app, items, inner.width);
    chrome::scrolled_overlay(frame, screen, block, lines, app.overlay_scroll);
}
