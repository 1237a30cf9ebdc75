//! A message for the bottom line, answering the last key: its text, and where a file path is in
//! it so a message too long for the line can shorten the path from the left and keep the file
//! name. Plain data and one pure measuring function; it knows nothing of the app or the frame.

use std::ops::Range;

use ratatui::text::Line;

use super::spans::{cap_lines, paragraph};
use crate::text::width;

/// The most lines a message takes.
pub const MAX_MESSAGE_LINES: usize = 2;

/// A message for the bottom line, answering the last key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Message {
    text: String,
    /// Where a file path is in `text` (bytes): shortened from the left when the message does not
    /// fit, so the file name stays.
    path: Option<Range<usize>>,
}

impl Message {
    /// `lead` followed by a file path, e.g. "Wrote the handout to " and the file.
    pub fn with_path(lead: &str, path: &str) -> Message {
        Message {
            text: format!("{lead}{path}"),
            path: Some(lead.len()..lead.len() + path.len()),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The message as it fits in `width` columns after the leading space: wrapped onto at most
    /// [`MAX_MESSAGE_LINES`] lines, the path shortened from the left ("…/folder/file.md") if
    /// that is what it takes, and only as a last resort the end cut with `…`.
    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let room = width.saturating_sub(1);
        let fits = |text: &str| {
            let lines = paragraph(text.to_string(), Default::default(), room);
            if lines.len() <= MAX_MESSAGE_LINES {
                return Some(lines);
            }
            // a path or address is one long word: break it after a slash instead
            split_after_slash(text, usize::from(room))
                .map(|(first, rest)| vec![Line::raw(first), Line::raw(rest)])
        };
        if let Some(lines) = fits(&self.text) {
            return lines;
        }
        let mut text = self.text.clone();
        if let Some(range) = self.path.clone() {
            let (before, path, after) = (
                &self.text[..range.start],
                &self.text[range.clone()],
                &self.text[range.end..],
            );
            let cuts = path.char_indices().filter(|(_, c)| matches!(c, '/' | '\\'));
            for (at, _) in cuts {
                text = format!("{before}…{}{after}", &path[at..]);
                if let Some(lines) = fits(&text) {
                    return lines;
                }
            }
        }
        cap_lines(
            paragraph(text, Default::default(), room),
            MAX_MESSAGE_LINES,
            usize::from(room),
        )
    }
}

/// `text` on two lines of at most `room` columns, the first ending at the last space or just
/// after the last slash that fits, if the rest then fits on the second.
fn split_after_slash(text: &str, room: usize) -> Option<(String, String)> {
    let mut used = 0;
    let mut best = None;
    for (at, c) in text.char_indices() {
        used += width(c.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        if matches!(c, ' ' | '/' | '\\') {
            best = Some(at + c.len_utf8());
        }
    }
    let (first, rest) = text.split_at(best?);
    let (first, rest) = (first.trim_end(), rest.trim_start());
    (width(rest) <= room).then(|| (first.to_string(), rest.to_string()))
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message { text, path: None }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::from(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(message: &Message, width: u16) -> Vec<String> {
        message
            .lines(width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_long_message_wraps_and_a_long_path_keeps_its_file_name() {
        let short = Message::from("Put Audiologist back on the shortlist");
        assert_eq!(plain(&short, 80), ["Put Audiologist back on the shortlist"]);

        let url = Message::from(
            "No web browser could be started; the page is \
             https://www.onetonline.org/link/summary/29-1123.00",
        );
        let lines = plain(&url, 60);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[1].ends_with("/29-1123.00"),
            "the address whole: {lines:?}"
        );

        // a path that fits in two lines is broken after a slash, not shortened
        let path = "/home/advisor/career-centre/sessions/december-2026/student-files/\
                    handouts/career-handout.md";
        let lines = plain(&Message::with_path("Wrote the handout to ", path), 80);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].ends_with('/') && width(&lines[0]) <= 79,
            "{lines:?}"
        );
        assert_eq!(lines.concat(), format!("Wrote the handout to {path}"));

        let folder = "/home/advisor/a-very-long-folder-name-for-the-career-centre-sessions";
        let path = format!("{folder}/{folder}/career-handout-3.md");
        let wrote = Message::with_path("Wrote the handout to ", &path);
        let lines = plain(&wrote, 80);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let shown = lines.join(" ");
        assert!(shown.starts_with("Wrote the handout to …/"), "{shown}");
        assert!(shown.ends_with("/career-handout-3.md"), "{shown}");
        assert!(lines.iter().all(|l| width(l) <= 79));
    }
}
