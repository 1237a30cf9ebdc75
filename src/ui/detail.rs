//! The right pane: everything about the selected cluster or occupation, word-wrapped to the pane,
//! with the filter's matches highlighted, and a scrollbar when it overflows.
//!
//! [`content`] builds the lines for a width; `update` uses it to know how far the pane can scroll
//! and [`render`] draws a window of it, so both agree on the length.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Padding;

use crate::app::{App, Focus, Selection};
use crate::catalog::{ClusterIdx, OccupationIdx};
use crate::search::{Field, Match};
use crate::ui::chrome;
use crate::ui::list::SHORTLIST_MARK;
use crate::ui::text::{highlighted, truncate, wrap};

/// The pane's title: the selected cluster's name or occupation's title.
fn title(app: &App) -> String {
    if app.show_overview {
        return app.catalog.title.clone();
    }
    match app.visible_selection() {
        Some(Selection::Cluster(c)) => app.catalog.cluster(c).name.clone(),
        Some(Selection::Occupation(o)) => app.catalog.occupation(o).title.clone(),
        None => "No match".to_string(),
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let title = truncate(
        vec![Span::styled(format!(" {} ", title(app)), theme.title)],
        usize::from(area.width.saturating_sub(2)),
    );
    let block = chrome::pane(theme, title, app.focus == Focus::Detail)
        .padding(Padding::horizontal(app.areas.detail_padding()));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let lines = content(app, inner.width);
    let (total, visible) = (lines.len(), usize::from(inner.height));
    let scroll = app.detail.scroll.min(total.saturating_sub(visible));
    chrome::draw_lines(frame, inner, lines, scroll);
    chrome::scrollbar(frame, area, total, visible, scroll);
}

/// How many other names the detail lists before "and N more".
pub const ALIASES_SHOWN: usize = 8;
/// How many more it adds from those the filter matched best (most matched characters), so the
/// reason for a match is on screen.
pub const ALIASES_MATCHED_SHOWN: usize = 4;

/// Lines longer than this are hard to read on a wide screen; wider panes keep a right margin.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// The detail's lines, wrapped to `width` columns (at most [`MAX_TEXT_WIDTH`]).
pub fn content(app: &App, width: u16) -> Vec<Line<'static>> {
    let mut out = Lines {
        lines: Vec::new(),
        width: width.min(MAX_TEXT_WIDTH),
        app,
    };
    if app.show_overview {
        out.overview();
        return out.lines;
    }
    match app.visible_selection() {
        Some(Selection::Cluster(c)) => out.cluster(c),
        Some(Selection::Occupation(o)) => out.occupation(o),
        None => out.no_match(),
    }
    out.lines
}

struct Lines<'a> {
    lines: Vec<Line<'static>>,
    width: u16,
    app: &'a App,
}

