//! The interest result: the six scores as bars, the person's code (ties said plainly), what each
//! of their top types means, the clusters and occupations that fit in bands with the reason in
//! words, and a preparation-level filter. Owns the chosen row and the level; it reads the answers
//! and the catalog and changes neither.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::browser::chrome;
use crate::browser::interest::Interest;
use crate::browser::keymap::{self, Context, Mode};
use crate::browser::spans::{paragraph, wrap};
use crate::browser::theme::Theme;
use crate::catalog::{Catalog, OccupationIdx, Riasec, interest_letters, interest_names};
use crate::interests::{Level, Matches, matches_any, meaning, tie_sentence};

/// The result's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultsOverlay {
    cursor: usize,
    /// 0 for all levels, else 1 + an index into `levels`.
    level: usize,
    /// The levels ←/→ step through: those of the catalog ([`Level::in_catalog`]), found once
    /// when the result opens rather than on every key and frame.
    levels: Vec<Level>,
}

impl ResultsOverlay {
    /// The result over `catalog`, at all levels, its first row chosen.
    pub fn new(catalog: &Catalog) -> ResultsOverlay {
        ResultsOverlay {
            levels: Level::in_catalog(catalog),
            ..ResultsOverlay::default()
        }
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The preparation level shown, `None` for all; ←/→ step through all, then each level of
    /// the catalog.
    pub fn level(&self) -> Option<Level> {
        self.level
            .checked_sub(1)
            .and_then(|i| self.levels.get(i))
            .copied()
    }

    pub fn move_cursor(&mut self, delta: isize, len: usize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }

    /// Steps the level filter through all and then each level; the chosen row goes back to
    /// the top.
    pub fn move_level(&mut self, delta: isize) {
        self.level = self
            .level
            .saturating_add_signed(delta)
            .min(self.levels.len());
        self.cursor = 0;
    }
}

/// The matches of the answers at a level.
pub fn matches_at(catalog: &Catalog, interest: &Interest, level: Option<Level>) -> Matches {
    let levels: Vec<Level> = level.into_iter().collect();
    matches_any(catalog, &interest.scores().codes(), &levels)
}

/// What the result shows.
pub struct ResultsView<'a> {
    pub catalog: &'a Catalog,
    pub interest: &'a Interest,
    pub state: &'a ResultsOverlay,
    pub theme: &'a Theme,
}

