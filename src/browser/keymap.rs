//! Terminal events to [`Action`]s, from one table of bindings read both ways.
//!
//! [`BINDINGS`] is the single source of truth: one row per key, per set of [`Mode`]s, naming one
//! action. [`map_event`] looks a key up in it; [`keys_for`] looks an action up, so the hint line,
//! the help overlay and every sentence on screen that names a key are generated from it, and
//! what the screen says a key does is what it does. Printable text always goes to the filter (as
//! in fzf and broot); commands use keys that are not text. Only key presses count: Windows also
//! reports releases, which are ignored.
//!
//! This module owns no state and draws nothing; it must not look at the app beyond [`Context`].

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::{Action, InputRequest};

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key with modifiers (Shift is ignored for non-character keys).
    Press(KeyCode, KeyModifiers),
    /// Any printable character without Ctrl or Alt.
    Text,
}

/// Where the keys go: the focused pane, or the overlay that is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The list has focus and no overlay is open.
    List,
    /// The detail has focus and no overlay is open.
    Detail,
    Help,
    Shortlist,
    Compare,
    /// The interest check is asking its statements.
    Check,
    /// The interest result is open.
    Results,
    /// Asking before quitting with a shortlist in no handout.
    Quit,
    /// Choosing the format of a handout before it is written.
    Handout,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::List,
        Mode::Detail,
        Mode::Help,
        Mode::Shortlist,
        Mode::Compare,
        Mode::Check,
        Mode::Results,
        Mode::Quit,
        Mode::Handout,
    ];
}

/// An extra condition on a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// Only while the filter is empty (so `?` and Backspace can mean something else).
    FilterEmpty,
    /// Only while the filter holds text (Esc clears it; with nothing to clear it is not offered).
    FilterTyped,
}

/// One row of the key map: one key, the modes it works in, one action.
#[derive(Debug)]
pub struct Binding {
    pub key: Key,
    pub modes: &'static [Mode],
    pub when: When,
    /// The action; for [`Key::Text`] the typed character replaces the placeholder.
    pub action: Action,
    /// What the help overlay says; rows next to each other with the same text are one entry,
    /// and an empty text leaves the row out of help.
    pub help: &'static str,
    /// The word on the key-hint line, if the row is shown there; neighbouring rows with the same
    /// word are one hint ("↑↓ move").
    pub hint: Option<&'static str>,
}

/// What the key map needs to know about the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub mode: Mode,
    pub filter_empty: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

const fn key(code: KeyCode) -> Key {
    Key::Press(code, NONE)
}

const fn ctrl(c: char) -> Key {
    Key::Press(KeyCode::Char(c), CTRL)
}

const fn alt(c: char) -> Key {
    Key::Press(KeyCode::Char(c), ALT)
}

const fn bind(
    key: Key,
    modes: &'static [Mode],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        key,
        modes,
        when: When::Always,
        action,
        help,
        hint,
    }
}

const fn bind_if_typed(
    key: Key,
    modes: &'static [Mode],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        key,
        modes,
        when: When::FilterTyped,
        action,
        help,
        hint,
    }
}

const fn bind_if_empty(
    key: Key,
    modes: &'static [Mode],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        key,
        modes,
        when: When::FilterEmpty,
        action,
        help,
        hint,
    }
}

const LIST: &[Mode] = &[Mode::List];
const DETAIL: &[Mode] = &[Mode::Detail];
const PANES: &[Mode] = &[Mode::List, Mode::Detail];
const SCROLLED: &[Mode] = &[Mode::Help, Mode::Compare];
const OVERLAYS: &[Mode] = &[
    Mode::Help,
    Mode::Shortlist,
    Mode::Compare,
    Mode::Check,
    Mode::Results,
];
const CHECK: &[Mode] = &[Mode::Check];
const RESULTS: &[Mode] = &[Mode::Results];
/// Overlays with a list or text to page through.
const SCROLLING: &[Mode] = &[Mode::Help, Mode::Shortlist, Mode::Compare, Mode::Results];
const ABOUT: &str = "about these clusters: each in a few words, and the catalog's introduction";
const INTERESTS: &str = "the interest check: what interests you? (its result, once taken)";
const SHORTLIST: &[Mode] = &[Mode::Shortlist];
/// Every mode but the question before quitting, where the quit keys mean "quit anyway".
const EVERYWHERE: &[Mode] = &[
    Mode::List,
    Mode::Detail,
    Mode::Help,
    Mode::Shortlist,
    Mode::Compare,
    Mode::Check,
    Mode::Results,
    Mode::Handout,
];
const QUITTING: &[Mode] = &[Mode::Quit];
const HANDOUT: &[Mode] = &[Mode::Handout];

const MOVE: &str = "move; scroll the detail when it has focus";
const PAGE: &str = "move a page";
const ENDS: &str = "first or last row";
const FOLD: &str = "fold or unfold (→ reads an occupation); in the detail, choose a related one";
const FOLLOW: &str = "follow related occupation 1 to 9";
const MARK: &str = "mark or unmark an occupation for the shortlist";
const HELP: &str = "this help (? while the filter is empty)";
const WORD: &str = "delete a filter word";
const QUIT: &str = "quit";
const REMOVE: &str = "remove from the shortlist";

