//! The question before quitting with shortlisted occupations that are in no handout: write a
//! handout, quit anyway, or stay. Holds nothing of its own; it reads the shortlist and the
//! catalog and changes neither.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::browser::chrome;
use crate::browser::keymap::{self, Context, Mode};
use crate::browser::spans::paragraph;
use crate::browser::theme::Theme;
use crate::catalog::{Catalog, OccupationIdx};

/// The widest the popup gets.
const MAX_WIDTH: u16 = 64;

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
        let mut lines = paragraph(
            format!("{what} in no handout yet: {}.", titles.join(", ")),
            theme.lead,
            width,
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
        let lines = self.lines(chrome::popup_text_width(screen, MAX_WIDTH));
        let block = chrome::overlay(self.theme, "Quit?");
        chrome::centred_popup(frame, screen, MAX_WIDTH, block, lines, 0);
    }
}
