//! The right pane: everything about the selected cluster or occupation, word-wrapped to the pane,
//! with the filter's matches highlighted, and a scrollbar when it overflows.
//!
//! Owns the pane's scroll and its related-occupation cursor ([`Detail`]), and what it shows
//! ([`DetailView`], a borrowed view). [`DetailView::lines`] builds the lines for a width: `update`
//! measures with it when scrolling, so the limit is exact without a draw, and
//! [`DetailView::render`] draws a window of the same lines. It must not change the catalog, the
//! selection or any other pane, nor know about `app`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Padding;

use super::action::Action;
use super::chrome;
use super::filter::Filter;
use super::keymap::{self, Mode};
use super::spans::{highlighted, wrap};
use super::theme::Theme;
use crate::catalog::{
    Catalog, ClusterIdx, OccupationIdx, Section, interest_letters, interest_names,
};
use crate::search::{Field, Match};
use crate::text::width;

/// The detail's state.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Detail {
    /// The first visible line.
    scroll: usize,
    /// Which related occupation Enter follows while the detail has focus.
    related_cursor: usize,
}

impl Detail {
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn related_cursor(&self) -> usize {
        self.related_cursor
    }

    /// Back to the top, the first related occupation chosen: a new selection.
    pub fn reset(&mut self) {
        *self = Detail::default();
    }

    /// Scrolls by `delta` lines when the content has `lines` lines and `height` are visible.
    pub fn scroll_by(&mut self, delta: isize, lines: usize, height: usize) {
        let max = lines.saturating_sub(height);
        // the content may have shrunk since the last scroll (a resize): clamp first
        self.scroll = self.scroll.min(max).saturating_add_signed(delta).min(max);
    }

    /// Keeps the scroll within content of `lines` lines with `height` visible.
    pub fn clamp(&mut self, lines: usize, height: usize) {
        self.scroll = self.scroll.min(lines.saturating_sub(height));
    }

    /// Chooses the related occupation `delta` away among `count`.
    pub fn move_related(&mut self, delta: isize, count: usize) {
        if count > 0 {
            self.related_cursor = self
                .related_cursor
                .saturating_add_signed(delta)
                .min(count - 1);
        }
    }
}

/// What the detail is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Presentation mode's opening page: every cluster in a few words.
    Overview,
    Cluster(ClusterIdx),
    Occupation(OccupationIdx),
    /// The filter matches nothing.
    NoMatch,
}

/// What the detail shows, borrowed for one measurement or one draw.
pub struct DetailView<'a> {
    pub catalog: &'a Catalog,
    pub subject: Subject,
    pub filter: &'a Filter,
    /// Whether the subject is on the shortlist.
    pub shortlisted: bool,
    /// Whether a cluster subject is unfolded in the list (with the filter blank).
    pub unfolded: bool,
    /// The mode the keys are in: the detail's when it has focus, else the list's.
    pub mode: Mode,
    pub related_cursor: usize,
    pub padding: u16,
    pub theme: &'a Theme,
}

/// How many other names the detail lists before "and N more".
pub const ALIASES_SHOWN: usize = 8;
/// How many more it adds from those the filter matched best (most matched characters), so the
/// reason for a match is on screen.
pub const ALIASES_MATCHED_SHOWN: usize = 4;

/// Lines longer than this are hard to read on a wide screen; wider panes keep a right margin.
pub const MAX_TEXT_WIDTH: u16 = 100;

impl DetailView<'_> {
    fn focused(&self) -> bool {
        self.mode == Mode::Detail
    }

    /// The pane's title: the selected cluster's name or occupation's title.
    fn title(&self) -> String {
        match self.subject {
            Subject::Overview => self.catalog.title().to_string(),
            Subject::Cluster(c) => self.catalog.cluster(c).name().to_string(),
            Subject::Occupation(o) => self.catalog.occupation(o).title().to_string(),
            Subject::NoMatch => "No match".to_string(),
        }
    }

    /// Whether the title fits on the border of a pane whose text is `inner_width` wide; one that
    /// does not goes, whole, at the top of the text instead, so it is never cut.
    fn title_fits(&self, inner_width: u16) -> bool {
        let border = usize::from(inner_width) + 2 * usize::from(self.padding);
        width(&self.title()) + 2 <= border
    }

    fn block(&self, area: Rect) -> ratatui::widgets::Block<'static> {
        let inner_width = area.width.saturating_sub(2 + 2 * self.padding);
        let title = if self.title_fits(inner_width) {
            Line::from(Span::styled(
                format!(" {} ", self.title()),
                self.theme.title,
            ))
        } else {
            Line::default()
        };
        chrome::pane(self.theme, title, self.focused()).padding(Padding::horizontal(self.padding))
    }

    /// How many lines the detail has in `area` and how many of them fit.
    pub fn extent(&self, area: Rect) -> (usize, usize) {
        let inner = self.block(area).inner(area);
        (self.lines(inner.width).len(), usize::from(inner.height))
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, scroll: usize) {
        let block = self.block(area);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines = self.lines(inner.width);
        let (total, visible) = (lines.len(), usize::from(inner.height));
        let scroll = scroll.min(total.saturating_sub(visible));
        chrome::draw_lines(frame, inner, lines, scroll);
        chrome::scrollbar(frame, self.theme, area, total, visible, scroll);
    }

    /// The detail's lines, wrapped to `width` columns (at most [`MAX_TEXT_WIDTH`]).
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let mut out = Lines {
            lines: Vec::new(),
            width: width.min(MAX_TEXT_WIDTH),
            view: self,
        };
        if !self.title_fits(width) {
            out.paragraph(vec![Span::styled(self.title(), self.theme.title)]);
        }
        match self.subject {
            Subject::Overview => out.overview(),
            Subject::Cluster(c) => out.cluster(c),
            Subject::Occupation(o) => out.occupation(o),
            Subject::NoMatch => out.no_match(),
        }
        out.lines
    }
}