/// Every key binding: first the panes' (in the order help lists them), then the overlays'.
pub static BINDINGS: &[Binding] = &[
    bind(
        key(KeyCode::Up),
        LIST,
        Action::SelectPrevious,
        MOVE,
        Some("move"),
    ),
    bind(
        key(KeyCode::Down),
        LIST,
        Action::SelectNext,
        MOVE,
        Some("move"),
    ),
    bind(
        key(KeyCode::Up),
        DETAIL,
        Action::SelectPrevious,
        MOVE,
        Some("scroll"),
    ),
    bind(
        key(KeyCode::Down),
        DETAIL,
        Action::SelectNext,
        MOVE,
        Some("scroll"),
    ),
    bind(
        key(KeyCode::PageUp),
        PANES,
        Action::SelectPageUp,
        PAGE,
        None,
    ),
    bind(
        key(KeyCode::PageDown),
        PANES,
        Action::SelectPageDown,
        PAGE,
        None,
    ),
    bind(key(KeyCode::Home), PANES, Action::SelectFirst, ENDS, None),
    bind(key(KeyCode::End), PANES, Action::SelectLast, ENDS, None),
    bind(
        key(KeyCode::Left),
        LIST,
        Action::FoldCluster,
        FOLD,
        Some("fold"),
    ),
    bind(
        key(KeyCode::Right),
        LIST,
        Action::UnfoldCluster,
        FOLD,
        Some("fold"),
    ),
    bind(
        key(KeyCode::Left),
        DETAIL,
        Action::PreviousRelated,
        FOLD,
        Some("choose"),
    ),
    bind(
        key(KeyCode::Right),
        DETAIL,
        Action::NextRelated,
        FOLD,
        Some("choose"),
    ),
    bind(
        key(KeyCode::Enter),
        PANES,
        Action::Activate,
        "open a cluster, read an occupation, follow the chosen related one",
        None,
    ),
    bind(alt('1'), PANES, Action::FollowRelated(1), FOLLOW, None),
    bind(alt('2'), PANES, Action::FollowRelated(2), FOLLOW, None),
    bind(alt('3'), PANES, Action::FollowRelated(3), FOLLOW, None),
    bind(alt('4'), PANES, Action::FollowRelated(4), FOLLOW, None),
    bind(alt('5'), PANES, Action::FollowRelated(5), FOLLOW, None),
    bind(alt('6'), PANES, Action::FollowRelated(6), FOLLOW, None),
    bind(alt('7'), PANES, Action::FollowRelated(7), FOLLOW, None),
    bind(alt('8'), PANES, Action::FollowRelated(8), FOLLOW, None),
    bind(alt('9'), PANES, Action::FollowRelated(9), FOLLOW, None),
    bind_if_empty(
        key(KeyCode::Backspace),
        PANES,
        Action::GoBack,
        "go back after following a related occupation (filter empty)",
        None,
    ),
    bind(
        ctrl('n'),
        PANES,
        Action::FollowChosen,
        "follow the chosen related occupation (the first until ←→ choose another)",
        None,
    ),
    bind(
        Key::Press(KeyCode::Left, ALT),
        PANES,
        Action::GoBack,
        "go back after following a related occupation",
        None,
    ),
    bind(
        ctrl('p'),
        PANES,
        Action::GoBack,
        "go back after following a related occupation",
        None,
    ),
    bind(
        Key::Text,
        PANES,
        Action::EditFilter(InputRequest::InsertChar(' ')),
        "filter by title, other names, skills, education…",
        Some("filter"),
    ),
    bind(
        key(KeyCode::Backspace),
        PANES,
        Action::EditFilter(InputRequest::DeletePrevChar),
        "delete a filter character",
        None,
    ),
    bind(
        ctrl('w'),
        PANES,
        Action::EditFilter(InputRequest::DeletePrevWord),
        WORD,
        None,
    ),
    bind(
        Key::Press(KeyCode::Backspace, ALT),
        PANES,
        Action::EditFilter(InputRequest::DeletePrevWord),
        WORD,
        None,
    ),
    bind(
        ctrl('u'),
        PANES,
        Action::EditFilter(InputRequest::DeleteLine),
        "clear the filter",
        None,
    ),
    bind_if_typed(
        key(KeyCode::Esc),
        PANES,
        Action::Cancel,
        "clear the filter, or go back to the list",
        Some("clear"),
    ),
    bind_if_empty(
        key(KeyCode::Esc),
        DETAIL,
        Action::Cancel,
        "clear the filter, or go back to the list",
        None,
    ),
    bind(
        key(KeyCode::Tab),
        LIST,
        Action::ToggleFocus,
        "switch between the list and the detail",
        Some("detail"),
    ),
    bind(
        key(KeyCode::Tab),
        DETAIL,
        Action::ToggleFocus,
        "switch between the list and the detail",
        Some("list"),
    ),
    bind(
        ctrl('s'),
        PANES,
        Action::ToggleShortlist,
        MARK,
        Some("mark"),
    ),
    bind(
        key(KeyCode::Insert),
        PANES,
        Action::ToggleShortlist,
        MARK,
        Some("mark"),
    ),
    bind(
        key(KeyCode::F(2)),
        PANES,
        Action::ToggleShortlistView,
        "show the shortlist",
        Some("shortlist"),
    ),
    bind(
        ctrl('l'),
        PANES,
        Action::ToggleShortlistView,
        "show the shortlist",
        Some("shortlist"),
    ),
    bind(
        key(KeyCode::F(3)),
        PANES,
        Action::ToggleCompare,
        "compare two or three marked occupations side by side",
        Some("compare"),
    ),
    bind(
        ctrl('r'),
        PANES,
        Action::ToggleCompare,
        "compare two or three marked occupations side by side",
        Some("compare"),
    ),
    bind(
        ctrl('e'),
        PANES,
        Action::ExportHandout,
        "write a handout of the shortlist (or the selection): Markdown or HTML",
        Some("handout"),
    ),
    bind(
        ctrl('o'),
        PANES,
        Action::OpenOfficialPage,
        "open the occupation's O*NET OnLine page in the browser",
        None,
    ),
    bind(
        key(KeyCode::F(5)),
        PANES,
        Action::TogglePresentation,
        "presentation mode for a projector, on or off",
        None,
    ),
    bind(
        ctrl('f'),
        PANES,
        Action::TogglePresentation,
        "presentation mode for a projector, on or off",
        None,
    ),
    bind(
        key(KeyCode::F(6)),
        PANES,
        Action::ToggleOverview,
        ABOUT,
        None,
    ),
    bind(ctrl('a'), PANES, Action::ToggleOverview, ABOUT, None),
    bind(
        key(KeyCode::F(4)),
        PANES,
        Action::ToggleInterests,
        INTERESTS,
        Some("interests"),
    ),
    bind(
        ctrl('t'),
        PANES,
        Action::ToggleInterests,
        INTERESTS,
        Some("interests"),
    ),
    bind(
        key(KeyCode::F(1)),
        PANES,
        Action::ToggleHelp,
        HELP,
        Some("help"),
    ),
    bind(ctrl('g'), PANES, Action::ToggleHelp, HELP, Some("help")),
    bind_if_empty(
        key(KeyCode::Char('?')),
        PANES,
        Action::ToggleHelp,
        HELP,
        Some("help"),
    ),
    // --- the overlays --------------------------------------------------------------------------
    bind(
        key(KeyCode::Char('1')),
        CHECK,
        Action::Answer(1),
        "",
        Some("answer"),
    ),
    bind(
        key(KeyCode::Char('2')),
        CHECK,
        Action::Answer(2),
        "",
        Some("answer"),
    ),
    bind(
        key(KeyCode::Char('3')),
        CHECK,
        Action::Answer(3),
        "",
        Some("answer"),
    ),
    bind(
        key(KeyCode::Char('4')),
        CHECK,
        Action::Answer(4),
        "",
        Some("answer"),
    ),
    bind(
        key(KeyCode::Char('5')),
        CHECK,
        Action::Answer(5),
        "",
        Some("answer"),
    ),
    bind(
        key(KeyCode::Left),
        CHECK,
        Action::ChoiceLeft,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::Right),
        CHECK,
        Action::ChoiceRight,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::Enter),
        CHECK,
        Action::Activate,
        "",
        Some("pick"),
    ),
    bind(
        key(KeyCode::Up),
        CHECK,
        Action::SelectPrevious,
        "",
        Some("back"),
    ),
    bind(
        key(KeyCode::Backspace),
        CHECK,
        Action::SelectPrevious,
        "",
        Some("back"),
    ),
    bind(
        key(KeyCode::Down),
        CHECK,
        Action::SelectNext,
        "",
        Some("skip"),
    ),
    bind(
        key(KeyCode::Up),
        RESULTS,
        Action::SelectPrevious,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::Down),
        RESULTS,
        Action::SelectNext,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::Left),
        RESULTS,
        Action::ChoiceLeft,
        "",
        Some("level"),
    ),
    bind(
        key(KeyCode::Right),
        RESULTS,
        Action::ChoiceRight,
        "",
        Some("level"),
    ),
    bind(
        key(KeyCode::Enter),
        RESULTS,
        Action::Activate,
        "",
        Some("open"),
    ),
    bind(
        ctrl('s'),
        RESULTS,
        Action::ToggleShortlist,
        "",
        Some("mark"),
    ),
    bind(
        key(KeyCode::Insert),
        RESULTS,
        Action::ToggleShortlist,
        "",
        Some("mark"),
    ),
    bind(
        ctrl('e'),
        RESULTS,
        Action::ExportHandout,
        "",
        Some("handout"),
    ),
    bind(
        key(KeyCode::F(4)),
        &[Mode::Check, Mode::Results],
        Action::ToggleInterests,
        "",
        None,
    ),
    bind(
        ctrl('t'),
        &[Mode::Check, Mode::Results],
        Action::ToggleInterests,
        "",
        None,
    ),
    bind(
        key(KeyCode::Up),
        SCROLLED,
        Action::SelectPrevious,
        "",
        Some("scroll"),
    ),
    bind(
        key(KeyCode::Down),
        SCROLLED,
        Action::SelectNext,
        "",
        Some("scroll"),
    ),
    bind(
        key(KeyCode::Up),
        SHORTLIST,
        Action::SelectPrevious,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::Down),
        SHORTLIST,
        Action::SelectNext,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::PageUp),
        SCROLLING,
        Action::SelectPageUp,
        "",
        None,
    ),
    bind(
        key(KeyCode::PageDown),
        SCROLLING,
        Action::SelectPageDown,
        "",
        None,
    ),
    bind(key(KeyCode::Home), SCROLLING, Action::SelectFirst, "", None),
    bind(key(KeyCode::End), SCROLLING, Action::SelectLast, "", None),
    bind(
        key(KeyCode::Enter),
        SHORTLIST,
        Action::Activate,
        "",
        Some("go to it"),
    ),
    bind(
        key(KeyCode::Delete),
        SHORTLIST,
        Action::RemoveShortlisted,
        REMOVE,
        Some("remove"),
    ),
    bind(
        key(KeyCode::Backspace),
        SHORTLIST,
        Action::RemoveShortlisted,
        REMOVE,
        Some("remove"),
    ),
    bind(
        ctrl('s'),
        SHORTLIST,
        Action::RemoveShortlisted,
        REMOVE,
        Some("remove"),
    ),
    bind(
        key(KeyCode::Insert),
        SHORTLIST,
        Action::RemoveShortlisted,
        REMOVE,
        Some("remove"),
    ),
    bind(
        key(KeyCode::F(3)),
        SHORTLIST,
        Action::ToggleCompare,
        "",
        Some("compare"),
    ),
    bind(
        ctrl('r'),
        SHORTLIST,
        Action::ToggleCompare,
        "",
        Some("compare"),
    ),
    bind(
        key(KeyCode::F(3)),
        &[Mode::Compare],
        Action::ToggleCompare,
        "",
        None,
    ),
    bind(
        key(KeyCode::F(2)),
        SHORTLIST,
        Action::ToggleShortlistView,
        "",
        None,
    ),
    bind(
        ctrl('e'),
        &[Mode::Shortlist, Mode::Compare],
        Action::ExportHandout,
        "",
        Some("handout"),
    ),
    bind(
        key(KeyCode::F(1)),
        &[Mode::Help],
        Action::ToggleHelp,
        "",
        None,
    ),
    bind(
        key(KeyCode::Char('?')),
        &[Mode::Help],
        Action::ToggleHelp,
        "",
        None,
    ),
    bind(
        key(KeyCode::Enter),
        &[Mode::Help],
        Action::ToggleHelp,
        "",
        None,
    ),
    bind(ctrl('r'), &[Mode::Compare], Action::ToggleCompare, "", None),
    bind(ctrl('l'), SHORTLIST, Action::ToggleShortlistView, "", None),
    bind(ctrl('g'), &[Mode::Help], Action::ToggleHelp, "", None),
    bind(
        key(KeyCode::Esc),
        OVERLAYS,
        Action::Cancel,
        "",
        Some("close"),
    ),
    // no hint: the message after a removal names these keys, when there is something to undo
    bind(ctrl('u'), SHORTLIST, Action::Undo, "", None),
    bind(key(KeyCode::Char('u')), SHORTLIST, Action::Undo, "", None),
    bind(
        key(KeyCode::Up),
        HANDOUT,
        Action::SelectPrevious,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::Down),
        HANDOUT,
        Action::SelectNext,
        "",
        Some("choose"),
    ),
    bind(
        key(KeyCode::Enter),
        HANDOUT,
        Action::Activate,
        "",
        Some("write"),
    ),
    // no hint: Ctrl-E twice writes the format offered first, as Enter does
    bind(ctrl('e'), HANDOUT, Action::Activate, "", None),
    bind(
        key(KeyCode::Esc),
        HANDOUT,
        Action::Cancel,
        "",
        Some("cancel"),
    ),
    bind(
        ctrl('e'),
        QUITTING,
        Action::ExportHandout,
        "",
        Some("write a handout, then quit"),
    ),
    bind(
        ctrl('q'),
        QUITTING,
        Action::QuitAnyway,
        "",
        Some("quit anyway"),
    ),
    bind(
        ctrl('c'),
        QUITTING,
        Action::QuitAnyway,
        "",
        Some("quit anyway"),
    ),
    bind(
        key(KeyCode::Esc),
        QUITTING,
        Action::Cancel,
        "",
        Some("stay"),
    ),
    bind(ctrl('c'), EVERYWHERE, Action::Quit, QUIT, Some("quit")),
    bind(ctrl('q'), EVERYWHERE, Action::Quit, QUIT, Some("quit")),
];

