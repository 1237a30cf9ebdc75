//! Terminal events to [`Action`]s, from one table of bindings.
//!
//! [`BINDINGS`] is the single source of truth: [`map_event`] looks keys up in it, and the help
//! overlay and the key-hint line are generated from it, so what the screen says a key does is what
//! it does. Printable text always goes to the filter (as in fzf and broot); commands use keys that
//! are not text. Only key presses count: Windows also reports releases, which are ignored.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::action::{Action, InputRequest};

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key with modifiers (Shift is ignored for non-character keys).
    Press(KeyCode, KeyModifiers),
    /// Any printable character without Ctrl or Alt.
    Text,
}

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The browser, with no overlay open.
    Browse,
    /// The browser while the filter is empty (so `?` and Backspace can mean something else).
    BrowseFilterEmpty,
    /// The help overlay is open.
    Help,
    /// The shortlist view is open.
    Shortlist,
    /// The comparison is open.
    Compare,
}

/// Which overlay is open, for [`Context`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OverlayKind {
    #[default]
    None,
    Help,
    Shortlist,
    Compare,
}

/// One row of the key map.
#[derive(Debug)]
pub struct Binding {
    pub keys: &'static [Key],
    pub modes: &'static [Mode],
    /// The action; for [`Key::Text`] the typed character replaces the placeholder.
    pub action: Action,
    /// What the help overlay says.
    pub help: &'static str,
    /// The word on the key-hint line, if the binding is shown there.
    pub hint: Option<&'static str>,
}

/// What the key map needs to know about the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub overlay: OverlayKind,
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

const BROWSE: &[Mode] = &[Mode::Browse];
const OVERLAYS: &[Mode] = &[Mode::Help, Mode::Shortlist, Mode::Compare];
const EVERYWHERE: &[Mode] = &[Mode::Browse, Mode::Help, Mode::Shortlist, Mode::Compare];

