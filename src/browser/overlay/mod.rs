//! The views drawn over the panes, as one enum: [`help`], [`shortlist`], [`compare`], the
//! interest [`check`] and its [`results`], the [`quit`] question and the [`handout`] choice. Each file
//! holds its overlay's state, its behaviour and its drawing (a borrowed view); its keys are the
//! rows of [`super::keymap::BINDINGS`] for its [`Mode`]. Overlays never import `app`.

pub mod check;
pub mod compare;
pub mod handout;
pub mod help;
pub mod quit;
pub mod results;
pub mod shortlist;

use super::keymap::Mode;

/// The overlay that is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help(help::Help),
    Shortlist(shortlist::ShortlistOverlay),
    Compare(compare::Compare),
    /// The interest check, asking its statements.
    Check(check::CheckOverlay),
    /// The interest result: scores, code and what fits.
    Results(results::ResultsOverlay),
    /// "Quit?": shortlisted occupations are in no handout.
    Quit,
    /// Markdown or HTML? before a handout is written.
    Handout(handout::HandoutChoice),
}

impl Overlay {
    /// The key mode while this overlay is open.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help(_) => Mode::Help,
            Overlay::Shortlist(_) => Mode::Shortlist,
            Overlay::Compare(_) => Mode::Compare,
            Overlay::Check(_) => Mode::Check,
            Overlay::Results(_) => Mode::Results,
            Overlay::Quit => Mode::Quit,
            Overlay::Handout(_) => Mode::Handout,
        }
    }
}