struct Lines<'a> {
    lines: Vec<Line<'static>>,
    width: u16,
    view: &'a DetailView<'a>,
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
        self.paragraph(vec![Span::styled(
            text.to_string(),
            self.view.theme.heading,
        )]);
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
        highlighted(text, &ranges, base, self.view.theme.matched)
    }

    fn section(&mut self, section: Section, m: Option<&Match>, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.heading(section.heading());
        if section.is_ordered() {
            let text = self.view.theme.text;
            for (i, item) in items.iter().enumerate() {
                let number = Span::styled(format!("{:>2}. ", i + 1), self.view.theme.muted);
                self.lines.extend(wrap(
                    &[Span::styled(item.clone(), text)],
                    self.width,
                    number,
                    Span::raw("    "),
                ));
            }
            return;
        }
        let text = self.view.theme.text;
        let spans: Vec<_> = items
            .iter()
            .enumerate()
            .map(|(i, item)| match Field::of_section(section, i as u16) {
                Some(field) => self.field(m, field, item, text),
                None => vec![Span::styled(item.clone(), text)],
            })
            .collect();
        self.bullets(spans);
    }

    fn occupation(&mut self, o: OccupationIdx) {
        let view = self.view;
        let theme = view.theme;
        let catalog = view.catalog;
        let occupation = catalog.occupation(o);
        let m = view.filter.match_for(o);

        let mut facts = self.field(
            m,
            Field::Cluster,
            catalog.cluster(occupation.cluster()).name(),
            theme.muted,
        );
        if let Some(noc) = &occupation.noc() {
            facts.push(Span::styled(format!(" · NOC {noc}"), theme.muted));
        }
        if !occupation.onet_codes().is_empty() {
            let codes = occupation.onet_codes().join(", ");
            facts.push(Span::styled(format!(" · O*NET {codes}"), theme.muted));
            if occupation.onet_nearest() {
                facts.push(Span::styled(" (nearest O*NET equivalent)", theme.muted));
            }
        }
        self.paragraph(facts);
        if let Some(teer) = occupation.teer() {
            self.paragraph(vec![Span::styled(teer.label(), theme.muted)]);
        }
        if let Some(zone) = occupation.job_zone() {
            self.paragraph(vec![Span::styled(zone.label(), theme.muted)]);
        }
        if !occupation.interests().is_empty() {
            self.paragraph(vec![Span::styled(
                format!(
                    "Interests: {} ({})",
                    interest_names(occupation.interests()),
                    interest_letters(occupation.interests())
                ),
                theme.muted,
            )]);
        }
        if view.shortlisted {
            self.paragraph(vec![Span::styled(
                format!("{} on the shortlist", theme.glyphs.mark),
                theme.key,
            )]);
        }
        self.blank();
        let summary = self.field(m, Field::Summary, occupation.summary(), theme.lead);
        self.paragraph(summary);

        if !occupation.aliases().is_empty() {
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
            let best = (0..occupation.aliases().len())
                .map(covered)
                .max()
                .unwrap_or(0);
            let mut matched: Vec<usize> = (ALIASES_SHOWN..occupation.aliases().len())
                .filter(|&i| best > 0 && covered(i) == best)
                .collect();
            matched.truncate(ALIASES_MATCHED_SHOWN);
            let first = occupation.aliases().len().min(ALIASES_SHOWN);
            let shown: Vec<usize> = (0..first).chain(matched).collect();
            let mut spans = Vec::new();
            for (n, &i) in shown.iter().enumerate() {
                if n > 0 {
                    spans.push(Span::raw(", "));
                }
                let alias = &occupation.aliases()[i];
                spans.extend(self.field(m, Field::Alias(i as u16), alias, theme.text));
            }
            let hidden = occupation.aliases().len() - shown.len();
            if hidden > 0 {
                spans.push(Span::styled(format!(" and {hidden} more"), theme.muted));
            }
            self.paragraph(spans);
        }

        for section in Section::ALL {
            self.section(section, m, section.items(occupation));
        }

        if !occupation.advances_to().is_empty() {
            self.heading("Leads on to");
            let items: Vec<Vec<Span<'static>>> = occupation
                .advances_to()
                .iter()
                .map(|&r| {
                    let next = catalog.occupation(r);
                    let mut spans = vec![Span::styled(next.title().to_string(), theme.text)];
                    if next.cluster() != occupation.cluster() {
                        let cluster = catalog.cluster(next.cluster()).name();
                        spans.push(Span::styled(format!(" ({cluster})"), theme.muted));
                    }
                    spans
                })
                .collect();
            self.bullets(items);
        }
        if !occupation.related().is_empty() {
            self.heading("Related occupations");
            let focused = view.focused();
            for (i, &r) in occupation.related().iter().enumerate() {
                let related = catalog.occupation(r);
                let chosen = focused && i == view.related_cursor;
                let style = if chosen {
                    theme.text.patch(theme.selected)
                } else {
                    theme.text
                };
                let mut spans = vec![Span::styled(related.title().to_string(), style)];
                if related.cluster() != occupation.cluster() {
                    let cluster = &catalog.cluster(related.cluster()).name();
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
            let back = keymap::first_key(&Action::GoBack, view.mode);
            let how = if focused {
                let choose = keymap::keys_label(&keymap::keys_where(Mode::Detail, |a| {
                    matches!(a, Action::PreviousRelated | Action::NextRelated)
                }));
                let follow = keymap::first_key(&Action::Activate, Mode::Detail);
                format!("{choose} choose, {follow} follows; {back} comes back")
            } else {
                let follow = keymap::keys_label(&keymap::keys_where(view.mode, |a| {
                    matches!(a, Action::FollowRelated(_))
                }));
                format!("{follow} follows a link; {back} comes back")
            };
            self.paragraph(vec![Span::styled(how, theme.muted)]);
        }
    }

    /// Every cluster in a few words, then what the catalog is: the start of a presentation.
    fn overview(&mut self) {
        let theme = self.view.theme;
        let catalog = self.view.catalog;
        for (i, cluster) in catalog.clusters().iter().enumerate() {
            if i > 0 {
                self.blank();
            }
            let n = cluster.occupations().len();
            self.paragraph(vec![Span::styled(
                format!("{} · {n} occupations", cluster.name()),
                theme.heading,
            )]);
            self.paragraph(vec![Span::styled(
                cluster.summary().to_string(),
                theme.text,
            )]);
        }
        if !catalog.description().is_empty() {
            self.heading("About these clusters");
            self.paragraph(vec![Span::styled(
                catalog.description().to_string(),
                theme.text,
            )]);
        }
    }

    fn cluster(&mut self, c: ClusterIdx) {
        let view = self.view;
        let theme = view.theme;
        let cluster = view.catalog.cluster(c);
        self.paragraph(vec![Span::styled(
            cluster.summary().to_string(),
            theme.lead,
        )]);
        if !cluster.description().is_empty() {
            self.blank();
            self.paragraph(vec![Span::styled(
                cluster.description().to_string(),
                theme.text,
            )]);
        }
        let plain = |items: &[String]| -> Vec<Vec<Span<'static>>> {
            items
                .iter()
                .map(|s| vec![Span::styled(s.clone(), theme.text)])
                .collect()
        };
        if !cluster.education().is_empty() {
            self.heading("Educational backgrounds");
            self.bullets(plain(cluster.education()));
        }
        if !cluster.settings().is_empty() {
            self.heading("Where people work");
            self.bullets(plain(cluster.settings()));
        }
        self.heading(&format!("Occupations ({})", cluster.occupations().len()));
        let items: Vec<_> = cluster
            .occupations()
            .iter()
            .map(|&o| {
                let occupation = view.catalog.occupation(o);
                let ranges = view
                    .filter
                    .match_for(o)
                    .map(|m| m.ranges(Field::Title))
                    .unwrap_or_default();
                highlighted(occupation.title(), &ranges, theme.text, theme.matched)
            })
            .collect();
        self.bullets(items);
        if view.filter.is_blank() && !view.unfolded {
            // the keys that unfold it where the keys go now (→ does nothing in the detail)
            let mut keys = keymap::keys_for(&Action::UnfoldCluster, view.mode);
            keys.extend(keymap::keys_for(&Action::Activate, view.mode));
            self.blank();
            self.paragraph(vec![Span::styled(
                format!(
                    "{} unfolds this cluster in the list.",
                    keymap::or_phrase(&keys)
                ),
                theme.muted,
            )]);
        }
    }

    fn no_match(&mut self) {
        let theme = self.view.theme;
        let text = self.view.filter.text().trim().to_string();
        let clear = keymap::first_key(&Action::Cancel, self.view.mode);
        let help = keymap::first_key(&Action::ToggleHelp, self.view.mode);
        self.paragraph(vec![Span::styled(
            format!("No occupation matches “{text}”."),
            theme.notice,
        )]);
        self.blank();
        self.paragraph(vec![Span::styled(
            format!(
                "{clear} clears the filter. Try fewer letters, or another word for the same thing."
            ),
            theme.text,
        )]);
        self.blank();
        self.paragraph(vec![Span::styled(
            format!(
                "No occupation has any of these words. Titles and other names forgive typing \
                 errors; skills, education, settings, summaries and duties match at the start \
                 of a word. {help} shows field scopes such as edu:psychology."
            ),
            theme.muted,
        )]);
    }
}