/// Every key binding, in the order help lists them.
pub static BINDINGS: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Up), key(KeyCode::Down)],
        modes: BROWSE,
        action: Action::SelectNext,
        help: "move; scroll the detail when it has focus",
        hint: Some("move"),
    },
    Binding {
        keys: &[key(KeyCode::PageUp), key(KeyCode::PageDown)],
        modes: BROWSE,
        action: Action::SelectPageDown,
        help: "move a page",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Home), key(KeyCode::End)],
        modes: BROWSE,
        action: Action::SelectLast,
        help: "first or last row",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Left), key(KeyCode::Right)],
        modes: BROWSE,
        action: Action::UnfoldCluster,
        help: "fold or unfold; in the detail, choose a related occupation",
        hint: Some("fold"),
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        modes: BROWSE,
        action: Action::Activate,
        help: "open a cluster, read an occupation, follow the chosen related one",
        hint: None,
    },
    Binding {
        keys: &[
            alt('1'),
            alt('2'),
            alt('3'),
            alt('4'),
            alt('5'),
            alt('6'),
            alt('7'),
            alt('8'),
            alt('9'),
        ],
        modes: BROWSE,
        action: Action::FollowRelated(1),
        help: "follow related occupation 1 to 9",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Backspace)],
        modes: &[Mode::BrowseFilterEmpty],
        action: Action::GoBack,
        help: "go back after following a related occupation (filter empty)",
        hint: None,
    },
    Binding {
        keys: &[Key::Press(KeyCode::Left, ALT)],
        modes: BROWSE,
        action: Action::GoBack,
        help: "go back after following a related occupation",
        hint: None,
    },
    Binding {
        keys: &[Key::Text],
        modes: BROWSE,
        action: Action::EditFilter(InputRequest::InsertChar(' ')),
        help: "filter by title, other names, skills, education…",
        hint: Some("filter"),
    },
    Binding {
        keys: &[key(KeyCode::Backspace)],
        modes: BROWSE,
        action: Action::EditFilter(InputRequest::DeletePrevChar),
        help: "delete a filter character",
        hint: None,
    },
    Binding {
        keys: &[ctrl('w'), Key::Press(KeyCode::Backspace, ALT)],
        modes: BROWSE,
        action: Action::EditFilter(InputRequest::DeletePrevWord),
        help: "delete a filter word",
        hint: None,
    },
    Binding {
        keys: &[ctrl('u')],
        modes: BROWSE,
        action: Action::EditFilter(InputRequest::DeleteLine),
        help: "clear the filter",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        modes: BROWSE,
        action: Action::Cancel,
        help: "clear the filter, or go back to the list",
        hint: Some("clear"),
    },
    Binding {
        keys: &[key(KeyCode::Tab)],
        modes: BROWSE,
        action: Action::ToggleFocus,
        help: "switch between the list and the detail",
        hint: Some("detail"),
    },
    Binding {
        keys: &[ctrl('s'), key(KeyCode::Insert)],
        modes: BROWSE,
        action: Action::ToggleShortlist,
        help: "mark or unmark an occupation for the shortlist",
        hint: Some("mark"),
    },
    Binding {
        keys: &[key(KeyCode::F(2))],
        modes: &[Mode::Browse, Mode::Shortlist],
        action: Action::ToggleShortlistView,
        help: "show the shortlist",
        hint: Some("shortlist"),
    },
    Binding {
        keys: &[key(KeyCode::F(3))],
        modes: &[Mode::Browse, Mode::Shortlist, Mode::Compare],
        action: Action::ToggleCompare,
        help: "compare two or three marked occupations side by side",
        hint: Some("compare"),
    },
    Binding {
        keys: &[ctrl('e')],
        modes: &[Mode::Browse, Mode::Shortlist, Mode::Compare],
        action: Action::ExportHandout,
        help: "write a Markdown handout of the shortlist (or the selection)",
        hint: Some("handout"),
    },
    Binding {
        keys: &[ctrl('o')],
        modes: BROWSE,
        action: Action::OpenOfficialPage,
        help: "open the occupation's O*NET OnLine page in the browser",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::F(5))],
        modes: BROWSE,
        action: Action::TogglePresentation,
        help: "presentation mode for a projector, on or off",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::F(1)), key(KeyCode::Char('?'))],
        modes: &[Mode::BrowseFilterEmpty],
        action: Action::ToggleHelp,
        help: "this help (? while the filter is empty)",
        hint: Some("help"),
    },
    Binding {
        keys: &[key(KeyCode::F(1))],
        modes: BROWSE,
        action: Action::ToggleHelp,
        help: "",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Up), key(KeyCode::Down)],
        modes: OVERLAYS,
        action: Action::SelectNext,
        help: "",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::PageUp), key(KeyCode::PageDown)],
        modes: OVERLAYS,
        action: Action::SelectPageDown,
        help: "",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        modes: &[Mode::Shortlist],
        action: Action::Activate,
        help: "",
        hint: None,
    },
    Binding {
        keys: &[
            ctrl('s'),
            key(KeyCode::Insert),
            key(KeyCode::Delete),
            key(KeyCode::Backspace),
        ],
        modes: &[Mode::Shortlist],
        action: Action::ToggleShortlist,
        help: "",
        hint: None,
    },
    Binding {
        keys: &[
            key(KeyCode::Esc),
            key(KeyCode::F(1)),
            key(KeyCode::Char('?')),
            key(KeyCode::Enter),
        ],
        modes: &[Mode::Help],
        action: Action::ToggleHelp,
        help: "",
        hint: None,
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        modes: &[Mode::Shortlist, Mode::Compare],
        action: Action::Cancel,
        help: "",
        hint: None,
    },
    Binding {
        keys: &[ctrl('c'), ctrl('q')],
        modes: EVERYWHERE,
        action: Action::Quit,
        help: "quit",
        hint: Some("quit"),
    },
];

/// The action for each key of a binding whose keys do different things (↑ vs ↓).
fn action_for(binding: &Binding, index: usize, c: Option<char>) -> Action {
    match (&binding.action, index) {
        (Action::SelectNext, 0) => Action::SelectPrevious,
        (Action::SelectPageDown, 0) => Action::SelectPageUp,
        (Action::SelectLast, 0) => Action::SelectFirst,
        (Action::UnfoldCluster, 0) => Action::FoldCluster,
        (Action::FollowRelated(_), i) => Action::FollowRelated(i + 1),
        (Action::EditFilter(InputRequest::InsertChar(_)), _) => {
            Action::EditFilter(InputRequest::InsertChar(c.unwrap_or(' ')))
        }
        (action, _) => action.clone(),
    }
}

