//! A problem found in a catalog file, with its place, and how it is shown: `file:line:column:
//! message`, the offending line with a marker under the spot, what would be right, and for
//! duplicates the other place too.

use std::fmt;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::text::sanitize;

/// A place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The line of the file, as safe text.
    pub source_line: String,
    /// How many characters of the line the marker underlines (at least one).
    pub length: usize,
}

impl Location {
    /// The location of a byte span of `text`.
    pub fn of(text: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = floor_char_boundary(text, span.end.clamp(start, line_end));
        Location {
            line: text[..start].matches('\n').count() + 1,
            column: text[line_start..start].chars().count() + 1,
            source_line: sanitize(text[line_start..line_end].trim_end_matches('\r')),
            length: text[start..end].chars().count().max(1),
        }
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

fn snippet(
    f: &mut fmt::Formatter<'_>,
    gutter: usize,
    line: usize,
    column: usize,
    source: &str,
    length: usize,
    label: &str,
) -> fmt::Result {
    let columns = |chars: &mut dyn Iterator<Item = char>| -> usize {
        chars.map(|c| c.width().unwrap_or(0)).sum()
    };
    let pad = columns(&mut source.chars().take(column.saturating_sub(1)));
    let marks = columns(&mut source.chars().skip(column.saturating_sub(1)).take(length)).max(1);
    writeln!(f, "{:gutter$} |", "")?;
    writeln!(f, "{line:>gutter$} | {source}")?;
    write!(f, "{:gutter$} | {:pad$}{}", "", "", "^".repeat(marks))?;
    if !label.is_empty() {
        write!(f, " {label}")?;
    }
    Ok(())
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.problem;
        let also_line = p.also.as_ref().map_or(0, |(at, _)| at.line);
        let gutter = p.line.max(also_line).to_string().len();
        writeln!(f, "{}:{}:{}: {}", self.origin, p.line, p.column, p.message)?;
        snippet(f, gutter, p.line, p.column, &p.source_line, p.length, "")?;
        if let Some((at, label)) = &p.also {
            writeln!(f)?;
            snippet(
                f,
                gutter,
                at.line,
                at.column,
                &at.source_line,
                at.length,
                label,
            )?;
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
