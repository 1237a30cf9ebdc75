//! The bottom line: the message answering the last key, or else the key hints of the mode the
//! keys are in, generated from the key map so they cannot drift from the real bindings. When the
//! line is too narrow, the least needed hints go first; help and quit stay. A message is never
//! cut: one that does not fit takes a second line ([`Message::lines`], which the layout asks
//! before placing the panes), and a file path in it is shortened from the left so the file name
//! stays. Reads what it is given and changes nothing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::action::Action;
use super::keymap::{self, Context};
use super::message::Message;
use super::theme::Theme;
use crate::text::width;

/// Hints dropped first when the line is too narrow, by their word.
const DROP_ORDER: &[&str] = &[
    "fold",
    "clear",
    "handout",
    "level",
    "pick",
    "compare",
    "detail",
    "list",
    "shortlist",
    "mark",
    // the way in for a student who does not know what they want: kept on a narrow line
    "interests",
    "choose",
    "move",
    "scroll",
    "filter",
    "go to it",
    "remove",
];

/// The hints of `ctx` that fit in `max` columns, as (keys, word).
pub fn fitting(ctx: Context, max: usize) -> Vec<(String, &'static str)> {
    let mut entries = keymap::hint_entries(ctx);
    let line_width = |e: &[(String, &str)]| -> usize {
        1 + e
            .iter()
            .map(|(k, w)| width(k) + 1 + width(w) + 2)
            .sum::<usize>()
    };
    for drop in DROP_ORDER {
        if line_width(&entries) <= max {
            break;
        }
        entries.retain(|(_, w)| w != drop);
    }
    entries
}

/// What the bottom line shows.
pub struct StatusView<'a> {
    pub message: Option<&'a Message>,
    /// Where the keys go now.
    pub keys: Context,
    pub presenting: bool,
    pub theme: &'a Theme,
}

impl StatusView<'_> {
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let theme = self.theme;
        if let Some(message) = self.message {
            // a message answers the last key; the hints come back with the next one
            for (i, line) in message.lines(area.width).into_iter().enumerate() {
                if i as u16 >= area.height {
                    break;
                }
                let mut spans = vec![Span::raw(" ")];
                spans.extend(line.spans);
                let line = Line::from(spans).patch_style(theme.notice);
                let r = Rect::new(area.x, area.y + i as u16, area.width, 1);
                frame.render_widget(line, r);
            }
            return;
        }
        let mut spans = vec![Span::raw(" ")];
        if self.presenting {
            // a projector shows the content, not the controls
            let end = keymap::first_key(&Action::TogglePresentation, self.keys.mode);
            let help = keymap::first_key(&Action::ToggleHelp, self.keys.mode);
            spans.push(Span::styled(end, theme.key));
            spans.push(Span::styled(" end presentation  ", theme.muted));
            spans.push(Span::styled(help, theme.key));
            spans.push(Span::styled(" help", theme.muted));
            frame.render_widget(Line::from(spans), area);
            return;
        }
        for (keys, word) in fitting(self.keys, usize::from(area.width)) {
            spans.push(Span::styled(keys, theme.key));
            spans.push(Span::styled(format!(" {word}  "), theme.muted));
        }
        frame.render_widget(Line::from(spans), area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::keymap::Mode;

    fn words(mode: Mode, filter_empty: bool, max: usize) -> Vec<&'static str> {
        fitting(Context { mode, filter_empty }, max)
            .into_iter()
            .map(|(_, w)| w)
            .collect()
    }

    #[test]
    fn a_narrow_line_keeps_help_quit_and_the_keys_that_move() {
        assert_eq!(
            words(Mode::Shortlist, true, 80),
            // compare goes first: its "F3/Ctrl-R" is long, and the overlay's own text names it
            ["choose", "go to it", "remove", "close", "quit"]
        );
        let list = words(Mode::List, true, 80);
        for kept in ["move", "filter", "help", "quit"] {
            assert!(list.contains(&kept), "{list:?}");
        }
        assert!(words(Mode::Detail, true, 200).contains(&"choose"));
        assert_eq!(
            words(Mode::Help, true, 20),
            ["close", "quit"],
            "never dropped"
        );
    }
}