impl Binding {
    fn applies(&self, ctx: Context) -> bool {
        self.modes.contains(&ctx.mode)
            && match self.when {
                When::Always => true,
                When::FilterEmpty => ctx.filter_empty,
                When::FilterTyped => !ctx.filter_empty,
            }
    }

    /// The action this row gives for a key event it matched.
    fn action_for(&self, typed: Option<char>) -> Action {
        match (&self.action, self.key, typed) {
            (Action::EditFilter(InputRequest::InsertChar(_)), Key::Text, Some(c)) => {
                Action::EditFilter(InputRequest::InsertChar(c))
            }
            (action, _, _) => action.clone(),
        }
    }
}

fn key_matches(key: Key, event: &KeyEvent) -> bool {
    let mods = event.modifiers - KeyModifiers::SHIFT;
    match key {
        Key::Text => {
            matches!(event.code, KeyCode::Char(c) if !c.is_control())
                && !mods.intersects(CTRL | ALT)
        }
        Key::Press(KeyCode::Char(k), m) => match event.code {
            KeyCode::Char(c) => c.eq_ignore_ascii_case(&k) && mods == m,
            _ => false,
        },
        Key::Press(code, m) => {
            let code_matches =
                event.code == code || (code == KeyCode::Tab && event.code == KeyCode::BackTab);
            code_matches && mods == m
        }
    }
}