fn mode_applies(modes: &[Mode], ctx: Context) -> bool {
    modes.iter().any(|mode| match mode {
        Mode::Browse => ctx.overlay == OverlayKind::None,
        Mode::BrowseFilterEmpty => ctx.overlay == OverlayKind::None && ctx.filter_empty,
        Mode::Help => ctx.overlay == OverlayKind::Help,
        Mode::Shortlist => ctx.overlay == OverlayKind::Shortlist,
        Mode::Compare => ctx.overlay == OverlayKind::Compare,
    })
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
    // text binding sits in the table.
    let find = |want_text: bool| {
        BINDINGS
            .iter()
            .filter(|b| mode_applies(b.modes, ctx))
            .find_map(|b| {
                b.keys
                    .iter()
                    .position(|k| (*k == Key::Text) == want_text && key_matches(*k, event))
                    .map(|i| action_for(b, i, typed))
            })
    };
    find(false).or_else(|| find(true))
}

/// The action for any terminal event, if any.
pub fn map_event(event: &Event, ctx: Context) -> Option<Action> {
    match event {
        Event::Key(key) => map_key(key, ctx),
        Event::Paste(text) if ctx.overlay == OverlayKind::None => {
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

/// How a binding's keys are written: arrows run together ("↑↓"), others joined with " / ".
pub fn keys_label(keys: &[Key]) -> String {
    if keys.len() > 2
        && keys.iter().all(
            |k| matches!(k, Key::Press(KeyCode::Char(c), m) if c.is_ascii_digit() && *m == ALT),
        )
    {
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

/// The bindings shown in the help overlay for browsing, in table order.
pub fn help_entries() -> impl Iterator<Item = (String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| !b.help.is_empty())
        .map(|b| (keys_label(b.keys), b.help))
}

/// The entries of the key-hint line: (keys, word), in table order.
pub fn hint_entries() -> impl Iterator<Item = (String, &'static str)> {
    BINDINGS.iter().filter_map(|b| {
        let hint = b.hint?;
        // the hint line names only the first key of a pair that is not arrows (F1, not F1 / ?)
        let label = keys_label(b.keys);
        let label = match label.split_once(" / ") {
            Some((first, _)) => first.to_string(),
            None => label,
        };
        Some((label, hint))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, mods))
    }

    const BROWSING: Context = Context {
        overlay: OverlayKind::None,
        filter_empty: true,
    };
    const FILTERING: Context = Context {
        overlay: OverlayKind::None,
        filter_empty: false,
    };

    #[test]
    fn arrows_move_and_fold() {
        let m = |c| map_event(&press(c, NONE), BROWSING);
        assert_eq!(m(KeyCode::Up), Some(Action::SelectPrevious));
        assert_eq!(m(KeyCode::Down), Some(Action::SelectNext));
        assert_eq!(m(KeyCode::Left), Some(Action::FoldCluster));
        assert_eq!(m(KeyCode::Right), Some(Action::UnfoldCluster));
        assert_eq!(m(KeyCode::PageUp), Some(Action::SelectPageUp));
        assert_eq!(m(KeyCode::End), Some(Action::SelectLast));
    }

    #[test]
    fn printable_text_always_filters() {
        for c in ['q', 'j', 'k', 'Q', ' ', 'é', '漢'] {
            assert_eq!(
                map_event(&press(KeyCode::Char(c), NONE), BROWSING),
                Some(Action::EditFilter(InputRequest::InsertChar(c)))
            );
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
        assert_eq!(map_event(&c, BROWSING), Some(Action::Quit));
        let help = Context {
            overlay: OverlayKind::Help,
            filter_empty: true,
        };
        assert_eq!(map_event(&c, help), Some(Action::Quit));
        assert_eq!(
            map_event(&press(KeyCode::Esc, NONE), help),
            Some(Action::ToggleHelp)
        );
        assert_eq!(map_event(&press(KeyCode::Char('x'), NONE), help), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = KeyEvent::new(KeyCode::Char('a'), NONE);
        k.kind = KeyEventKind::Release;
        assert_eq!(map_event(&Event::Key(k), BROWSING), None);
    }

    #[test]
    fn hint_line_is_generated_from_the_table() {
        let hints: Vec<String> = hint_entries().map(|(k, w)| format!("{k} {w}")).collect();
        assert_eq!(
            hints,
            [
                "↑↓ move",
                "←→ fold",
                "type filter",
                "Esc clear",
                "Tab detail",
                "Ctrl-S mark",
                "F2 shortlist",
                "F3 compare",
                "Ctrl-E handout",
                "F1 help",
                "Ctrl-C quit"
            ]
        );
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
        let shortlist = Context {
            overlay: OverlayKind::Shortlist,
            filter_empty: true,
        };
        assert_eq!(
            map_event(&press(KeyCode::Delete, NONE), shortlist),
            Some(Action::ToggleShortlist)
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
        let compare = Context {
            overlay: OverlayKind::Compare,
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
}
