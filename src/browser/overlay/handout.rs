//! The choice Ctrl-E asks for before a handout is written: Markdown (opens anywhere, pastes into
//! an e-mail) or HTML (a page that prints well). Owns what the handout is about, the format
//! chosen, and where to return when it closes (the comparison it was asked from, or quitting
//! once it is written). Reads the catalog and never changes it; the writing itself is an effect.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::compare::Compare;
use crate::browser::chrome;
use crate::browser::keymap::{self, Context, Mode};
use crate::browser::spans::{paragraph, wrap};
use crate::browser::theme::Theme;
use crate::catalog::Catalog;
use crate::export::{Format, Subject};

/// The widest the popup gets.
const MAX_WIDTH: u16 = 64;

/// The formats offered, in the order shown, each with what it is good for.
pub const FORMATS: [(Format, &str); 2] = [
    (
        Format::Markdown,
        "plain text: opens in any editor, pastes into an e-mail",
    ),
    (Format::Html, "a web page: opens in a browser, prints well"),
];

/// The open choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutChoice {
    subject: Subject,
    format: Format,
    /// The comparison it was asked from, shown again when the choice closes.
    back: Option<Compare>,
    /// Asked from "Quit?": quit once the handout is written.
    then_quit: bool,
}

impl HandoutChoice {
    pub fn new(
        subject: Subject,
        format: Format,
        back: Option<Compare>,
        then_quit: bool,
    ) -> HandoutChoice {
        HandoutChoice {
            subject,
            format,
            back,
            then_quit,
        }
    }

    pub fn subject(&self) -> &Subject {
        &self.subject
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn then_quit(&self) -> bool {
        self.then_quit
    }

    /// The other format (there are two, so up and down both switch).
    pub fn switch(&mut self) {
        self.format = match self.format {
            Format::Markdown => Format::Html,
            Format::Html => Format::Markdown,
        };
    }

    /// What to show when the choice closes.
    pub fn into_parts(self) -> (Subject, Format, Option<Compare>) {
        (self.subject, self.format, self.back)
    }
}

/// What the choice shows.
pub struct HandoutView<'a> {
    pub catalog: &'a Catalog,
    pub choice: &'a HandoutChoice,
    pub theme: &'a Theme,
}

impl HandoutView<'_> {
    /// "a handout of Physiotherapist and Kinesiologist", "… comparing …", "… of the … cluster".
    fn what(&self) -> String {
        let catalog = self.catalog;
        let titles = |list: &[crate::catalog::OccupationIdx]| {
            let titles: Vec<&str> = list
                .iter()
                .map(|&o| catalog.occupation(o).title())
                .collect();
            match titles.as_slice() {
                [] => String::new(),
                [one] => one.to_string(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            }
        };
        match &self.choice.subject {
            Subject::Occupations(list) => format!("A handout of {}.", titles(list)),
            Subject::Comparison(list) => {
                format!("A handout comparing {}, side by side.", titles(list))
            }
            Subject::Cluster(c) => {
                format!("A handout of the {} cluster.", catalog.cluster(*c).name())
            }
        }
    }

    pub fn lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let mut lines = paragraph(self.what(), theme.lead, width);
        lines.push(Line::default());
        for (format, use_for) in FORMATS {
            let chosen = format == self.choice.format;
            let marker = if chosen { "> " } else { "  " };
            let name = match format {
                Format::Markdown => "Markdown (.md)",
                Format::Html => "HTML (.html)",
            };
            let style = if chosen { theme.selected } else { theme.text };
            let mut row = wrap(
                &[Span::styled(format!("{name}: {use_for}"), style)],
                width,
                Span::styled(marker, style),
                Span::styled("  ", style),
            );
            if chosen {
                for line in &mut row {
                    let pad = usize::from(width).saturating_sub(line.width());
                    line.push_span(Span::styled(" ".repeat(pad), theme.selected));
                }
            }
            lines.extend(row);
        }
        lines.push(Line::default());
        lines.extend(paragraph(
            "It goes in the folder the program was started in, never over another file.",
            theme.muted,
            width,
        ));
        lines.push(Line::default());
        let keys = keymap::hint_sentence(Context {
            mode: Mode::Handout,
            filter_empty: true,
        });
        lines.extend(paragraph(keys, theme.muted, width));
        lines
    }

    pub fn render(&self, frame: &mut Frame, screen: Rect) {
        let lines = self.lines(chrome::popup_text_width(screen, MAX_WIDTH));
        let block = chrome::overlay(self.theme, "Write a handout");
        chrome::centred_popup(frame, screen, MAX_WIDTH, block, lines, 0);
    }
}
