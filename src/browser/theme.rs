//! Every colour and text style of the screen, named by role. No other module names a colour.
//!
//! Nothing is told by colour alone: the selection also has a `>` marker and reverse video, matched
//! characters are also bold and underlined, and the focused pane also has a thick border. With
//! `NO_COLOR` set, [`Theme::monochrome`] keeps exactly those cues and drops every colour. The
//! themes a user can pick are [`ThemeName`]: dark (the default), light and high-contrast.
//! [`Look`] is the one value for what the screen looks like now: the two themes and whether
//! presentation mode is on.

use ratatui::style::{Color, Modifier, Style};

pub use crate::config::ThemeName;

/// Styles by role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: counts, codes, explanations.
    pub muted: Style,
    /// Section headings in the detail pane.
    pub heading: Style,
    /// The detail's first line (summary or cluster line).
    pub lead: Style,
    /// Cluster rows in the list.
    pub cluster: Style,
    /// Added on top of a row's style when it is selected.
    pub selected: Style,
    /// Added on top of text that matched the filter.
    pub matched: Style,
    pub border: Style,
    pub border_focused: Style,
    /// Pane titles.
    pub title: Style,
    /// The filter label and key names in hints and help.
    pub key: Style,
    /// Notices such as "terminal too small" or "no match".
    pub notice: Style,
    /// The marks drawn as text: Unicode, or plain ASCII for screen readers and braille.
    pub glyphs: Glyphs,
}

/// The symbols the screen draws, so a screen reader's mode can swap them all for ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// Borders, scrollbars and bars in box-drawing characters; `false` draws them in ASCII and
    /// leaves scrollbars out.
    pub boxes: bool,
    /// The mark of a shortlisted occupation.
    pub mark: &'static str,
    /// Before an open and a folded cluster.
    pub open: &'static str,
    pub folded: &'static str,
    /// The mark of an item another compared occupation shares.
    pub shared: &'static str,
    /// The filled and the empty part of a bar.
    pub bar: &'static str,
    pub bar_empty: &'static str,
}

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        boxes: true,
        mark: "✓",
        open: "▾ ",
        folded: "▸ ",
        shared: "◆",
        bar: "█",
        bar_empty: "░",
    };

    pub const ASCII: Glyphs = Glyphs {
        boxes: false,
        mark: "*",
        open: "- ",
        folded: "+ ",
        shared: "*",
        bar: "#",
        bar_empty: ".",
    };
}

impl Theme {
    /// The default theme for dark terminals.
    pub fn dark() -> Theme {
        Theme {
            text: Style::new(),
            muted: Style::new().fg(Color::Gray).add_modifier(Modifier::DIM),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            lead: Style::new().add_modifier(Modifier::BOLD),
            cluster: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            notice: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            glyphs: Glyphs::UNICODE,
        }
    }

    /// No colour at all, for `NO_COLOR`: only bold, dim, underline and reverse video.
    pub fn monochrome() -> Theme {
        Theme {
            text: Style::new(),
            muted: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD),
            lead: Style::new().add_modifier(Modifier::BOLD),
            cluster: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
            notice: Style::new().add_modifier(Modifier::BOLD),
            glyphs: Glyphs::UNICODE,
        }
    }

    /// Dark text on a light background.
    pub fn light() -> Theme {
        Theme {
            text: Style::new(),
            muted: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            lead: Style::new().add_modifier(Modifier::BOLD),
            cluster: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue),
            title: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            notice: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            glyphs: Glyphs::UNICODE,
        }
    }

    /// Maximum contrast for a projector in a bright room: black and dark blue on white, nothing
    /// dim — the light theme's presentation colours.
    pub fn high_contrast_light() -> Theme {
        let base = Style::new().fg(Color::Black).bg(Color::White);
        Theme {
            text: base,
            muted: base,
            heading: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            lead: base.add_modifier(Modifier::BOLD),
            cluster: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: base,
            border_focused: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            title: base.add_modifier(Modifier::BOLD),
            key: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            notice: base.fg(Color::Red).add_modifier(Modifier::BOLD),
            glyphs: Glyphs::UNICODE,
        }
    }

    /// The presentation colours for a chosen theme: high contrast, light on dark or dark on
    /// light as the person chose; monochrome when colour is off.
    pub fn presentation(name: ThemeName, colour: bool) -> Theme {
        match (colour, name) {
            (false, _) => Theme::monochrome(),
            (true, ThemeName::Light) => Theme::high_contrast_light(),
            (true, _) => Theme::high_contrast(),
        }
    }

    /// Maximum contrast for projectors: white and bright yellow on black, nothing dim.
    pub fn high_contrast() -> Theme {
        let base = Style::new().fg(Color::White).bg(Color::Black);
        Theme {
            text: base,
            muted: base,
            heading: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            lead: base.add_modifier(Modifier::BOLD),
            cluster: base.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: base,
            border_focused: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            title: base.add_modifier(Modifier::BOLD),
            key: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            notice: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            glyphs: Glyphs::UNICODE,
        }
    }

    /// The theme called `name`, or monochrome when colour is off (`NO_COLOR`).
    pub fn named(name: ThemeName, colour: bool) -> Theme {
        if !colour {
            return Theme::monochrome();
        }
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::HighContrast => Theme::high_contrast(),
        }
    }

    /// The same colours with ASCII borders and marks and no scrollbars: `--screen-reader`.
    pub fn for_screen_reader(self) -> Theme {
        Theme {
            glyphs: Glyphs::ASCII,
            ..self
        }
    }

    /// The default theme for this environment: monochrome when `NO_COLOR` is set.
    pub fn from_env() -> Theme {
        Theme::named(ThemeName::Dark, colour_allowed())
    }
}

/// False when `NO_COLOR` is set to anything non-empty (<https://no-color.org>).
pub fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// What the screen looks like: the normal theme, the presentation theme, and presentation mode
/// (projector layout and colours, starting on the catalog's overview). One value, so the three
/// can never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    normal: Theme,
    presentation: Theme,
    presenting: bool,
    /// True from entering presentation mode until the first move: the detail shows the overview.
    overview: bool,
}

impl Look {
    /// Normal use with `theme`, which presentation mode also uses until told otherwise.
    pub fn new(theme: Theme) -> Look {
        Look {
            normal: theme,
            presentation: theme,
            presenting: false,
            overview: false,
        }
    }

    /// The themes for normal use and for presentation mode.
    pub fn with_themes(self, normal: Theme, presentation: Theme) -> Look {
        Look {
            normal,
            presentation,
            ..self
        }
    }

    /// The styles in use now.
    pub fn theme(&self) -> &Theme {
        if self.presenting {
            &self.presentation
        } else {
            &self.normal
        }
    }

    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// Whether the detail shows the catalog's overview (presentation mode, before any move).
    pub fn overview(&self) -> bool {
        self.overview
    }

    /// Presentation mode on or off; turning it on starts on the overview.
    pub fn toggle_presentation(&mut self) {
        self.presenting = !self.presenting;
        self.overview = self.presenting;
    }

    /// The overview on or off, in either mode.
    pub fn toggle_overview(&mut self) {
        self.overview = !self.overview;
    }

    /// The user moved: the detail follows the selection from now on.
    pub fn leave_overview(&mut self) {
        self.overview = false;
    }
}
