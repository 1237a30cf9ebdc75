//! Text helpers shared by the catalog, search and the view: making text safe to show, folding
//! case for matching, and measuring display width.
//!
//! Catalog text is data, never terminal control: [`sanitize`] turns control characters into
//! visible symbols when the catalog is loaded, so nothing later can write an escape sequence.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

/// Makes text safe to put on a terminal: keeps newlines, expands tabs to four spaces, shows every
/// other control character as a visible symbol (`␛` for ESC), drops bidirectional overrides, and
/// shows as `�` the characters a terminal draws as nothing while we count them as a column (the
/// line and paragraph separators U+2028 and U+2029, and the noncharacters U+FDD0–U+FDEF and the
/// last two code points of every plane), which would leave old characters on screen.
///
/// Unassigned code points are kept: telling them apart needs the Unicode character database's
/// general categories, and no well-kept crate for that is among this project's dependencies;
/// unicode-width gives them one column, as most terminals do.
pub fn sanitize(text: &str) -> String {
    sanitize_with(text, false)
}

/// [`sanitize`] for text shown within one line (a file name, a search query, a field of an
/// input file quoted in a message): line breaks are shown as symbols too, so the text cannot
/// start a line of its own.
pub fn sanitize_inline(text: &str) -> String {
    sanitize_with(text, true)
}

/// Whether a character can be put on a terminal as it is: not a control character, not a
/// bidirectional override, not one a terminal draws as nothing (what [`sanitize`] replaces).
pub fn is_safe(c: char) -> bool {
    !unsafe_char(c)
}

/// A character the terminal would draw as nothing, or act on, rather than show.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || is_invisible(c)
}

/// Separators and noncharacters: one column for unicode-width, nothing for a terminal.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{fdd0}'..='\u{fdef}') || (c as u32) & 0xfffe == 0xfffe
}

fn sanitize_with(text: &str, inline: bool) -> String {
    // Nearly all catalog text is clean: copy it whole instead of character by character.
    if text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || (b == b'\n' && !inline))
    {
        return text.to_string();
    }
    if text
        .chars()
        .all(|c| !unsafe_char(c) || (c == '\n' && !inline))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' if !inline => out.push('\n'),
            '\r' if !inline && chars.peek() == Some(&'\n') => {}
            '\t' => out.push_str("    "),
            // C0 controls become their Control Pictures (U+2400..U+241F), DEL becomes U+2421.
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            // C1 controls (including the 8-bit CSI) have no pictures of their own.
            '\u{80}'..='\u{9f}' => out.push('\u{fffd}'),
            // Bidirectional embeddings and isolates could reorder what surrounds them.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            _ if is_invisible(c) => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// Text folded for case-insensitive matching, with a map back to the original characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Folded {
    /// The lowercase characters.
    pub chars: Vec<char>,
    /// For each folded character, the index of the original character it came from.
    pub origin: Vec<u32>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut folded = Folded {
            chars: Vec::with_capacity(text.len()),
            origin: Vec::with_capacity(text.len()),
        };
        for (i, c) in text.chars().enumerate() {
            for lower in c.to_lowercase() {
                folded.chars.push(lower);
                folded.origin.push(i as u32);
            }
        }
        folded
    }

    /// Maps a range of folded characters back to a range of original characters.
    pub fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        first..last + 1
    }

    /// Whether the folded character at `i` starts a word.
    pub fn is_word_start(&self, i: usize) -> bool {
        i == 0 || !self.chars[i - 1].is_alphanumeric()
    }
}

/// The word around the first of `ranges` (character ranges into `text`), with the ranges that
/// fall inside it shifted to it: how "injur" in a long summary is shown as "injuries".
pub fn matched_word(text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let Some(first) = ranges.first() else {
        return (text.to_string(), Vec::new());
    };
    let chars: Vec<char> = text.chars().collect();
    let in_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
    let mut start = first.start.min(chars.len());
    while start > 0 && in_word(chars[start - 1]) {
        start -= 1;
    }
    let mut end = first.end.clamp(start, chars.len());
    while end < chars.len() && in_word(chars[end]) {
        end += 1;
    }
    let word = chars[start..end].iter().collect();
    let shifted = ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| (r.start - start)..(r.end - start))
        .collect();
    (word, shifted)
}

/// Display width of a string in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(sanitize("x\u{1b}]0;t\u{7}"), "x\u{241b}]0;t\u{2407}");
        assert_eq!(sanitize("\u{9b}31m"), "\u{fffd}31m");
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(
            sanitize("one\r\ntwo\rthree\u{8}"),
            "one\ntwo\u{240d}three\u{2408}"
        );
        assert_eq!(sanitize("abc\u{202e}def"), "abcdef");
    }

    #[test]
    fn characters_a_terminal_draws_as_nothing_become_visible() {
        for c in [
            '\u{2028}',
            '\u{2029}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{1fffe}',
            '\u{10ffff}',
        ] {
            assert_eq!(sanitize(&format!("a{c}b")), "a\u{fffd}b", "{c:?}");
        }
        // their neighbours are ordinary characters
        assert_eq!(
            sanitize("\u{fdcf}\u{fdf0}\u{fffd}"),
            "\u{fdcf}\u{fdf0}\u{fffd}"
        );
    }

    #[test]
    fn inline_text_cannot_start_a_line() {
        assert_eq!(
            sanitize_inline("x\n\u{1b}]0;PWN\u{7}.toml"),
            "x\u{240a}\u{241b}]0;PWN\u{2407}.toml"
        );
        assert_eq!(sanitize_inline("a\r\nb"), "a\u{240d}\u{240a}b");
        assert_eq!(sanitize_inline("plain.toml"), "plain.toml");
    }

    #[test]
    fn matched_word_expands_to_the_whole_word() {
        let (word, ranges) = matched_word(
            "recover from injuries, fast",
            &[Range { start: 13, end: 18 }],
        );
        assert_eq!(word, "injuries");
        assert_eq!(ranges, vec![0..5]);
        assert_eq!(matched_word("abc", &[]).0, "abc");
    }

    #[test]
    fn folding_maps_back_to_original_characters() {
        let f = Folded::new("İstanbul Physio");
        // 'İ' lowercases to two characters, both mapped to original index 0
        assert_eq!(f.chars.len(), 16);
        assert_eq!(f.original_range(0, 2), 0..1);
        let p = f.chars.iter().position(|&c| c == 'p').unwrap();
        assert_eq!(f.original_range(p, p + 6), 9..15);
        assert!(f.is_word_start(p));
    }
}
