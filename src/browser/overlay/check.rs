//! The interest check: "What interests you?", one statement at a time, answered on a five-point
//! scale, with a progress bar. Owns the highlighted answer (for ←/→ and Enter); the answers are
//! the [`Interest`] model, which this file reads and never changes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::browser::chrome;
use crate::browser::interest::Interest;
use crate::browser::keymap::{self, Context, Mode};
use crate::browser::spans::{paragraph, wrap};
use crate::browser::theme::Theme;
use crate::interests::{ITEMS, SCALE};

/// The check's state: which answer ←/→ and Enter would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOverlay {
    choice: u8,
}

impl CheckOverlay {
    /// Asking `interest`'s current statement, its answer (or "not sure") highlighted.
    pub fn new(interest: &Interest) -> CheckOverlay {
        let choice = interest
            .at()
            .and_then(|i| interest.answers()[i])
            .unwrap_or(3);
        CheckOverlay { choice }
    }

    pub fn choice(&self) -> u8 {
        self.choice
    }

    pub fn move_choice(&mut self, delta: i8) {
        self.choice = (self.choice as i8 + delta).clamp(1, 5) as u8;
    }
}

/// The widest the popup gets.
const MAX_WIDTH: u16 = 72;

/// What the check shows.
pub struct CheckView<'a> {
    pub interest: &'a Interest,
    pub choice: u8,
    pub theme: &'a Theme,
}

impl CheckView<'_> {
    /// The check's lines for a text width.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let total = ITEMS.len();
        let at = self.interest.at().unwrap_or(total - 1);
        let shown = at + 1;
        let label = format!("{shown} of {total}  ");
        let bar_width = usize::from(width)
            .saturating_sub(label.chars().count())
            .max(1);
        let filled = bar_width * shown / total;
        let mut lines = vec![
            Line::from(vec![
                Span::styled(label, theme.key),
                Span::styled(theme.glyphs.bar.repeat(filled), theme.heading),
                Span::styled(
                    theme.glyphs.bar_empty.repeat(bar_width - filled),
                    theme.muted,
                ),
            ]),
            Line::default(),
            Line::styled("How much would you like to…", theme.muted),
        ];
        lines.extend(wrap(
            &[Span::styled(ITEMS[at].text.to_string(), theme.lead)],
            width,
            Span::raw(""),
            Span::raw(""),
        ));
        lines.push(Line::default());
        let given = self.interest.answers()[at];
        for (i, words) in SCALE.iter().enumerate() {
            let n = i as u8 + 1;
            let chosen = n == self.choice;
            let mut spans = vec![
                Span::styled(if chosen { "> " } else { "  " }, theme.key),
                Span::styled(format!("{n} "), theme.key),
                Span::styled(words.to_string(), theme.text),
            ];
            if given == Some(n) {
                spans.push(Span::styled("  (your answer)", theme.muted));
            }
            let mut line = Line::from(spans);
            if chosen {
                line = line.patch_style(theme.selected);
            }
            lines.push(line);
        }
        lines.push(Line::default());
        let keys = keymap::hint_sentence(Context {
            mode: Mode::Check,
            filter_empty: true,
        });
        lines.extend(paragraph(keys, theme.muted, width));
        lines
    }

    pub fn render(&self, frame: &mut Frame, screen: Rect) {
        let lines = self.lines(chrome::popup_text_width(screen, MAX_WIDTH));
        let block = chrome::overlay(self.theme, "What interests you?");
        chrome::centred_popup(frame, screen, MAX_WIDTH, block, lines, 0);
    }
}
