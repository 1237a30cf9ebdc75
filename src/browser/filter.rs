//! The filter line: the text typed so far, what it matches, and how it is drawn (the text with
//! the cursor, and how many occupations it shows). Owns the input, the matches of its text and
//! the paste rule; it must not move the selection or know about other panes.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;

use super::action::InputRequest;
use super::theme::Theme;
use crate::catalog::{Catalog, ClusterIdx, OccupationIdx};
use crate::search::{Match, Query, Searcher};
use crate::text::width;

/// The longest filter, in characters: far longer than any title or query a person types, and
/// short enough that a runaway paste costs nothing to search.
pub const FILTER_MAX_CHARS: usize = 200;

/// The notice shown when the filter is full.
pub fn filter_full() -> String {
    format!("The filter holds {FILTER_MAX_CHARS} characters at most; the rest was left out")
}

/// The filter input and what it currently matches.
#[derive(Debug)]
pub struct Filter {
    input: Input,
    /// Matches of the current text, best first; empty when the text is blank.
    matches: Vec<Match>,
    /// For each occupation, its position in `matches`.
    position: Vec<Option<usize>>,
    /// For each cluster, how many of its occupations match.
    cluster_counts: Vec<usize>,
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed (or the cursor moved).
    Changed,
    /// The filter is full: the text stayed as it was, or part of a paste was left out.
    Full { changed: bool },
}

impl Filter {
    /// An empty filter over `catalog`.
    pub fn new(catalog: &Catalog) -> Filter {
        Filter {
            input: Input::default(),
            matches: Vec::new(),
            position: vec![None; catalog.occupations().len()],
            cluster_counts: vec![0; catalog.clusters().len()],
        }
    }

    /// The filter text as typed.
    pub fn text(&self) -> &str {
        self.input.value()
    }

    pub fn input(&self) -> &Input {
        &self.input
    }

    /// True when the filter holds no words, so the whole catalog is shown.
    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// Matches of the current text, best first.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// How many of a cluster's occupations match.
    pub fn cluster_count(&self, cluster: ClusterIdx) -> usize {
        self.cluster_counts.get(cluster.0).copied().unwrap_or(0)
    }

    /// The match for an occupation, if the filter is active and it matched.
    pub fn match_for(&self, occupation: OccupationIdx) -> Option<&Match> {
        self.position
            .get(occupation.0)
            .copied()
            .flatten()
            .map(|i| &self.matches[i])
    }

    /// Applies an edit of the input, refusing new characters once the filter is full.
    pub fn edit(&mut self, request: InputRequest) -> Edit {
        if matches!(request, InputRequest::InsertChar(_))
            && self.text().chars().count() >= FILTER_MAX_CHARS
        {
            return Edit::Full { changed: false };
        }
        self.input.handle(request);
        Edit::Changed
    }

    /// Replaces the text, the cursor at its end.
    pub fn set_text(&mut self, text: String) {
        if text != self.text() {
            self.input = Input::new(text);
        }
    }

    /// Inserts pasted text at the cursor in one step (inserting it a character at a time costs
    /// the length of the filter for each character), up to [`FILTER_MAX_CHARS`]. A pasted line
    /// break or tab separates words; control and invisible characters are dropped.
    pub fn paste(&mut self, text: &str) -> Edit {
        let current = self.text();
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
        let cursor = self.input.cursor();
        let mut value: String = current.chars().take(cursor).collect();
        value.push_str(&pasted);
        value.extend(current.chars().skip(cursor));
        self.input = Input::new(value).with_cursor(cursor + taken);
        if cut {
            Edit::Full { changed: true }
        } else {
            Edit::Changed
        }
    }

    /// Searches `catalog` for the current text; the best match is returned.
    pub fn search(&mut self, searcher: &Searcher, catalog: &Catalog) -> Option<OccupationIdx> {
        let query = Query::parse(self.text());
        let matches = searcher.search(&query);
        self.position.iter_mut().for_each(|p| *p = None);
        self.cluster_counts.iter_mut().for_each(|c| *c = 0);
        for (i, m) in matches.iter().enumerate() {
            self.position[m.occupation.0] = Some(i);
            let cluster = catalog.occupation(m.occupation).cluster();
            self.cluster_counts[cluster.0] += 1;
        }
        self.matches = matches;
        self.matches.first().map(|m| m.occupation)
    }
}

/// What the filter line shows.
pub struct FilterView<'a> {
    pub filter: &'a Filter,
    pub total: usize,
    pub marked: usize,
    /// Whether keys go to the filter (no overlay open), so the cursor is shown.
    pub has_cursor: bool,
    pub theme: &'a Theme,
}

const LABEL: &str = " Filter: ";

impl FilterView<'_> {
    /// "3 of 33 occupations", or "33 occupations" while the filter is blank, then the shortlist.
    pub fn count_text(&self) -> String {
        let total = self.total;
        let partial = self
            .filter
            .matches
            .first()
            .is_some_and(|m| m.partial.is_some());
        let mut text = if self.filter.is_blank() {
            format!("{total} occupations")
        } else if partial {
            "no occupation matches every word — closest first".to_string()
        } else {
            format!("{} of {total} occupations", self.filter.matches.len())
        };
        if self.marked > 0 {
            let mark = self.theme.glyphs.mark;
            text.push_str(&format!(" · {mark} {} shortlisted", self.marked));
        }
        text
    }

    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let theme = self.theme;
        let count = format!("{} ", self.count_text());
        let label_width = width(LABEL) as u16;
        let count_width = (width(&count) as u16).min(area.width.saturating_sub(label_width + 4));
        let input_width = area.width.saturating_sub(label_width + count_width + 1);

        frame.render_widget(
            Span::styled(LABEL, theme.key),
            Rect::new(area.x, area.y, label_width.min(area.width), 1),
        );
        let input_area = Rect::new(area.x + label_width, area.y, input_width, 1);
        let input = &self.filter.input;
        if input.value().is_empty() {
            let typing = super::keymap::key_name(super::keymap::Key::Text);
            frame.render_widget(
                Span::styled(format!("{typing} to filter occupations"), theme.muted),
                input_area,
            );
        } else {
            let scroll = input.visual_scroll(usize::from(input_width.saturating_sub(1)));
            frame.render_widget(
                Paragraph::new(Line::styled(input.value(), theme.text)).scroll((0, scroll as u16)),
                input_area,
            );
        }
        let count_area = Rect::new(
            area.right().saturating_sub(count_width),
            area.y,
            count_width,
            1,
        );
        frame.render_widget(Line::styled(count, theme.muted).right_aligned(), count_area);
        if self.has_cursor && input_width > 0 {
            let scroll = input.visual_scroll(usize::from(input_width.saturating_sub(1)));
            let x = input.visual_cursor().saturating_sub(scroll) as u16;
            frame.set_cursor_position(Position::new(input_area.x + x.min(input_width - 1), area.y));
        }
    }
}
