//! The help overlay: every key binding (from the key map itself) and how filtering works. Owns
//! its scroll; reads nothing but the key map and the theme.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::browser::action::Action;
use crate::browser::chrome;
use crate::browser::keymap::{self, Mode};
use crate::browser::spans::wrap;
use crate::browser::theme::Theme;
use crate::text::width;

/// The help's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    scroll: usize,
}

impl Help {
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Scrolls by `delta` lines when there are `lines` and `height` of them fit.
    pub fn scroll_by(&mut self, delta: isize, lines: usize, height: usize) {
        let max = lines.saturating_sub(height);
        self.scroll = self.scroll.min(max).saturating_add_signed(delta).min(max);
    }
}

/// What the help shows.
pub struct HelpView<'a> {
    pub theme: &'a Theme,
}

impl HelpView<'_> {
    /// The overlay's lines for a text width.
    pub fn lines(&self, text_width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let entries: Vec<(String, &str)> = keymap::help_entries();
        let key_col = entries.iter().map(|(k, _)| width(k)).max().unwrap_or(0) + 2;
        let mut lines = vec![Line::styled("Keys", theme.heading)];
        for (keys, help) in entries {
            let first = Span::styled(format!("{keys:<key_col$}"), theme.key);
            let rest = Span::raw(" ".repeat(key_col));
            lines.extend(wrap(
                &[Span::styled(help, theme.text)],
                text_width,
                first,
                rest,
            ));
        }
        lines.push(Line::default());
        lines.push(Line::styled("Filtering", theme.heading));
        for paragraph in [
            "Every word you type must match, in any letter case; plurals and other forms of a word \
         match too (nurses, physiotherapy). Small words such as i, like, with and people never \
         make a search fail, and when no occupation has every word the closest come first.",
            "Titles and other names (\"physio\", \"GP\") match fuzzily and forgive a typing \
         error or two in longer words (\"councellor\"); cluster names match inside words; \
         skills, education, settings, summaries and duties match at word starts.",
            "Limit a word to a field: edu:psychology, setting:hospital, skill:listening, \
         cluster:rehab, noc:312, teer:1 (also title:, alias:, duty:, summary:).",
            "\"Quotes\" keep words together, as a phrase: \"long-term care\", \
         setting:\"private practice\".",
            "A row found by something other than its title says why after a ·.",
        ] {
            lines.extend(wrap(
                &[Span::styled(paragraph, theme.text)],
                text_width,
                Span::raw(" • "),
                Span::raw("   "),
            ));
        }
        lines.push(Line::default());
        let scroll = keymap::keys_label(&keymap::keys_where(Mode::Help, |a| {
            matches!(a, Action::SelectPrevious | Action::SelectNext)
        }));
        let close = keymap::or_phrase(&keymap::keys_where(Mode::Help, |a| {
            matches!(a, Action::Cancel | Action::ToggleHelp)
        }));
        lines.push(Line::styled(
            format!("{scroll} scroll · {close} closes this help"),
            theme.muted,
        ));
        lines
    }

    fn block(&self) -> Block<'static> {
        chrome::overlay(self.theme, "Help")
    }

    /// How many lines the help has and how many fit on `screen`; scrolling is clamped by it.
    pub fn extent(&self, screen: Rect) -> (usize, usize) {
        let inner = self.block().inner(popup(screen));
        (self.lines(inner.width).len(), usize::from(inner.height))
    }

    pub fn render(&self, frame: &mut Frame, screen: Rect, scroll: usize) {
        let mut area = popup(screen);
        let block = self.block();
        let lines = self.lines(block.inner(area).width);
        // as tall as the text, centred, never taller than the screen
        let height = (lines.len() as u16).saturating_add(2).min(screen.height);
        area.y = screen.y + (screen.height - height) / 2;
        area.height = height;
        chrome::scrolled_overlay(frame, self.theme, area, block, lines, scroll);
    }
}

/// The overlay's outer area on a screen.
fn popup(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(76);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y,
        width,
        screen.height,
    )
}