/// A key press as the terminal would report it (`x` for [`Key::Text`]), for tests that send
/// every key a hint advertises.
pub fn event_for(key: Key) -> Event {
    match key {
        Key::Press(code, mods) => Event::Key(KeyEvent::new(code, mods)),
        Key::Text => Event::Key(KeyEvent::new(KeyCode::Char('x'), NONE)),
    }
}

/// The action for a key press, if any.
pub fn map_key(event: &KeyEvent, ctx: Context) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let typed = match event.code {
        KeyCode::Char(c) => Some(c),
        _ => None,
    };
    // Named keys win over plain text, so `?` opens help (while the filter is empty) wherever the
    // text row sits in the table.
    let find = |want_text: bool| {
        BINDINGS
            .iter()
            .filter(|b| b.applies(ctx) && (b.key == Key::Text) == want_text)
            .find(|b| key_matches(b.key, event))
            .map(|b| b.action_for(typed))
    };
    find(false).or_else(|| find(true))
}

/// The action for any terminal event, if any.
pub fn map_event(event: &Event, ctx: Context) -> Option<Action> {
    match event {
        Event::Key(key) => map_key(key, ctx),
        Event::Paste(text) if matches!(ctx.mode, Mode::List | Mode::Detail) => {
            Some(Action::PasteFilter(text.clone()))
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: mouse.column,
                row: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// The keys that ask for `action` in `mode`, in table order, whatever the filter holds.
pub fn keys_for(action: &Action, mode: Mode) -> Vec<Key> {
    keys_where(mode, |a| a == action)
}

/// The keys of every row of `mode` whose action passes `pick`, in table order, without repeats.
pub fn keys_where(mode: Mode, pick: impl Fn(&Action) -> bool) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::new();
    for b in BINDINGS {
        if b.modes.contains(&mode) && pick(&b.action) && !keys.contains(&b.key) {
            keys.push(b.key);
        }
    }
    keys
}

/// The first key for `action` in `mode`, written as on screen ("Ctrl-S"); "?" if none, which a
/// test rules out for every sentence the screen shows.
pub fn first_key(action: &Action, mode: Mode) -> String {
    keys_for(action, mode)
        .first()
        .map_or_else(|| "?".to_string(), |k| key_name(*k))
}

/// The keys for `action` in `mode` as a phrase: "Ctrl-S or Insert", "→ or Enter".
pub fn keys_phrase(action: &Action, mode: Mode) -> String {
    or_phrase(&keys_for(action, mode))
}

/// Keys written as a phrase: "A", "A or B", "A, B or C".
pub fn or_phrase(keys: &[Key]) -> String {
    let names: Vec<String> = keys.iter().map(|k| key_name(*k)).collect();
    match names.as_slice() {
        [] => "?".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// How a key is written on screen ("↑", "Ctrl-C", "type").
pub fn key_name(key: Key) -> String {
    let (code, mods) = match key {
        Key::Text => return "type".to_string(),
        Key::Press(code, mods) => (code, mods),
    };
    let base = match code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Delete => "Del".to_string(),
        KeyCode::Insert => "Insert".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(c) if mods.is_empty() => c.to_string(),
        KeyCode::Char(c) => c.to_ascii_uppercase().to_string(),
        other => format!("{other:?}"),
    };
    let mut name = String::new();
    if mods.contains(CTRL) {
        name.push_str("Ctrl-");
    }
    if mods.contains(ALT) {
        name.push_str("Alt-");
    }
    name + &base
}

/// How a group of keys is written: arrows run together ("↑↓"), Alt-digits as a range
/// ("Alt-1…9"), others joined with " / ".
pub fn keys_label(keys: &[Key]) -> String {
    let digit = |k: &Key| matches!(k, Key::Press(KeyCode::Char(c), m) if c.is_ascii_digit() && (*m == ALT || *m == NONE));
    if keys.len() > 2 && keys.iter().all(digit) {
        let first = key_name(keys[0]);
        let last = key_name(keys[keys.len() - 1]);
        return format!("{first}…{}", last.trim_start_matches("Alt-"));
    }
    let names: Vec<String> = keys.iter().map(|k| key_name(*k)).collect();
    if names
        .iter()
        .all(|n| n.chars().count() == 1 && "↑↓←→".contains(n.as_str()))
    {
        names.concat()
    } else {
        names.join(" / ")
    }
}

/// Neighbouring rows that share a label, as (keys without repeats, label).
fn groups<'a>(
    rows: impl Iterator<Item = &'a Binding>,
    label: impl Fn(&Binding) -> Option<&'static str>,
) -> Vec<(Vec<Key>, &'static str)> {
    let mut out: Vec<(Vec<Key>, &'static str)> = Vec::new();
    for b in rows {
        let Some(text) = label(b) else { continue };
        match out.last_mut() {
            Some((keys, last)) if *last == text => {
                if !keys.contains(&b.key) {
                    keys.push(b.key);
                }
            }
            _ => out.push((vec![b.key], text)),
        }
    }
    out
}

/// The help overlay's entries for the panes, in table order: (keys, what they do).
pub fn help_entries() -> Vec<(String, &'static str)> {
    let rows = BINDINGS.iter().filter(|b| {
        b.modes
            .iter()
            .any(|m| matches!(m, Mode::List | Mode::Detail))
    });
    groups(rows, |b| (!b.help.is_empty()).then_some(b.help))
        .into_iter()
        .map(|(keys, help)| (keys_label(&keys), help))
        .collect()
}

/// The hint line's groups where `ctx` holds, in table order: (every key of the group, word).
pub fn hint_groups(ctx: Context) -> Vec<(Vec<Key>, &'static str)> {
    groups(BINDINGS.iter().filter(|b| b.applies(ctx)), |b| b.hint)
}

/// The hint line's entries where `ctx` holds, in table order: (keys, word). A group of arrows
/// shows them all ("↑↓"); an F-key with a Ctrl-letter twin both ("F1/Ctrl-G"); any other group
/// only its first key ("Ctrl-S", not "Ctrl-S / Insert").
pub fn hint_entries(ctx: Context) -> Vec<(String, &'static str)> {
    hint_groups(ctx)
        .into_iter()
        .map(|(keys, word)| {
            // an F-key with its Ctrl-letter twin shows both: F-keys are media keys on many
            // laptops, and the hint must name a key that works there
            let f = keys
                .iter()
                .find(|k| matches!(k, Key::Press(KeyCode::F(_), _)));
            let twin = keys
                .iter()
                .find(|k| matches!(k, Key::Press(KeyCode::Char(_), m) if *m == CTRL));
            if let (Some(f), Some(twin)) = (f, twin) {
                return (format!("{}/{}", key_name(*f), key_name(*twin)), word);
            }
            let label = keys_label(&keys);
            let label = match label.split_once(" / ") {
                Some((first, _)) => first.to_string(),
                None => label,
            };
            (label, word)
        })
        .collect()
}

/// The hint entries of `ctx` as one sentence for an overlay's own text, without quitting (the
/// hint line below says that): "↑↓ choose · Enter go to it · Esc close".
pub fn hint_sentence(ctx: Context) -> String {
    hint_entries(ctx)
        .iter()
        .filter(|(_, w)| *w != QUIT)
        .map(|(k, w)| format!("{k} {w}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    const BROWSING: Context = Context {
        mode: Mode::List,
        filter_empty: true,
    };
    const FILTERING: Context = Context {
        mode: Mode::List,
        filter_empty: false,
    };
    const READING: Context = Context {
        mode: Mode::Detail,
        filter_empty: true,
    };

    fn ctx(mode: Mode) -> Context {
        Context {
            mode,
            filter_empty: true,
        }
    }

    #[test]
    fn arrows_move_and_fold_in_the_list_and_choose_in_the_detail() {
        let m = |c| map_event(&press(c, NONE), BROWSING);
        assert_eq!(m(KeyCode::Up), Some(Action::SelectPrevious));
        assert_eq!(m(KeyCode::Down), Some(Action::SelectNext));
        assert_eq!(m(KeyCode::Left), Some(Action::FoldCluster));
        assert_eq!(m(KeyCode::Right), Some(Action::UnfoldCluster));
        assert_eq!(m(KeyCode::PageUp), Some(Action::SelectPageUp));
        assert_eq!(m(KeyCode::End), Some(Action::SelectLast));
        let d = |c| map_event(&press(c, NONE), READING);
        assert_eq!(d(KeyCode::Left), Some(Action::PreviousRelated));
        assert_eq!(d(KeyCode::Right), Some(Action::NextRelated));
        assert_eq!(d(KeyCode::Down), Some(Action::SelectNext));
    }

    #[test]
    fn printable_text_always_filters() {
        for c in ['q', 'j', 'k', 'Q', ' ', 'é', '漢'] {
            for context in [BROWSING, READING] {
                assert_eq!(
                    map_event(&press(KeyCode::Char(c), NONE), context),
                    Some(Action::EditFilter(InputRequest::InsertChar(c)))
                );
            }
        }
        // Shift-letters arrive with SHIFT set and are text too
        assert_eq!(
            map_event(&press(KeyCode::Char('P'), KeyModifiers::SHIFT), BROWSING),
            Some(Action::EditFilter(InputRequest::InsertChar('P')))
        );
    }

    #[test]
    fn question_mark_opens_help_only_when_the_filter_is_empty() {
        let q = press(KeyCode::Char('?'), NONE);
        assert_eq!(map_event(&q, BROWSING), Some(Action::ToggleHelp));
        assert_eq!(
            map_event(&q, FILTERING),
            Some(Action::EditFilter(InputRequest::InsertChar('?')))
        );
        assert_eq!(
            map_event(&press(KeyCode::F(1), NONE), FILTERING),
            Some(Action::ToggleHelp)
        );
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        let c = press(KeyCode::Char('c'), CTRL);
        for mode in Mode::ALL {
            // asked "Quit?", Ctrl-C again means it
            let want = if mode == Mode::Quit {
                Action::QuitAnyway
            } else {
                Action::Quit
            };
            assert_eq!(map_event(&c, ctx(mode)), Some(want), "{mode:?}");
        }
        let help = ctx(Mode::Help);
        assert_eq!(
            map_event(&press(KeyCode::Esc, NONE), help),
            Some(Action::Cancel)
        );
        assert_eq!(map_event(&press(KeyCode::Char('x'), NONE), help), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = KeyEvent::new(KeyCode::Char('a'), NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(map_event(&Event::Key(k), BROWSING), None);
    }

    fn hints(ctx: Context) -> Vec<String> {
        hint_entries(ctx)
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect()
    }

    #[test]
    fn each_mode_has_its_own_hint_line_generated_from_the_table() {
        assert_eq!(
            hints(BROWSING),
            [
                "↑↓ move",
                "←→ fold",
                "type filter",
                "Tab detail",
                "Ctrl-S mark",
                "F2/Ctrl-L shortlist",
                "F3/Ctrl-R compare",
                "Ctrl-E handout",
                "F4/Ctrl-T interests",
                "F1/Ctrl-G help",
                "Ctrl-C quit"
            ]
        );
        assert_eq!(
            hints(READING),
            [
                "↑↓ scroll",
                "←→ choose",
                "type filter",
                "Tab list",
                "Ctrl-S mark",
                "F2/Ctrl-L shortlist",
                "F3/Ctrl-R compare",
                "Ctrl-E handout",
                "F4/Ctrl-T interests",
                "F1/Ctrl-G help",
                "Ctrl-C quit"
            ]
        );
        assert!(hints(FILTERING).contains(&"Esc clear".to_string()));
        assert_eq!(
            hints(ctx(Mode::Shortlist)),
            [
                "↑↓ choose",
                "Enter go to it",
                "Del remove",
                "F3/Ctrl-R compare",
                "Ctrl-E handout",
                "Esc close",
                "Ctrl-C quit"
            ]
        );
        assert_eq!(
            hints(ctx(Mode::Compare)),
            ["↑↓ scroll", "Ctrl-E handout", "Esc close", "Ctrl-C quit"]
        );
        assert_eq!(
            hints(ctx(Mode::Help)),
            ["↑↓ scroll", "Esc close", "Ctrl-C quit"]
        );
    }

    #[test]
    fn actions_are_looked_up_both_ways() {
        for b in BINDINGS {
            for &mode in b.modes {
                assert!(
                    keys_for(&b.action, mode).contains(&b.key),
                    "{:?} in {mode:?}",
                    b.key
                );
            }
        }
        assert_eq!(
            keys_phrase(&Action::ToggleShortlist, Mode::List),
            "Ctrl-S or Insert"
        );
        assert_eq!(keys_phrase(&Action::UnfoldCluster, Mode::Detail), "?");
        assert_eq!(first_key(&Action::Activate, Mode::Detail), "Enter");
        assert_eq!(
            keys_label(&keys_where(Mode::List, |a| matches!(
                a,
                Action::FollowRelated(_)
            ))),
            "Alt-1…9"
        );
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in Mode::ALL {
            for filter_empty in [true, false] {
                let ctx = Context { mode, filter_empty };
                let rows: Vec<&Binding> = BINDINGS.iter().filter(|b| b.applies(ctx)).collect();
                for (i, a) in rows.iter().enumerate() {
                    for b in &rows[i + 1..] {
                        // a FilterEmpty row comes first and wins on purpose (Backspace)
                        let shadowed = a.when != When::Always && b.when == When::Always;
                        assert!(
                            a.key != b.key || shadowed,
                            "{:?} is bound twice in {ctx:?}",
                            a.key
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn counselling_keys_are_not_text() {
        let m = |code, mods| map_event(&press(code, mods), BROWSING);
        assert_eq!(m(KeyCode::Char('s'), CTRL), Some(Action::ToggleShortlist));
        assert_eq!(m(KeyCode::Insert, NONE), Some(Action::ToggleShortlist));
        assert_eq!(m(KeyCode::F(2), NONE), Some(Action::ToggleShortlistView));
        assert_eq!(m(KeyCode::F(3), NONE), Some(Action::ToggleCompare));
        assert_eq!(m(KeyCode::Char('e'), CTRL), Some(Action::ExportHandout));
        assert_eq!(m(KeyCode::Char('o'), CTRL), Some(Action::OpenOfficialPage));
        assert_eq!(m(KeyCode::F(5), NONE), Some(Action::TogglePresentation));
        assert_eq!(m(KeyCode::Char('3'), ALT), Some(Action::FollowRelated(3)));
        assert_eq!(m(KeyCode::Left, ALT), Some(Action::GoBack));
        // digits without Alt are text: NOC codes can be typed into the filter
        assert_eq!(
            m(KeyCode::Char('3'), NONE),
            Some(Action::EditFilter(InputRequest::InsertChar('3')))
        );
    }

    #[test]
    fn backspace_goes_back_only_when_there_is_nothing_to_delete() {
        let bs = press(KeyCode::Backspace, NONE);
        assert_eq!(map_event(&bs, BROWSING), Some(Action::GoBack));
        assert_eq!(
            map_event(&bs, FILTERING),
            Some(Action::EditFilter(InputRequest::DeletePrevChar))
        );
    }

    #[test]
    fn overlays_have_their_own_keys() {
        let shortlist = ctx(Mode::Shortlist);
        assert_eq!(
            map_event(&press(KeyCode::Delete, NONE), shortlist),
            Some(Action::RemoveShortlisted)
        );
        assert_eq!(
            map_event(&press(KeyCode::Enter, NONE), shortlist),
            Some(Action::Activate)
        );
        assert_eq!(
            map_event(&press(KeyCode::Esc, NONE), shortlist),
            Some(Action::Cancel)
        );
        assert_eq!(map_event(&press(KeyCode::Char('x'), NONE), shortlist), None);
        assert_eq!(map_event(&press(KeyCode::F(1), NONE), shortlist), None);
        let compare = Context {
            mode: Mode::Compare,
            filter_empty: false,
        };
        assert_eq!(
            map_event(&press(KeyCode::Down, NONE), compare),
            Some(Action::SelectNext)
        );
        assert_eq!(
            map_event(&press(KeyCode::Char('e'), CTRL), compare),
            Some(Action::ExportHandout)
        );
        assert_eq!(
            map_event(&press(KeyCode::Char('c'), CTRL), compare),
            Some(Action::Quit)
        );
        assert_eq!(map_event(&Event::Paste("x".into()), compare), None);
    }

    /// Every file of the browser but this one, as compiled.
    const VIEW_SOURCES: &[(&str, &str)] = &[
        ("app.rs", include_str!("app.rs")),
        ("chrome.rs", include_str!("chrome.rs")),
        ("detail.rs", include_str!("detail.rs")),
        ("filter.rs", include_str!("filter.rs")),
        ("list.rs", include_str!("list.rs")),
        ("render.rs", include_str!("render.rs")),
        ("spans.rs", include_str!("spans.rs")),
        ("status.rs", include_str!("status.rs")),
        ("overlay/compare.rs", include_str!("overlay/compare.rs")),
        ("overlay/help.rs", include_str!("overlay/help.rs")),
        ("overlay/shortlist.rs", include_str!("overlay/shortlist.rs")),
    ];

    #[test]
    fn no_key_name_is_typed_outside_the_key_map() {
        let names = [
            "Ctrl-",
            "Alt-",
            "Esc",
            "Enter",
            "Tab ",
            "Backspace",
            "PgUp",
            "PgDn",
            "Insert",
            "Del ",
            "↑",
            "↓",
            "←",
            "→",
            "F1",
            "F2",
            "F3",
            "F5",
        ];
        for (file, source) in VIEW_SOURCES {
            // the program, not its tests, and string literals, not comments
            let program = source.split("#[cfg(test)]").next().unwrap_or(source);
            for (n, line) in program.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                for literal in code.split('"').skip(1).step_by(2) {
                    for name in names {
                        assert!(
                            !literal.contains(name),
                            "{file}:{}: {literal:?} names a key; ask keymap::keys_for",
                            n + 1
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_f_key_and_alt_key_has_a_ctrl_letter_twin() {
        // F-keys are media keys on many laptops and Option is not Alt on a Mac by default
        let ctrl_letter = |k: Key| {
            matches!(k, Key::Press(KeyCode::Char(c), m)
                if m == CTRL && c.is_ascii_lowercase() && !"cz".contains(c))
        };
        for mode in Mode::ALL {
            for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
                let special = match b.key {
                    Key::Press(KeyCode::F(_), _) => true,
                    Key::Press(_, m) => m.contains(ALT),
                    Key::Text => false,
                };
                if !special {
                    continue;
                }
                let twin = |a: &Action| match &b.action {
                    // Alt-1…9's Ctrl way is Ctrl-N on the chosen related occupation
                    Action::FollowRelated(_) => *a == Action::FollowChosen,
                    other => a == other,
                };
                assert!(
                    keys_where(mode, twin).into_iter().any(ctrl_letter),
                    "{} in {mode:?} has no Ctrl-letter twin",
                    key_name(b.key)
                );
            }
        }
        // and none of the twins is a signal key
        for b in BINDINGS {
            if let Key::Press(KeyCode::Char(c), m) = b.key
                && m == CTRL
            {
                assert!(!"z\\".contains(c), "Ctrl-{c} is a signal");
            }
        }
    }
}