impl Lines<'_> {
    fn paragraph(&mut self, spans: Vec<Span<'static>>) {
        self.lines
            .extend(wrap(&spans, self.width, Span::raw(""), Span::raw("")));
    }

    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        self.paragraph(vec![Span::styled(text.to_string(), self.app.theme.heading)]);
    }

    fn bullets(&mut self, items: impl IntoIterator<Item = Vec<Span<'static>>>) {
        for spans in items {
            self.lines
                .extend(wrap(&spans, self.width, Span::raw(" • "), Span::raw("   ")));
        }
    }

    /// A field's text with the current match highlighted.
    fn field(
        &self,
        m: Option<&Match>,
        field: Field,
        text: &str,
        base: Style,
    ) -> Vec<Span<'static>> {
        let ranges = m.map(|m| m.ranges(field)).unwrap_or_default();
        highlighted(text, &ranges, base, self.app.theme.matched)
    }

    fn list_field(
        &mut self,
        heading: &str,
        m: Option<&Match>,
        items: &[String],
        field: fn(u16) -> Field,
    ) {
        if items.is_empty() {
            return;
        }
        self.heading(heading);
        let text = self.app.theme.text;
        let spans: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.field(m, field(i as u16), item, text))
            .collect();
        self.bullets(spans);
    }

    fn occupation(&mut self, o: OccupationIdx) {
        let app = self.app;
        let theme = &app.theme;
        let occupation = app.catalog.occupation(o);
        let m = app.filter.match_for(o);

        let mut facts = self.field(
            m,
            Field::Cluster,
            &app.catalog.cluster(occupation.cluster).name,
            theme.muted,
        );
        if let Some(noc) = &occupation.noc {
            facts.push(Span::styled(format!(" · NOC {noc}"), theme.muted));
        }
        if let Some(onet) = &occupation.onet {
            facts.push(Span::styled(format!(" · O*NET {onet}"), theme.muted));
        }
        self.paragraph(facts);
        if app.shortlist.contains(o) {
            self.paragraph(vec![Span::styled(
                format!("{SHORTLIST_MARK} on the shortlist"),
                theme.key,
            )]);
        }
        self.blank();
        let summary = self.field(m, Field::Summary, &occupation.summary, theme.lead);
        self.paragraph(summary);

        self.list_field("What they do", m, &occupation.duties, Field::Duty);
        self.list_field("Education", m, &occupation.education, Field::Education);
        self.list_field("Where they work", m, &occupation.settings, Field::Setting);
        self.list_field("Skills", m, &occupation.skills, Field::Skill);

        if !occupation.aliases.is_empty() {
            self.heading("Also called");
            // Imported catalogs can list a hundred example titles: show a few, and always the
            // ones the filter matched, so the reason for a match is on screen.
            let covered = |i: usize| -> usize {
                m.map_or(0, |m| {
                    m.ranges(Field::Alias(i as u16))
                        .iter()
                        .map(|r| r.len())
                        .sum()
                })
            };
            let best = (0..occupation.aliases.len())
                .map(covered)
                .max()
                .unwrap_or(0);
            let mut matched: Vec<usize> = (ALIASES_SHOWN..occupation.aliases.len())
                .filter(|&i| best > 0 && covered(i) == best)
                .collect();
            matched.truncate(ALIASES_MATCHED_SHOWN);
            let first = occupation.aliases.len().min(ALIASES_SHOWN);
            let shown: Vec<usize> = (0..first).chain(matched).collect();
            let mut spans = Vec::new();
            for (n, &i) in shown.iter().enumerate() {
                if n > 0 {
                    spans.push(Span::raw(", "));
                }
                let alias = &occupation.aliases[i];
                spans.extend(self.field(m, Field::Alias(i as u16), alias, theme.text));
            }
            let hidden = occupation.aliases.len() - shown.len();
            if hidden > 0 {
                spans.push(Span::styled(format!(" and {hidden} more"), theme.muted));
            }
            self.paragraph(spans);
        }
        if !occupation.related.is_empty() {
            self.heading("Related occupations");
            let focused = app.focus == Focus::Detail;
            for (i, &r) in occupation.related.iter().enumerate() {
                let related = app.catalog.occupation(r);
                let chosen = focused && i == app.related_cursor;
                let style = if chosen {
                    theme.text.patch(theme.selected)
                } else {
                    theme.text
                };
                let mut spans = vec![Span::styled(related.title.clone(), style)];
                if related.cluster != occupation.cluster {
                    let cluster = &app.catalog.cluster(related.cluster).name;
                    spans.push(Span::styled(format!(" ({cluster})"), theme.muted));
                }
                let number = if i < 9 {
                    format!("{}", i + 1)
                } else {
                    " ".into()
                };
                let marker = if chosen { ">" } else { " " };
                let first = Span::styled(format!("{marker}{number} "), theme.key);
                self.lines
                    .extend(wrap(&spans, self.width, first, Span::raw("   ")));
            }
            self.paragraph(vec![Span::styled(
                if focused {
                    "←→ choose, Enter follows; Backspace comes back".to_string()
                } else {
                    "Alt-number follows a link; Backspace comes back".to_string()
                },
                theme.muted,
            )]);
        }
    }

    /// Every cluster in a few words, then what the catalog is: the start of a presentation.
    fn overview(&mut self) {
        let app = self.app;
        let theme = &app.theme;
        for (i, cluster) in app.catalog.clusters.iter().enumerate() {
            if i > 0 {
                self.blank();
            }
            let n = cluster.occupations.len();
            self.paragraph(vec![Span::styled(
                format!("{} · {n} occupations", cluster.name),
                theme.heading,
            )]);
            self.paragraph(vec![Span::styled(cluster.summary.clone(), theme.text)]);
        }
        if !app.catalog.description.is_empty() {
            self.heading("About these clusters");
            self.paragraph(vec![Span::styled(
                app.catalog.description.clone(),
                theme.text,
            )]);
        }
    }

    fn cluster(&mut self, c: ClusterIdx) {
        let app = self.app;
        let theme = &app.theme;
        let cluster = app.catalog.cluster(c);
        self.paragraph(vec![Span::styled(cluster.summary.clone(), theme.lead)]);
        if !cluster.description.is_empty() {
            self.blank();
            self.paragraph(vec![Span::styled(cluster.description.clone(), theme.text)]);
        }
        let plain = |items: &[String]| -> Vec<Vec<Span<'static>>> {
            items
                .iter()
                .map(|s| vec![Span::styled(s.clone(), theme.text)])
                .collect()
        };
        if !cluster.education.is_empty() {
            self.heading("Educational backgrounds");
            self.bullets(plain(&cluster.education));
        }
        if !cluster.settings.is_empty() {
            self.heading("Where people work");
            self.bullets(plain(&cluster.settings));
        }
        self.heading(&format!("Occupations ({})", cluster.occupations.len()));
        let items: Vec<_> = cluster
            .occupations
            .iter()
            .map(|&o| {
                let occupation = app.catalog.occupation(o);
                let ranges = app
                    .filter
                    .match_for(o)
                    .map(|m| m.ranges(Field::Title))
                    .unwrap_or_default();
                highlighted(&occupation.title, &ranges, theme.text, theme.matched)
            })
            .collect();
        self.bullets(items);
        if !app.is_filtering() && !app.tree.is_open(c, false) {
            self.blank();
            self.paragraph(vec![Span::styled(
                "→ or Enter unfolds this cluster in the list.".to_string(),
                theme.muted,
            )]);
        }
    }

    fn no_match(&mut self) {
        let theme = &self.app.theme;
        let text = self.app.filter.text().trim().to_string();
        self.paragraph(vec![Span::styled(
            format!("No occupation matches “{text}”."),
            theme.notice,
        )]);
        self.blank();
        self.paragraph(vec![Span::styled(
            "Esc clears the filter. Try fewer letters, or another word for the same thing."
                .to_string(),
            theme.text,
        )]);
        self.blank();
        self.paragraph(vec![Span::styled(
            "Every word must match. Titles and other names forgive typing errors; skills, \
             education, settings, summaries and duties match at the start of a word. F1 shows \
             field scopes such as edu:psychology."
                .to_string(),
            theme.muted,
        )]);
    }
}