impl ResultsView<'_> {
    /// The occupation on the chosen row, if any.
    pub fn chosen(&self) -> Option<OccupationIdx> {
        matches_at(self.catalog, self.interest, self.state.level())
            .occupations
            .get(self.state.cursor)
            .map(|f| f.occupation)
    }

    /// The result's lines for a text width, and the line of the chosen row.
    pub fn lines(&self, width: u16) -> (Vec<Line<'static>>, usize) {
        let theme = self.theme;
        let scores = self.interest.scores();
        let mut lines = vec![Line::styled("Your interests", theme.heading)];
        let name_width = 14;
        // bars no longer than 40 cells: on a wide screen they stay readable side by side
        let bar_room = usize::from(width)
            .saturating_sub(name_width + 5)
            .clamp(5, 40);
        for t in Riasec::ALL {
            let (bar, value) = match scores.of(t) {
                // 1.0 is the floor of the scale: an empty bar
                Some(s) => {
                    let filled = ((s - 1.0) / 4.0 * bar_room as f32).round() as usize;
                    (
                        vec![
                            Span::styled(theme.glyphs.bar.repeat(filled), theme.heading),
                            Span::styled(
                                theme.glyphs.bar_empty.repeat(bar_room - filled),
                                theme.muted,
                            ),
                        ],
                        format!(" {s:.1}"),
                    )
                }
                None => (vec![Span::styled("skipped", theme.muted)], String::new()),
            };
            let mut spans = vec![Span::styled(
                format!("{:<name_width$}", t.name()),
                theme.text,
            )];
            spans.extend(bar);
            spans.push(Span::styled(value, theme.muted));
            lines.push(Line::from(spans));
        }
        lines.push(Line::default());
        let code = scores.code();
        lines.extend(paragraph(
            format!(
                "Your code: {} — {}",
                interest_letters(&code),
                interest_names(&code)
            ),
            theme.lead,
            width,
        ));
        for tie in scores.ties() {
            lines.extend(paragraph(
                format!("{}.", tie_sentence(&tie)),
                theme.text,
                width,
            ));
        }
        for t in &code {
            lines.extend(wrap(
                &[Span::styled(
                    format!("{}: {}", t.name(), meaning(*t)),
                    theme.text,
                )],
                width,
                Span::raw(" • "),
                Span::raw("   "),
            ));
        }
        let found = matches_at(self.catalog, self.interest, self.state.level());
        lines.push(Line::default());
        lines.push(Line::styled("Clusters that fit", theme.heading));
        for (i, c) in found.clusters.iter().enumerate() {
            let cluster = self.catalog.cluster(c.cluster);
            lines.extend(wrap(
                &[
                    Span::styled(cluster.name().to_string(), theme.text),
                    Span::styled(
                        format!(" · best {} · {} fit", c.best.label(), c.fitting),
                        theme.muted,
                    ),
                ],
                width,
                Span::styled(format!("{:>2}. ", i + 1), theme.key),
                Span::raw("    "),
            ));
        }
        lines.push(Line::default());
        let level = match self.state.level() {
            None => "all preparation levels".to_string(),
            Some(level) => level.label(),
        };
        lines.extend(paragraph(
            format!("Occupations that fit · {level}"),
            theme.heading,
            width,
        ));
        let mut cursor_line = lines.len();
        for (i, fit) in found.occupations.iter().enumerate() {
            let o = self.catalog.occupation(fit.occupation);
            let chosen = i == self.state.cursor;
            if chosen {
                cursor_line = lines.len();
            }
            // a long title or reason goes on under the title, never cut
            let lead = format!(
                "{}{:<11}",
                if chosen { "> " } else { "  " },
                fit.band.label()
            );
            let hang = " ".repeat(crate::text::width(&lead));
            let spans = [
                Span::styled(o.title().to_string(), theme.text),
                Span::styled(
                    format!(
                        " ({}) · {}",
                        self.catalog.cluster(o.cluster()).name(),
                        fit.reason()
                    ),
                    theme.muted,
                ),
            ];
            for mut line in wrap(
                &spans,
                width,
                Span::styled(lead, theme.key),
                Span::raw(hang),
            ) {
                if chosen {
                    line = line.patch_style(theme.selected);
                }
                lines.push(line);
            }
        }
        if found.occupations.is_empty() {
            lines.push(Line::styled("  none at this level", theme.muted));
        }
        let mut left_out = Vec::new();
        if found.without_code > 0 {
            left_out.push(format!(
                "{} occupations without a Holland code",
                found.without_code
            ));
        }
        if found.other_levels > 0 {
            left_out.push(format!("{} at other levels", found.other_levels));
        }
        if !left_out.is_empty() {
            lines.extend(paragraph(
                format!("Left out: {}.", left_out.join(", ")),
                theme.muted,
                width,
            ));
        }
        lines.push(Line::default());
        let keys = keymap::hint_sentence(Context {
            mode: Mode::Results,
            filter_empty: true,
        });
        lines.extend(paragraph(keys, theme.muted, width));
        (lines, cursor_line)
    }

    /// The number of fitting occupations at the current level.
    pub fn fitting_count(&self) -> usize {
        matches_at(self.catalog, self.interest, self.state.level())
            .occupations
            .len()
    }

    pub fn render(&self, frame: &mut Frame, area: Rect) {
        let block = chrome::overlay(self.theme, "Your interest result");
        let inner = block.inner(area);
        let (lines, cursor_line) = self.lines(inner.width);
        // keep the chosen row in view, with a line of context below it
        let visible = usize::from(inner.height);
        // the bars and the code first; once the person moves down the list, follow the row
        let scroll = if self.state.cursor == 0 {
            0
        } else {
            (cursor_line + 2).saturating_sub(visible)
        };
        chrome::scrolled_overlay(frame, self.theme, area, block, lines, scroll);
    }
}
