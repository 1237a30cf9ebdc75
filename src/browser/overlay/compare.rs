//! The comparison: two or three occupations side by side, field by field, with the items they
//! share marked (◆), so a client can see at a glance what two careers have in common. Owns which
//! occupations are compared and the scroll; reads the catalog and never changes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::browser::chrome;
use crate::browser::keymap::{self, Context, Mode};
use crate::browser::spans::{spans_width, wrap};
use crate::browser::theme::Theme;
use crate::catalog::{Catalog, Occupation, OccupationIdx, Section};

const GAP: &str = " │ ";

/// The comparison's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    items: Vec<OccupationIdx>,
    scroll: usize,
}

impl Compare {
    /// A comparison of `items` (two or three), from the top.
    pub fn new(items: Vec<OccupationIdx>) -> Compare {
        Compare { items, scroll: 0 }
    }

    pub fn items(&self) -> &[OccupationIdx] {
        &self.items
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Scrolls by `delta` lines when there are `lines` and `height` of them fit.
    pub fn scroll_by(&mut self, delta: isize, lines: usize, height: usize) {
        let max = lines.saturating_sub(height);
        self.scroll = self.scroll.min(max).saturating_add_signed(delta).min(max);
    }
}

/// What the comparison shows.
pub struct CompareView<'a> {
    pub catalog: &'a Catalog,
    pub items: &'a [OccupationIdx],
    pub theme: &'a Theme,
}

impl CompareView<'_> {
    fn block(&self) -> Block<'static> {
        chrome::overlay(self.theme, "Compare")
    }

    /// How many lines the comparison has in `area` and how many fit; scrolling is clamped by it.
    pub fn extent(&self, area: Rect) -> (usize, usize) {
        let inner = self.block().inner(area);
        (self.lines(inner.width).len(), usize::from(inner.height))
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, scroll: usize) {
        let block = self.block();
        let inner = block.inner(area);
        let lines = self.lines(inner.width);
        chrome::scrolled_overlay(frame, self.theme, area, block, lines, scroll);
    }

    /// The comparison's lines for a text width.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let catalog = self.catalog;
        let n = self.items.len().max(1) as u16;
        let gaps = GAP.chars().count() as u16 * (n - 1);
        let column = (width.saturating_sub(gaps) / n).max(1);
        let occupations: Vec<&Occupation> =
            self.items.iter().map(|&o| catalog.occupation(o)).collect();
        let keys = keymap::hint_sentence(Context {
            mode: Mode::Compare,
            filter_empty: true,
        });

        let mut rows: Vec<Line<'static>> = wrap(
            &[Span::styled(
                format!(
                    "{} marks what another occupation here shares. {keys}",
                    theme.glyphs.shared
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
                let cells =
                    vec![vec![Line::styled(heading.to_string(), theme.heading)]; columns.len()];
                rows.extend(side_by_side(&cells, column));
            }
            rows.extend(side_by_side(&columns, column));
            rows.push(Line::default());
        };

        let headers = occupations
            .iter()
            .map(|o| {
                let mut lines = wrap(
                    &[Span::styled(o.title().to_string(), theme.lead)],
                    column,
                    Span::raw(""),
                    Span::raw(""),
                );
                let cluster = catalog.cluster(o.cluster()).name().to_string();
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
                    &[Span::styled(o.summary().to_string(), theme.text)],
                    column,
                    Span::raw(""),
                    Span::raw(""),
                )
            })
            .collect();
        section(Some("Summary"), summaries);

        for part in Section::ALL {
            let columns = occupations
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let mut lines = Vec::new();
                    for item in part.items(o) {
                        let others = occupations
                            .iter()
                            .enumerate()
                            .filter(|&(j, _)| j != i)
                            .map(|(_, other)| *other);
                        let shared = part.shared_with(item, others);
                        let (mark, style) = if shared {
                            (
                                format!("{} ", theme.glyphs.shared),
                                theme.text.patch(theme.matched),
                            )
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
            section(Some(part.heading()), columns);
        }

        let codes = occupations
            .iter()
            .map(|o| {
                let mut facts = Vec::new();
                if let Some(teer) = o.teer() {
                    facts.push(teer.label());
                }
                if let Some(zone) = o.job_zone() {
                    facts.push(zone.label());
                }
                if !o.interests().is_empty() {
                    facts.push(format!(
                        "Interests: {}",
                        crate::catalog::interest_names(o.interests())
                    ));
                }
                facts.push(format!("NOC {}", o.noc().unwrap_or("—")));
                let onet = if o.onet_codes().is_empty() {
                    "—".to_string()
                } else {
                    o.onet_codes().join(", ")
                };
                let nearest = if o.onet_nearest() { " (nearest)" } else { "" };
                facts.push(format!("O*NET {onet}{nearest}"));
                let mut lines = Vec::new();
                for fact in facts {
                    lines.extend(wrap(
                        &[Span::styled(fact, theme.text)],
                        column,
                        Span::raw(""),
                        Span::raw(""),
                    ));
                }
                lines
            })
            .collect();
        section(Some("Preparation and codes"), codes);
        rows
    }
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
