//! A problem found in a catalog file, with its place, and how it is shown: `file:line:column:
//! message`, the offending line with a marker under the spot, what would be right, and for
//! duplicates the other place too.
//!
//! Places are found through a [`LineIndex`] built once per file (the starts of its lines, searched
//! by bisection), so a file with tens of thousands of problems is reported in linear time. A line
//! is shown as safe text (tabs expanded, control characters made visible) with the marker under
//! the right character; a line too long for a terminal is shown as a window of about
//! [`WINDOW_COLUMNS`] columns around the spot, with `…` where it was cut.

use std::cell::Cell;
use std::fmt;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::text::sanitize;

/// How many columns of a long line are shown around a problem.
pub const WINDOW_COLUMNS: usize = 60;
/// How many bytes either side of a problem are read to show its line: enough for the window,
/// bounded so that a 32 MiB one-line file costs no more per problem than a short line.
const CONTEXT_BYTES: usize = 4 * WINDOW_COLUMNS * 4;

/// A place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The line of the file (or, for a very long line, the part of it around the spot), as safe
    /// text.
    pub source_line: String,
    /// How many characters of `source_line` the marker underlines (at least one).
    pub length: usize,
    /// Where the marker starts in `source_line`, in characters (0-based).
    pub marker: usize,
    /// Whether `source_line` starts after the start of the line (and is shown after a `…`).
    pub cut_start: bool,
    /// Whether `source_line` ends before the end of the line.
    pub cut_end: bool,
}

/// The byte offsets where the lines of a text start, for finding the line of any offset by
/// bisection. The column of the last place asked for is remembered, so places asked for in order
/// along one long line are counted from there, not from the line's start.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, 0-based column in characters) of the last place found.
    last: Cell<(usize, usize)>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            last: Cell::new((0, 0)),
        }
    }

    /// The location of a byte span of `text` (the text this index was built from).
    pub fn locate(&self, text: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        // the last line start at or before `start`
        let line = self.starts.partition_point(|&s| s <= start).max(1) - 1;
        let line_start = self.starts[line];
        let line_end = self
            .starts
            .get(line + 1)
            .map_or(text.len(), |&next| next - 1);
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        let (last_at, last_column) = self.last.get();
        let column = if last_at >= line_start && last_at <= start {
            last_column + count_chars(&text[last_at..start])
        } else {
            count_chars(&text[line_start..start])
        };
        self.last.set((start, column));
        // the part of the line shown: bounded around the spot
        let shown_start =
            floor_char_boundary(text, start.saturating_sub(CONTEXT_BYTES).max(line_start));
        let shown_end = floor_char_boundary(text, (end + CONTEXT_BYTES).min(line_end));
        let shown_end = shown_end.max(end);
        let before = sanitize(&text[shown_start..start]);
        let marked = sanitize(&text[start..end]);
        let after = sanitize(text[end..shown_end].trim_end_matches('\r'));
        let marker = before.chars().count();
        Location {
            line: line + 1,
            column: column + 1,
            length: marked.chars().count().max(1),
            source_line: before + &marked + &after,
            marker,
            cut_start: shown_start > line_start,
            cut_end: shown_end < line_end
                && !text[shown_end..line_end].trim_end_matches('\r').is_empty(),
        }
    }
}

/// Characters in `text`, counted from its bytes (those that do not continue a character).
fn count_chars(text: &str) -> usize {
    text.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

impl Location {
    /// The location of a byte span of `text`. For many places in one text, build a [`LineIndex`]
    /// once instead.
    pub fn of(text: &str, span: Range<usize>) -> Location {
        LineIndex::new(text).locate(text, span)
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One thing wrong in a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub source_line: String,
    length: usize,
    marker: usize,
    cut: (bool, bool),
    pub message: String,
    /// What would be right, when we can tell.
    pub help: Option<String>,
    /// A second place that belongs to the problem (the first use of a duplicate id).
    pub also: Option<(Location, String)>,
}

impl Problem {
    pub fn new(at: Location, message: impl Into<String>, help: Option<String>) -> Problem {
        Problem {
            line: at.line,
            column: at.column,
            source_line: at.source_line,
            length: at.length,
            marker: at.marker,
            cut: (at.cut_start, at.cut_end),
            message: message.into(),
            help,
            also: None,
        }
    }

    /// Renders the problem for a file named `origin`.
    pub fn display<'a>(&'a self, origin: &'a str) -> impl fmt::Display + 'a {
        Shown {
            problem: self,
            origin,
        }
    }
}

struct Shown<'a> {
    problem: &'a Problem,
    origin: &'a str,
}

/// What [`snippet`] shows of a line.
struct Line<'a> {
    source: &'a str,
    marker: usize,
    length: usize,
    cut: (bool, bool),
}

fn snippet(
    f: &mut fmt::Formatter<'_>,
    gutter: usize,
    line: usize,
    at: Line<'_>,
    label: &str,
) -> fmt::Result {
    let (text, pad, marks) = window(&at);
    writeln!(f, "{:gutter$} |", "")?;
    writeln!(f, "{line:>gutter$} | {text}")?;
    write!(
        f,
        "{:gutter$} | {}{}",
        "",
        " ".repeat(pad),
        "^".repeat(marks)
    )?;
    if !label.is_empty() {
        write!(f, " {label}")?;
    }
    Ok(())
}

