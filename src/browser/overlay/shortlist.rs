//! The shortlist view: the occupations an advisor marked with a client, to revisit, remove,
//! compare or write into a handout. Owns the chosen row; the marks themselves are the
//! [`Shortlist`] model, which this file reads and never changes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::browser::action::Action;
use crate::browser::chrome;
use crate::browser::keymap::{self, Context, Mode};
use crate::browser::shortlist::Shortlist;
use crate::browser::spans::{paragraph, truncate};
use crate::browser::theme::Theme;
use crate::catalog::Catalog;

/// The view's state: which row is chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShortlistOverlay {
    cursor: usize,
}

impl ShortlistOverlay {
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Moves the chosen row by `delta` among `len` rows.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }
}

/// The widest the popup gets.
const MAX_WIDTH: u16 = 72;

/// What the shortlist view shows.
pub struct ShortlistView<'a> {
    pub catalog: &'a Catalog,
    pub shortlist: &'a Shortlist,
    pub cursor: usize,
    pub theme: &'a Theme,
}

impl ShortlistView<'_> {
    /// The view's lines for a text width.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let items = self.shortlist.items();
        if items.is_empty() {
            let mark = keymap::keys_phrase(&Action::ToggleShortlist, Mode::List);
            return paragraph(
                format!(
                    "Nothing on the shortlist yet. Select an occupation and press {mark} \
                         to mark it; marked rows show {}.",
                    theme.glyphs.mark
                ),
                theme.text,
                width,
            );
        }
        let mut lines = Vec::new();
        for (i, &o) in items.iter().enumerate() {
            let occupation = self.catalog.occupation(o);
            let cluster = &self.catalog.cluster(occupation.cluster()).name();
            let chosen = i == self.cursor;
            let marker = if chosen { ">" } else { " " };
            let spans = vec![
                Span::styled(format!("{marker}{:>2}. ", i + 1), theme.key),
                Span::styled(occupation.title().to_string(), theme.lead),
                Span::styled(format!(" · {cluster}"), theme.muted),
            ];
            let mut line = Line::from(truncate(spans, usize::from(width)));
            if chosen {
                line = line.patch_style(theme.selected);
            }
            lines.push(line);
        }
        lines.push(Line::default());
        let keys = keymap::hint_sentence(Context {
            mode: Mode::Shortlist,
            filter_empty: true,
        });
        lines.extend(paragraph(keys, theme.muted, width));
        lines
    }

    pub fn render(&self, frame: &mut Frame, screen: Rect) {
        let lines = self.lines(chrome::popup_text_width(screen, MAX_WIDTH));
        let block = chrome::overlay(self.theme, &format!("Shortlist ({})", self.shortlist.len()));
        chrome::centred_popup(frame, screen, MAX_WIDTH, block, lines, self.cursor);
    }
}
