//! What the user asked for, in the program's own terms. [`super::keymap`] turns terminal events
//! into these; [`super::app::App::update`] is the only code that acts on them. No terminal types
//! appear here, so `update` can be driven by tests without a terminal.

pub use tui_input::InputRequest;

use super::message::Message;

/// One thing the user asked for. Each key binding of each mode names exactly one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Up one: the list's selection, the detail's scroll, an overlay's cursor or scroll.
    SelectPrevious,
    /// Down one: the list's selection, the detail's scroll, an overlay's cursor or scroll.
    SelectNext,
    SelectPageUp,
    SelectPageDown,
    SelectFirst,
    SelectLast,
    /// Fold the selected cluster, or move from an occupation to its cluster.
    FoldCluster,
    /// Unfold the selected cluster, or move into it when it is already open; on an occupation,
    /// read it (focus the detail).
    UnfoldCluster,
    /// In the detail: choose the previous related occupation.
    PreviousRelated,
    /// In the detail: choose the next related occupation.
    NextRelated,
    /// Toggle the selected cluster, read an occupation's detail, follow the chosen related
    /// occupation, or go to the shortlist's chosen row: what Enter means where it is pressed.
    Activate,
    /// Switch focus between the list and the detail.
    ToggleFocus,
    /// Edit the filter text.
    EditFilter(InputRequest),
    /// Insert pasted text into the filter in one step.
    PasteFilter(String),
    /// Close the overlay, else clear the filter, else return focus to the list.
    Cancel,
    ToggleHelp,
    /// Mark or unmark the selected occupation.
    ToggleShortlist,
    /// In the shortlist view: remove the chosen occupation.
    RemoveShortlisted,
    /// Open or close the shortlist view.
    ToggleShortlistView,
    /// Open or close the side-by-side comparison of two or three occupations.
    ToggleCompare,
    /// Write a handout of the shortlist (or the selected occupation or cluster).
    ExportHandout,
    /// Switch presentation mode (projector layout and colours) on or off.
    TogglePresentation,
    /// Show "About these clusters" (every cluster in a few words and the catalog's
    /// introduction) in the detail, or go back to the selection.
    ToggleOverview,
    /// Open the interest check, or its result once every statement was seen; close either.
    ToggleInterests,
    /// In the interest check: answer the statement with 1 (dislike a lot) to 5 (like a lot).
    Answer(u8),
    /// The ←/→ choice of an overlay: the highlighted answer in the check, the preparation level
    /// in the interest result.
    ChoiceLeft,
    ChoiceRight,
    /// Open the selected occupation's O*NET OnLine page in the system browser.
    OpenOfficialPage,
    /// Follow the n-th related occupation (1-based) of the selected occupation.
    FollowRelated(usize),
    /// Follow the related occupation chosen in the detail (the first until another is chosen),
    /// from either pane: the Ctrl-letter way to what Alt-number does.
    FollowChosen,
    /// Return to where the last related jump started.
    GoBack,
    /// An effect (a file written, a browser started) finished; the text says how.
    EffectDone(Message),
    /// The handout asked for last was written: its occupations are safe to quit on.
    HandoutWritten,
    /// Quit, unless shortlisted occupations are in no handout: then ask first.
    Quit,
    /// Quit even though some shortlisted occupations are in no handout.
    QuitAnyway,
    /// Put back the occupation removed from the shortlist last.
    Undo,
    /// The terminal now has this size.
    Resize {
        width: u16,
        height: u16,
    },
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// The mouse wheel turned over a screen cell.
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
}
