//! Styled text for the panes: highlighting matched characters, word-wrapping to a width with a
//! hanging indent, and truncating with an ellipsis. Widths are measured in terminal columns per
//! grapheme, so wide (CJK, emoji) and combining characters stay aligned. Pure functions of their
//! arguments: no state, no frame, no knowledge of the catalog.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::width;

/// Spans of `text` in `base` style, with the character `ranges` patched with `highlight`.
pub fn highlighted(
    text: &str,
    ranges: &[Range<usize>],
    base: Style,
    highlight: Style,
) -> Vec<Span<'static>> {
    if ranges.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in text.chars().enumerate() {
        let hit = ranges.iter().any(|r| r.contains(&i));
        if hit != run_hit && !run.is_empty() {
            let style = if run_hit { base.patch(highlight) } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = hit;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_hit { base.patch(highlight) } else { base };
        spans.push(Span::styled(run, style));
    }
    spans
}

/// The display width of some spans.
pub fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// Cuts spans to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(spans: Vec<Span<'static>>, max: usize) -> Vec<Span<'static>> {
    if spans_width(&spans) <= max {
        return spans;
    }
    if max == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut used = 0;
    let budget = max - 1;
    let mut last_style = Style::default();
    'spans: for span in spans {
        last_style = span.style;
        let mut kept = String::new();
        for g in span.content.graphemes(true) {
            let w = width(g);
            if used + w > budget {
                if !kept.is_empty() {
                    out.push(Span::styled(kept, span.style));
                }
                break 'spans;
            }
            used += w;
            kept.push_str(g);
        }
        out.push(Span::styled(kept, span.style));
    }
    out.push(Span::styled("…", last_style));
    out
}

/// At most `max` lines of a wrapped text; when some were left out, the last one kept ends with
/// `…` (cut to `width` columns if it must).
pub fn cap_lines(mut lines: Vec<Line<'static>>, max: usize, width: usize) -> Vec<Line<'static>> {
    if lines.len() <= max || max == 0 {
        lines.truncate(max);
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        let style = last.style;
        let mut spans = std::mem::take(&mut last.spans);
        let ellipsis_style = spans.last().map(|s| s.style).unwrap_or_default();
        spans.push(Span::styled("…", ellipsis_style));
        *last = Line::from(truncate(spans, width)).style(style);
    }
    lines
}

/// One run of text in one style, word-wrapped to `width` with no indent.
pub fn paragraph(text: impl Into<String>, style: Style, width: u16) -> Vec<Line<'static>> {
    wrap(
        &[Span::styled(text.into(), style)],
        width,
        Span::raw(""),
        Span::raw(""),
    )
}

/// Word-wraps spans into lines of at most `width` columns. The first line starts with
/// `first_indent`, the others with `rest_indent` (a hanging indent for bullets). A `\n` in the
/// text starts a new line; words longer than a line are broken.
pub fn wrap(
    spans: &[Span],
    width_cols: u16,
    first_indent: Span<'static>,
    rest_indent: Span<'static>,
) -> Vec<Line<'static>> {
    let width_cols = usize::from(width_cols);
    let mut wrapper = Wrapper {
        lines: Vec::new(),
        current: Vec::new(),
        current_width: 0,
        width: width_cols,
        first_indent,
        rest_indent,
    };
    wrapper.start_line();

    // Words are runs of non-space graphemes, each grapheme keeping its style.
    // A word is joined to the previous one by a space in the style of the space that preceded it.
    let mut word: Vec<(&str, Style)> = Vec::new();
    let mut space_style = Style::default();
    for span in spans {
        for g in span.content.graphemes(true) {
            match g {
                " " => {
                    wrapper.push_word(std::mem::take(&mut word), space_style);
                    space_style = span.style;
                }
                "\n" | "\r\n" => {
                    wrapper.push_word(std::mem::take(&mut word), space_style);
                    wrapper.break_line();
                }
                _ => word.push((g, span.style)),
            }
        }
    }
    wrapper.push_word(word, space_style);
    wrapper.finish()
}

struct Wrapper<'a> {
    lines: Vec<Line<'static>>,
    current: Vec<(&'a str, Style)>,
    current_width: usize,
    width: usize,
    first_indent: Span<'static>,
    rest_indent: Span<'static>,
}

