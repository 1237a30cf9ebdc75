//! The question before quitting with shortlisted occupations that are in no handout: write a
//! handout, quit anyway, or stay. Holds nothing of its own; it reads the shortlist and the
//! catalog and changes neither.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::browser::chrome;
use crate::browser::keymap::{self, Context, Mode};
use crate::browser::spans::wrap;
use crate::browser::theme::Theme;
use crate::catalog::{Catalog, OccupationIdx};

/// What the question shows.
pub struct QuitView<'a> {
    pub catalog: &'a Catalog,
    /// Shortlisted occupations in no handout yet.
    pub unsaved: Vec<OccupationIdx>,
    pub theme: &'a Theme,
}

impl QuitView<'_> {
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let titles: Vec<&str> = self
            .unsaved
            .iter()
            .map(|&o| self.catalog.occupation(o).title())
            .collect();
        let n = titles.len();
        let what = if n == 1 {
            "1 shortlisted occupation is".to_string()
        } else {
            format!("{n} shortlisted occupations are")
        };
        let mut lines = wrap(
            &[Span::styled(
                format!("{what} in no handout yet: {}.", titles.join(", ")),
                theme.lead,
            )],
            width,
            Span::raw(""),
            Span::raw(""),
        );
        lines.push(Line::default());
        let keys = keymap::hint_entries(Context {
            mode: Mode::Quit,
            filter_empty: true,
        });
        for (key, word) in keys {
            lines.push(Line::from(vec![
                Span::styled(format!("  {key:<8}"), theme.key),
                Span::styled(word.to_string(), theme.text),
            ]));
        }
        lines
    }

    pub fn render(&self, frame: &mut Frame, screen: Rect) {
        let width = screen.width.saturating_sub(4).min(64);
        let block = chrome::overlay(self.theme, "Quit?");
        let lines = self.lines(width.saturating_sub(4));
        let height = (lines.len() as u16).saturating_add(2).min(screen.height);
        let area = Rect::new(
            screen.x + (screen.width - width) / 2,
            screen.y + (screen.height - height) / 2,
            width,
            height,
        );
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        chrome::draw_lines(frame, inner, lines, 0);
    }
}