/// The text of a line as shown, and the columns before and under the marker: the whole line when
/// it fits in [`WINDOW_COLUMNS`] columns past the marker, else a window of that many columns
/// starting a third of it before the marker, with `…` at each cut end.
fn window(at: &Line<'_>) -> (String, usize, usize) {
    let chars: Vec<char> = at.source.chars().collect();
    let width = |c: &char| c.width().unwrap_or(0);
    let marker = at.marker.min(chars.len());
    let marked_end = (marker + at.length).min(chars.len());
    let total: usize = chars.iter().map(width).sum();
    let (mut first, mut last) = (0, chars.len());
    if total > WINDOW_COLUMNS * 2 || at.cut.0 || at.cut.1 {
        // walk back a third of the window from the marker, then forward to fill it
        let mut columns = 0;
        first = marker;
        while first > 0 && columns + width(&chars[first - 1]) <= WINDOW_COLUMNS / 3 {
            first -= 1;
            columns += width(&chars[first]);
        }
        last = marker;
        while last < chars.len() && columns + width(&chars[last]) <= WINDOW_COLUMNS {
            columns += width(&chars[last]);
            last += 1;
        }
        last = last.max((marker + 1).min(chars.len()));
    }
    let cut_start = first > 0 || at.cut.0;
    let cut_end = last < chars.len() || at.cut.1;
    let mut text = String::new();
    if cut_start {
        text.push('…');
    }
    text.extend(&chars[first..last]);
    if cut_end {
        text.push('…');
    }
    let pad = usize::from(cut_start) + chars[first..marker].iter().map(width).sum::<usize>();
    let marks = chars[marker..marked_end.min(last)]
        .iter()
        .map(width)
        .sum::<usize>()
        .max(1);
    (text, pad, marks)
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.problem;
        let also_line = p.also.as_ref().map_or(0, |(at, _)| at.line);
        let gutter = p.line.max(also_line).to_string().len();
        writeln!(f, "{}:{}:{}: {}", self.origin, p.line, p.column, p.message)?;
        let shown = Line {
            source: &p.source_line,
            marker: p.marker,
            length: p.length,
            cut: p.cut,
        };
        snippet(f, gutter, p.line, shown, "")?;
        if let Some((at, label)) = &p.also {
            writeln!(f)?;
            let shown = Line {
                source: &at.source_line,
                marker: at.marker,
                length: at.length,
                cut: (at.cut_start, at.cut_end),
            };
            snippet(f, gutter, at.line, shown, label)?;
        }
        if let Some(help) = &p.help {
            write!(f, "\n{:gutter$} = help: {help}", "")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_count_lines_and_characters() {
        let text = "a = 1\nné = \"x\"\n";
        let at = Location::of(text, 12..15);
        assert_eq!((at.line, at.column, at.length), (2, 6, 3));
        assert_eq!(at.source_line, "né = \"x\"");
        // past the end and inside a character are clamped, never a panic
        assert_eq!(Location::of(text, 100..200).line, 3);
        assert_eq!(Location::of(text, 8..9).column, 2);
    }

    /// The marker line of a rendered problem and the shown line above it.
    fn shown_lines(text: &str, span: Range<usize>) -> (String, String) {
        let p = Problem::new(Location::of(text, span), "m", None);
        let shown = p.display("f").to_string();
        let lines: Vec<&str> = shown.lines().collect();
        (lines[2].to_string(), lines[3].to_string())
    }

    /// The column under which the first `^` stands, counted in terminal columns.
    fn caret_column(marker_line: &str) -> usize {
        let at = marker_line.find('^').expect("a marker");
        crate::text::width(&marker_line[..at])
    }

    #[test]
    fn a_problem_far_along_a_long_line_is_shown_in_a_window() {
        // a column past 65,535 once panicked: it was used as a format width
        let text = format!("title = \"t\"\nx = \"{}\", 1\n", "a".repeat(70_000));
        let at = text.find(", 1").unwrap();
        let loc = Location::of(&text, at..at + 1);
        assert_eq!((loc.line, loc.column), (2, 70_007));
        let (line, marker) = shown_lines(&text, at..at + 1);
        assert!(line.starts_with("2 | …"), "{line}");
        assert!(line.chars().count() < 100, "{line}");
        let caret = caret_column(&marker);
        assert_eq!(line.chars().nth(caret), Some(','), "{line}\n{marker}");
        // and at the start of a long line, the window is cut at the end only
        let (line, marker) = shown_lines(&text, 12..13);
        assert!(
            line.starts_with("2 | x = \"aaa") && line.ends_with('…'),
            "{line}"
        );
        assert_eq!(caret_column(&marker), 4);
    }

    #[test]
    fn the_marker_stands_under_the_spot_after_tabs_and_wide_characters() {
        let text = "\t\tkey\t= \"x\"\nné公 = 1\n";
        let (line, marker) = shown_lines(text, 2..5);
        assert_eq!(line, "1 |         key    = \"x\"");
        assert_eq!(marker, "  |         ^^^");
        let loc = Location::of(text, 2..5);
        assert_eq!(loc.column, 3, "columns count characters of the file");
        let at = text.rfind('=').unwrap();
        let (_, marker) = shown_lines(text, at..at + 1);
        // "  | " then "né公 ": the wide character takes two columns
        assert_eq!(caret_column(&marker), 4 + 5, "{marker}");
    }

    #[test]
    fn display_underlines_the_span_and_shows_the_other_place() {
        let text = "id = \"x\"\nid = \"x\"\n";
        let mut p = Problem::new(
            Location::of(text, 14..17),
            "duplicate id",
            Some("rename it".into()),
        );
        p.also = Some((Location::of(text, 5..8), "first used here".into()));
        let shown = p.display("f.toml").to_string();
        assert_eq!(
            shown,
            "f.toml:2:6: duplicate id\n  |\n2 | id = \"x\"\n  |      ^^^\n  |\n1 | id = \"x\"\n  |      ^^^ first used here\n  = help: rename it"
        );
    }
}