impl<'a> Wrapper<'a> {
    fn indent(&self) -> &Span<'static> {
        if self.lines.is_empty() {
            &self.first_indent
        } else {
            &self.rest_indent
        }
    }

    fn start_line(&mut self) {
        self.current.clear();
        self.current_width = width(&self.indent().content);
    }

    fn break_line(&mut self) {
        let mut spans = vec![self.indent().clone()];
        let mut run = String::new();
        let mut run_style = None;
        for (g, style) in self.current.drain(..) {
            if run_style.is_some_and(|s| s != style) {
                spans.push(Span::styled(
                    std::mem::take(&mut run),
                    run_style.unwrap_or_default(),
                ));
            }
            run_style = Some(style);
            run.push_str(g);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style.unwrap_or_default()));
        }
        self.lines.push(Line::from(spans));
        self.start_line();
    }

    fn has_words(&self) -> bool {
        !self.current.is_empty()
    }

    fn push_word(&mut self, word: Vec<(&'a str, Style)>, space_style: Style) {
        if word.is_empty() {
            return;
        }
        let word_width: usize = word.iter().map(|(g, _)| width(g)).sum();
        let space = usize::from(self.has_words());
        if self.current_width + space + word_width <= self.width {
            if space == 1 {
                self.current.push((" ", space_style));
            }
            self.current_width += space + word_width;
            self.current.extend(word);
            return;
        }
        if self.has_words() {
            self.break_line();
            if self.current_width + word_width <= self.width {
                self.current_width += word_width;
                self.current.extend(word);
                return;
            }
        }
        // The word is wider than a whole line: break it between graphemes.
        for (g, style) in word {
            let w = width(g);
            if self.current_width + w > self.width && self.has_words() {
                self.break_line();
            }
            self.current_width += w;
            self.current.push((g, style));
        }
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        if self.has_words() || self.lines.is_empty() {
            self.break_line();
        }
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_with_a_hanging_indent() {
        let spans = [Span::raw(
            "assess injuries and plan treatment with patients",
        )];
        let lines = wrap(&spans, 20, Span::raw(" • "), Span::raw("   "));
        assert_eq!(
            plain(&lines),
            [
                " • assess injuries",
                "   and plan",
                "   treatment with",
                "   patients"
            ]
        );
        assert!(lines.iter().all(|l| l.width() <= 20));
    }

    #[test]
    fn breaks_words_longer_than_a_line_and_keeps_newlines() {
        let spans = [Span::raw("abcdefghij\nxy")];
        let lines = wrap(&spans, 4, Span::raw(""), Span::raw(""));
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let spans = [Span::raw("漢字 漢字漢字")];
        let lines = wrap(&spans, 6, Span::raw(""), Span::raw(""));
        assert_eq!(plain(&lines), ["漢字", "漢字漢", "字"]);
    }

    #[test]
    fn highlights_map_character_ranges() {
        let hl = Style::new().add_modifier(Modifier::BOLD);
        let ranges = [Range { start: 0, end: 6 }];
        let spans = highlighted("Physiotherapist", &ranges, Style::new(), hl);
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[0].content, "Physio");
        assert_eq!(spans[0].style, hl);
        assert_eq!(spans[1].content, "therapist");
    }

    #[test]
    fn capped_lines_end_with_an_ellipsis_only_when_some_were_left_out() {
        let lines = wrap(
            &[Span::raw("one two three four")],
            5,
            Span::raw(""),
            Span::raw(""),
        );
        assert_eq!(plain(&lines), ["one", "two", "three", "four"]);
        assert_eq!(plain(&cap_lines(lines.clone(), 2, 5)), ["one", "two…"]);
        assert_eq!(plain(&cap_lines(lines.clone(), 4, 5)), plain(&lines));
        // no room for the ellipsis after the word: the word is cut for it
        assert_eq!(plain(&cap_lines(lines, 3, 5)), ["one", "two", "thre…"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        let spans = vec![Span::raw("Health Management"), Span::raw(" and more")];
        let cut = truncate(spans, 10);
        assert_eq!(
            cut.iter().map(|s| s.content.as_ref()).collect::<String>(),
            "Health Ma…"
        );
        assert_eq!(truncate(vec![Span::raw("short")], 10).len(), 1);
        assert!(truncate(vec![Span::raw("abc")], 0).is_empty());
    }
}
