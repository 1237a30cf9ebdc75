//! The browser's composition and the one place its state changes: [`App::update`].
//!
//! `App` holds the parts — the [`List`], the [`Detail`], the [`Filter`], the open [`Overlay`],
//! the [`Shortlist`] and [`History`] models, the [`Look`] — and routes each [`Action`] to the part
//! that owns the state it changes. The behaviour lives with the parts; what is here is the
//! routing and the few rules that span parts (a new selection resets the detail; following a
//! related occupation records where it started). The selection is kept by identity, never by a
//! bare row number, so it survives filtering.
//!
//! Typing is applied key by key but searched once per burst: the terminal loop hands every queued
//! event to [`App::queue`], which defers a filter edit's search, and calls [`App::settle`] before
//! drawing, so a burst of typed characters costs one search and one frame. Any other action
//! settles first, so it always sees the list of the text typed so far.
//!
//! The search index may still be coming from another thread when the first frame is drawn (the
//! list needs only the catalog); the first search waits for it.
//!
//! `update` does no I/O and never draws: I/O is asked for as an [`Effect`], and measuring (how
//! far a pane can scroll) goes through the same borrowed views the panes draw with. This module
//! must not draw or know about terminals.

use ratatui::layout::{Position, Rect};

use super::action::{Action, InputRequest};
use super::detail::{Detail, DetailView, Subject as DetailSubject};
use super::effects::Effect;
use super::filter::{Edit, Filter, FilterView, filter_full};
use super::history::{History, Visit};
use super::interest::Interest;
use super::keymap::{self, Context, Mode};
use super::layout::Areas;
use super::list::{List, ListView, RowPainter, Selection};
use super::message::Message;
use super::overlay::Overlay;
use super::overlay::check::{CheckOverlay, CheckView};
use super::overlay::compare::{Compare, CompareView};
use super::overlay::handout::{HandoutChoice, HandoutView};
use super::overlay::help::{Help, HelpView};
use super::overlay::results::{ResultsOverlay, ResultsView};
use super::overlay::shortlist::{ShortlistOverlay, ShortlistView};
use super::shortlist::Shortlist;
use super::status::StatusView;
use super::theme::{Look, Theme};
use crate::catalog::{Catalog, OccupationIdx};
use crate::export::{Format, Subject};
use crate::search::Searcher;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

/// The list's row painter from `App`'s fields, borrowing only those (so the list itself can be
/// changed while its rows are measured).
macro_rules! row_painter {
    ($app:expr) => {
        RowPainter {
            catalog: &$app.catalog,
            filter: &$app.filter,
            shortlist: &$app.shortlist,
            theme: $app.look.theme(),
        }
    };
}

/// How an action bears on "the last key emptied the filter".
#[derive(Clone, Copy, PartialEq, Eq)]
enum ActionKind {
    Edit,
    /// Not a key: a resize or an effect finishing leaves it as it was.
    Passive,
    Other,
}

/// The search index: ready, or being built or read on another thread (see [`App::with_index`]).
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one per browser, made once and kept in place
pub enum Index {
    Ready(Searcher),
    Coming(Coming),
}

/// A search index on its way from another thread. That thread waits for the word to start
/// ([`Coming::start`]), so that the first frame has the machine to itself: at 10,000
/// occupations, decoding the index beside it cost the frame several milliseconds on two cores.
/// The word is given after the first frame, or at once when a search needs the index.
#[derive(Debug)]
pub struct Coming {
    searcher: Receiver<Searcher>,
    /// Dropped to start the other thread (its `recv` then returns).
    start: Option<Sender<()>>,
}

impl Coming {
    /// The index that will arrive on `searcher`, from a thread that waits on the receiver of
    /// `start` before it begins. Should the sender of `searcher` go away without sending, the
    /// index is built here when needed.
    pub fn new(searcher: Receiver<Searcher>, start: Sender<()>) -> Coming {
        Coming {
            searcher,
            start: Some(start),
        }
    }

    /// Lets the other thread begin.
    pub fn start(&mut self) {
        self.start = None;
    }

    /// The index, once it is there.
    fn wait(&mut self, catalog: &Catalog) -> Searcher {
        self.start();
        self.searcher
            .recv()
            .unwrap_or_else(|_| Searcher::new(catalog))
    }
}

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// The whole browser state.
#[derive(Debug)]
pub struct App {
    catalog: Arc<Catalog>,
    searcher: Index,
    /// A filter edit applied by [`App::queue`] whose search has not run yet, with the selection
    /// from before the edit.
    stale: Option<Option<Selection>>,
    /// How many searches the filter has run (for tests of input coalescing).
    searches: u64,
    filter: Filter,
    list: List,
    detail: Detail,
    focus: Focus,
    /// The view drawn over the panes, if any.
    overlay: Option<Overlay>,
    shortlist: Shortlist,
    history: History,
    /// The interest check's answers for this run (memory only).
    interest: Interest,
    /// Occupations in a handout written this run: quitting does not lose them.
    handed_out: std::collections::HashSet<OccupationIdx>,
    /// The occupations of the handout asked for last, until it is written.
    pending_handout: Vec<OccupationIdx>,
    /// Quit once the pending handout is written ("write a handout, then quit").
    quit_after_handout: bool,
    /// The format chosen for the last handout: offered first next time.
    handout_format: Format,
    /// The last removal from the shortlist, with its place: what Undo puts back.
    removed: Option<(usize, OccupationIdx)>,
    look: Look,
    /// A one-line message for the user, until the next key.
    status: Option<Message>,
    /// The last key emptied the filter: Backspace does not go back until the next key, so
    /// deleting a filter never jumps away by surprise.
    just_emptied: bool,
    /// Work for the terminal loop to do outside `update` (I/O), drained by the loop.
    effects: Vec<Effect>,
    /// The screen regions for the last known terminal size.
    areas: Areas,
    should_quit: bool,
}

impl App {
    /// A browser over `catalog`, laid out for a terminal of `size`.
    pub fn new(catalog: Catalog, theme: Theme, size: Rect) -> App {
        let searcher = Searcher::new(&catalog);
        App::with_index(Arc::new(catalog), Index::Ready(searcher), theme, size)
    }

    /// A browser over `catalog` whose search index may still be on its way: the first frame can
    /// be drawn before it arrives.
    pub fn with_index(catalog: Arc<Catalog>, index: Index, theme: Theme, size: Rect) -> App {
        let filter = Filter::new(&catalog);
        let list = List::new(&catalog, &filter);
        App {
            searcher: index,
            stale: None,
            searches: 0,
            filter,
            list,
            detail: Detail::default(),
            focus: Focus::List,
            overlay: None,
            shortlist: Shortlist::default(),
            history: History::default(),
            interest: Interest::default(),
            handed_out: Default::default(),
            pending_handout: Vec::new(),
            quit_after_handout: false,
            handout_format: Format::Markdown,
            removed: None,
            look: Look::new(theme),
            status: None,
            just_emptied: false,
            effects: Vec::new(),
            areas: Areas::new(size, false, 1),
            should_quit: false,
            catalog,
        }
    }

    /// Sets the styles for normal use and for presentation mode.
    pub fn set_themes(&mut self, normal: Theme, presentation: Theme) {
        self.look = self.look.with_themes(normal, presentation);
    }

    // --- reading the state ---------------------------------------------------------------------

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn list(&self) -> &List {
        &self.list
    }

    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn shortlist(&self) -> &Shortlist {
        &self.shortlist
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn interest(&self) -> &Interest {
        &self.interest
    }

    pub fn look(&self) -> &Look {
        &self.look
    }

    /// The styles in use now.
    pub fn theme(&self) -> &Theme {
        self.look.theme()
    }

    /// The message answering the last key, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_ref().map(Message::text)
    }

    /// Where the panes go on `screen` now: the bottom takes two lines while the message needs
    /// them. Both `update` and the view use this, so clicks and pages match what is drawn.
    pub fn areas_for(&self, screen: Rect) -> Areas {
        let lines = self
            .status
            .as_ref()
            .map_or(1, |m| m.lines(screen.width).len());
        Areas::new(screen, self.look.presenting(), lines as u16)
    }

    pub fn areas(&self) -> &Areas {
        &self.areas
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// The I/O asked for since the last call, for the loop to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Shortlisted occupations that are in no handout written this run.
    pub fn unsaved(&self) -> Vec<OccupationIdx> {
        self.shortlist
            .items()
            .iter()
            .copied()
            .filter(|o| !self.handed_out.contains(o))
            .collect()
    }

    /// Where keys go now: the open overlay, else the focused pane.
    pub fn mode(&self) -> Mode {
        match (&self.overlay, self.focus) {
            (Some(overlay), _) => overlay.mode(),
            (None, Focus::List) => Mode::List,
            (None, Focus::Detail) => Mode::Detail,
        }
    }

    /// What the key map needs to know.
    pub fn key_context(&self) -> Context {
        Context {
            mode: self.mode(),
            filter_empty: self.filter.text().is_empty() && !self.just_emptied,
        }
    }

    /// The occupation on screen, if an occupation (not a cluster) is selected.
    pub fn selected_occupation(&self) -> Option<OccupationIdx> {
        match self.list.visible_selection() {
            Some(Selection::Occupation(o)) => Some(o),
            _ => None,
        }
    }

    /// The selection if it is on screen (none while nothing matches the filter).
    pub fn visible_selection(&self) -> Option<Selection> {
        self.list.visible_selection()
    }

    /// True while a non-blank filter is applied.
    pub fn is_filtering(&self) -> bool {
        !self.filter.is_blank()
    }

    /// The number of occupations shown by the current filter, or all of them.
    pub fn visible_occupation_count(&self) -> usize {
        if self.is_filtering() {
            self.filter.matches().len()
        } else {
            self.catalog.occupations().len()
        }
    }

    /// What Compare would show now.
    pub fn compare_set(&self) -> Vec<OccupationIdx> {
        self.shortlist.compare_set(self.selected_occupation())
    }

    // --- the views the panes and overlays draw -------------------------------------------------

    /// Shows `message` on the bottom line until the next key.
    fn say(&mut self, message: impl Into<Message>) {
        self.status = Some(message.into());
    }

    /// How list rows wrap: what drawing, scrolling and clicks measure with.
    pub fn row_painter(&self) -> RowPainter<'_> {
        row_painter!(self)
    }

    pub fn list_view(&self) -> ListView<'_> {
        ListView {
            painter: row_painter!(self),
            list: &self.list,
            focused: self.focus == Focus::List,
        }
    }

    pub fn detail_view(&self) -> DetailView<'_> {
        let subject = if self.look.overview() {
            DetailSubject::Overview
        } else {
            match self.list.visible_selection() {
                Some(Selection::Cluster(c)) => DetailSubject::Cluster(c),
                Some(Selection::Occupation(o)) => DetailSubject::Occupation(o),
                None => DetailSubject::NoMatch,
            }
        };
        DetailView {
            catalog: &self.catalog,
            subject,
            filter: &self.filter,
            shortlisted: matches!(subject, DetailSubject::Occupation(o) if self.shortlist.contains(o)),
            unfolded: matches!(subject, DetailSubject::Cluster(c) if self.list.is_open(c, false)),
            mode: match self.focus {
                Focus::List => Mode::List,
                Focus::Detail => Mode::Detail,
            },
            related_cursor: self.detail.related_cursor(),
            padding: self.areas.detail_padding(),
            theme: self.look.theme(),
        }
    }

    pub fn filter_view(&self) -> FilterView<'_> {
        FilterView {
            filter: &self.filter,
            total: self.catalog.occupations().len(),
            marked: self.shortlist.len(),
            has_cursor: self.overlay.is_none(),
            theme: self.look.theme(),
        }
    }

    pub fn status_view(&self) -> StatusView<'_> {
        StatusView {
            message: self.status.as_ref(),
            keys: self.key_context(),
            presenting: self.look.presenting(),
            theme: self.look.theme(),
        }
    }

    pub fn help_view(&self) -> HelpView<'_> {
        HelpView {
            theme: self.look.theme(),
        }
    }

    pub fn shortlist_view(&self, cursor: usize) -> ShortlistView<'_> {
        ShortlistView {
            catalog: &self.catalog,
            shortlist: &self.shortlist,
            cursor,
            theme: self.look.theme(),
        }
    }

    pub fn check_view(&self, choice: u8) -> CheckView<'_> {
        CheckView {
            interest: &self.interest,
            choice,
            theme: self.look.theme(),
        }
    }

    pub fn results_view<'a>(&'a self, state: &'a ResultsOverlay) -> ResultsView<'a> {
        ResultsView {
            catalog: &self.catalog,
            interest: &self.interest,
            state,
            theme: self.look.theme(),
        }
    }

    pub fn quit_view(&self) -> super::overlay::quit::QuitView<'_> {
        super::overlay::quit::QuitView {
            catalog: &self.catalog,
            unsaved: self.unsaved(),
            theme: self.look.theme(),
        }
    }

    pub fn handout_view<'a>(&'a self, choice: &'a HandoutChoice) -> HandoutView<'a> {
        HandoutView {
            catalog: &self.catalog,
            choice,
            theme: self.look.theme(),
        }
    }

    pub fn compare_view<'a>(&'a self, items: &'a [OccupationIdx]) -> CompareView<'a> {
        CompareView {
            catalog: &self.catalog,
            items,
            theme: self.look.theme(),
        }
    }

    // --- changing it ---------------------------------------------------------------------------

    /// Applies one action. This is the only place state changes.
    pub fn update(&mut self, action: Action) {
        self.queue(action);
        self.settle();
    }

    /// [`App::update`] for an action with more queued behind it: a filter edit changes the text
    /// now and searches at the next [`App::settle`] (or the next action that is not an edit).
    pub fn queue(&mut self, action: Action) {
        if !matches!(action, Action::EditFilter(_) | Action::PasteFilter(_)) {
            self.settle();
        }
        self.apply(action);
    }

    /// Runs the search deferred by [`App::queue`], if any: the state is then as if every action
    /// had gone through [`App::update`]. Call before drawing.
    pub fn settle(&mut self) {
        if let Some(before) = self.stale.take() {
            self.filter_changed();
            self.after(before);
        }
    }

    /// How many searches the filter has run since the browser started.
    #[doc(hidden)]
    pub fn searches_run(&self) -> u64 {
        self.searches
    }

    fn apply(&mut self, action: Action) {
        let action_kind = match &action {
            Action::EditFilter(_) | Action::PasteFilter(_) => ActionKind::Edit,
            Action::Resize { .. } | Action::EffectDone(_) | Action::HandoutWritten => {
                ActionKind::Passive
            }
            _ => ActionKind::Other,
        };
        let before = self.list.selected();
        let had_text = !self.filter.text().is_empty();
        let was_emptied = std::mem::take(&mut self.just_emptied);
        if !matches!(
            action,
            Action::Resize { .. }
                | Action::Scroll { .. }
                | Action::EffectDone(_)
                | Action::HandoutWritten
        ) {
            self.status = None;
        }
        match action {
            Action::SelectPrevious => self.move_by(-1),
            Action::SelectNext => self.move_by(1),
            Action::SelectPageUp => self.page(false),
            Action::SelectPageDown => self.page(true),
            Action::SelectFirst => self.move_by(isize::MIN),
            Action::SelectLast => self.move_by(isize::MAX),
            Action::FoldCluster => self.list.fold(&self.catalog, &self.filter),
            Action::UnfoldCluster => match self.list.visible_selection() {
                // → on an occupation reads it, as Enter does
                Some(Selection::Occupation(_)) => self.focus = Focus::Detail,
                _ => self.list.unfold(&self.catalog, &self.filter),
            },
            Action::PreviousRelated => self.move_related(-1),
            Action::NextRelated => self.move_related(1),
            Action::Activate => self.activate(),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::List => Focus::Detail,
                    Focus::Detail => Focus::List,
                }
            }
            Action::EditFilter(request) => {
                let edit = self.filter.edit(request);
                self.filter_edited(edit);
                if was_emptied
                    && request == InputRequest::DeletePrevChar
                    && let Some(visit) = self.history.last()
                {
                    // the Backspace after the one that emptied the filter: say how to go back
                    let title = match visit.selection {
                        Selection::Occupation(o) => self.catalog.occupation(o).title(),
                        Selection::Cluster(c) => self.catalog.cluster(c).name(),
                    };
                    let keys = keymap::keys_phrase(&Action::GoBack, Mode::List);
                    self.say(format!("The filter is empty; {keys} goes back to {title}"));
                }
            }
            Action::PasteFilter(text) => {
                let edit = self.filter.paste(&text);
                self.filter_edited(edit);
            }
            Action::Cancel => {
                if let Some(overlay) = self.overlay.take() {
                    // the format choice goes back to the comparison it was asked from
                    if let Overlay::Handout(choice) = overlay {
                        let (_, _, back) = choice.into_parts();
                        self.overlay = back.map(Overlay::Compare);
                    }
                } else if !self.filter.text().is_empty() {
                    self.filter.set_text(String::new());
                    self.filter_changed();
                } else {
                    self.focus = Focus::List;
                }
            }
            Action::ToggleHelp => self.toggle_overlay(Overlay::Help(Help::default())),
            Action::ToggleShortlist => match &self.overlay {
                Some(Overlay::Results(results)) => {
                    if let Some(o) = self.results_view(results).chosen() {
                        self.mark_occupation(o);
                    }
                }
                _ => self.mark(),
            },
            Action::RemoveShortlisted => self.remove_chosen(),
            Action::ToggleShortlistView => {
                self.toggle_overlay(Overlay::Shortlist(ShortlistOverlay::default()))
            }
            Action::ToggleCompare => self.toggle_compare(),
            Action::ExportHandout => self.export_handout(),
            Action::TogglePresentation => {
                self.look.toggle_presentation();
                self.areas = self.areas_for(self.areas.screen);
            }
            Action::ToggleInterests => self.toggle_interests(),
            Action::ToggleOverview => {
                self.look.toggle_overview();
                self.detail.reset();
            }
            Action::Answer(rating) => {
                if matches!(self.overlay, Some(Overlay::Check(_))) {
                    self.interest.answer(rating);
                    self.after_answer();
                }
            }
            Action::ChoiceLeft | Action::ChoiceRight => {
                let delta = if action == Action::ChoiceLeft { -1 } else { 1 };
                match &mut self.overlay {
                    Some(Overlay::Check(check)) => check.move_choice(delta as i8),
                    Some(Overlay::Results(results)) => {
                        results.move_level(delta);
                    }
                    _ => {}
                }
            }
            Action::OpenOfficialPage => self.open_official_page(),
            Action::FollowRelated(n) => self.follow_related(n.wrapping_sub(1)),
            Action::FollowChosen => self.follow_related(self.detail.related_cursor()),
            Action::GoBack => self.go_back(),
            Action::EffectDone(message) => self.say(message),
            Action::Quit => {
                if self.unsaved().is_empty() {
                    self.should_quit = true;
                } else {
                    self.overlay = Some(Overlay::Quit);
                }
            }
            Action::QuitAnyway => self.should_quit = true,
            Action::HandoutWritten => {
                self.handed_out
                    .extend(std::mem::take(&mut self.pending_handout));
                if std::mem::take(&mut self.quit_after_handout) {
                    self.should_quit = true;
                }
            }
            Action::Undo => {
                if let Some((at, o)) = self.removed.take() {
                    self.shortlist.insert_at(at, o);
                    let title = self.catalog.occupation(o).title();
                    self.say(format!("Put {title} back on the shortlist"));
                }
            }
            Action::Resize { width, height } => {
                self.areas = self.areas_for(Rect::new(0, 0, width, height));
            }
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Scroll { column, row, down } => self.wheel(Position::new(column, row), down),
        }
        if matches!(action_kind, ActionKind::Edit) {
            self.just_emptied = had_text && self.filter.text().is_empty();
        } else if matches!(action_kind, ActionKind::Passive) {
            self.just_emptied = was_emptied;
        }
        self.after(before);
    }

    /// What follows any change: a new selection resets the detail, a scrolled detail is clamped,
    /// and the selection is scrolled into view.
    fn after(&mut self, before: Option<Selection>) {
        // a message that needs two lines takes one from the panes until the next key; lay out
        // first, so the clamp below measures the detail as it will be drawn
        self.areas = self.areas_for(self.areas.screen);
        if self.list.selected() != before {
            self.detail.reset();
            self.look.leave_overview();
        } else if self.detail.scroll() > 0 {
            // a resize, a mark, a focus change or a message going can shorten the detail under
            // its scroll, or lengthen its pane; only a scrolled detail is measured, so most keys
            // build no detail lines here
            let (lines, height) = self.detail_view().extent(self.areas.detail);
            self.detail.clamp(lines, height);
        }
        let inner = self.areas.list_inner();
        let painter = row_painter!(self);
        self.list.scroll_into_view(usize::from(inner.height), &|r| {
            painter.height(r, inner.width)
        });
    }

    // --- overlays, shortlist, handouts ---------------------------------------------------------

    fn toggle_overlay(&mut self, overlay: Overlay) {
        let same = self
            .overlay
            .as_ref()
            .is_some_and(|open| std::mem::discriminant(open) == std::mem::discriminant(&overlay));
        self.overlay = if same { None } else { Some(overlay) };
    }

    fn mark(&mut self) {
        let Some(o) = self.selected_occupation() else {
            self.say("Select an occupation to put it on the shortlist");
            return;
        };
        self.mark_occupation(o);
    }

    fn mark_occupation(&mut self, o: OccupationIdx) {
        let marked = self.shortlist.toggle(o);
        let title = &self.catalog.occupation(o).title();
        let n = self.shortlist.len();
        self.say(if marked {
            format!("Marked {title} ({n} on the shortlist)")
        } else {
            format!("Unmarked {title} ({n} on the shortlist)")
        });
    }

    fn remove_chosen(&mut self) {
        let Some(Overlay::Shortlist(view)) = &mut self.overlay else {
            return;
        };
        let at = view.cursor();
        if let Some(o) = self.shortlist.remove_at(at) {
            view.move_by(0, self.shortlist.len());
            self.removed = Some((at, o));
            let title = self.catalog.occupation(o).title();
            let undo = keymap::keys_phrase(&Action::Undo, Mode::Shortlist);
            self.say(format!(
                "Removed {title} from the shortlist; {undo} puts it back"
            ));
        }
    }

    fn toggle_compare(&mut self) {
        if matches!(self.overlay, Some(Overlay::Compare(_))) {
            self.overlay = None;
            return;
        }
        let items = self.compare_set();
        if items.len() < 2 {
            let mark = keymap::first_key(&Action::ToggleShortlist, Mode::List);
            self.say(format!(
                "Compare needs two or three occupations: mark them with {mark} first"
            ));
            return;
        }
        self.overlay = Some(Overlay::Compare(Compare::new(items)));
    }

    /// Ctrl-E: asks Markdown or HTML for a handout of what is in view — the comparison, the
    /// shortlist, or the selection — or, from "Quit?", of the occupations in no handout yet.
    fn export_handout(&mut self) {
        let then_quit = matches!(self.overlay, Some(Overlay::Quit));
        let back = match &self.overlay {
            Some(Overlay::Compare(compare)) => Some(compare.clone()),
            _ => None,
        };
        let subject = if then_quit {
            Some(Subject::Occupations(self.unsaved()))
        } else if let Some(compare) = &back {
            Some(Subject::Comparison(compare.items().to_vec()))
        } else if !self.shortlist.is_empty() {
            Some(Subject::Occupations(self.shortlist.items().to_vec()))
        } else {
            match self.list.visible_selection() {
                Some(Selection::Occupation(o)) => Some(Subject::Occupations(vec![o])),
                Some(Selection::Cluster(c)) => Some(Subject::Cluster(c)),
                None => None,
            }
        };
        match subject {
            Some(subject) => {
                self.overlay = Some(Overlay::Handout(HandoutChoice::new(
                    subject,
                    self.handout_format,
                    back,
                    then_quit,
                )));
            }
            None => self.say("Nothing to write: select an occupation or cluster"),
        }
    }

    /// Enter in the format choice: the handout is written (by the loop) in the chosen format.
    fn write_handout(&mut self) {
        let Some(Overlay::Handout(choice)) = self.overlay.take() else {
            return;
        };
        let then_quit = choice.then_quit();
        let (subject, format, back) = choice.into_parts();
        self.handout_format = format;
        self.pending_handout = subject.occupations(&self.catalog);
        self.quit_after_handout = then_quit;
        self.overlay = back.map(Overlay::Compare);
        self.say("Writing the handout…");
        let summary = self.interest_summary();
        self.effects
            .push(Effect::WriteHandout(subject, summary, format));
    }

    fn open_official_page(&mut self) {
        let Some(o) = self.selected_occupation() else {
            self.say("Select an occupation to open its O*NET OnLine page");
            return;
        };
        let occupation = self.catalog.occupation(o);
        match &occupation.onet() {
            Some(code) => {
                let url = crate::catalog::onet_url(code);
                self.say(format!("Opening {url}"));
                self.effects.push(Effect::OpenUrl(url));
            }
            None => {
                self.say(format!(
                    "{} has no O*NET-SOC code in this catalog",
                    occupation.title()
                ));
            }
        }
    }

    // --- the interest check ----------------------------------------------------------------------

    /// Opens the check where it stopped, or the result once every statement was seen; closes
    /// either. Answers stay for the whole run.
    fn toggle_interests(&mut self) {
        if matches!(self.overlay, Some(Overlay::Check(_) | Overlay::Results(_))) {
            self.overlay = None;
        } else if self.interest.finished() {
            self.overlay = Some(Overlay::Results(ResultsOverlay::new(&self.catalog)));
        } else {
            self.overlay = Some(Overlay::Check(CheckOverlay::new(&self.interest)));
        }
    }

    /// The interest result for a handout, once anything was answered.
    fn interest_summary(&self) -> Option<crate::export::InterestSummary> {
        if !self.interest.started() {
            return None;
        }
        let scores = self.interest.scores();
        let code = scores.code();
        let found = crate::interests::matches_any(&self.catalog, &scores.codes(), &[]);
        Some(crate::export::InterestSummary {
            code: crate::catalog::interest_letters(&code),
            names: crate::catalog::interest_names(&code),
            ties: scores
                .ties()
                .iter()
                .map(|t| crate::interests::tie_sentence(t))
                .collect(),
            scores: crate::catalog::Riasec::ALL
                .iter()
                .map(|&t| (t.name(), scores.of(t)))
                .collect(),
            top: found
                .occupations
                .iter()
                .take(8)
                .map(|f| {
                    format!(
                        "{} — {}, {}",
                        self.catalog.occupation(f.occupation).title(),
                        f.band.label(),
                        f.reason()
                    )
                })
                .collect(),
        })
    }

    /// After an answer or a skip: the next statement, or the result at the end.
    fn after_answer(&mut self) {
        self.overlay = Some(if self.interest.finished() {
            if !self.interest.started() {
                self.say("Every statement was skipped: there is no result yet");
            }
            Overlay::Results(ResultsOverlay::new(&self.catalog))
        } else {
            Overlay::Check(CheckOverlay::new(&self.interest))
        });
    }

    // --- related jumps and history -------------------------------------------------------------

    fn move_related(&mut self, delta: isize) {
        if let Some(o) = self.selected_occupation() {
            let count = self.catalog.occupation(o).related().len();
            self.detail.move_related(delta, count);
        }
    }

    fn follow_related(&mut self, index: usize) {
        let Some(o) = self.selected_occupation() else {
            return;
        };
        let Some(&target) = self.catalog.occupation(o).related().get(index) else {
            self.say("No related occupation with that number");
            return;
        };
        self.history.push(Visit {
            selection: Selection::Occupation(o),
            filter: self.filter.text().to_string(),
        });
        self.show(Selection::Occupation(target), String::new());
        self.focus = Focus::Detail;
    }

    fn go_back(&mut self) {
        match self.history.pop() {
            Some(visit) => {
                self.show(visit.selection, visit.filter);
                self.focus = Focus::Detail;
            }
            None => self.say("Nothing to go back to"),
        }
    }

    /// Shows `selection` with the filter set to `filter`, unfolding its cluster if needed.
    fn show(&mut self, selection: Selection, filter: String) {
        self.filter.set_text(filter);
        self.list.select(selection);
        self.filter_changed();
        self.list.reveal(selection, &self.catalog, &self.filter);
    }

    // --- filtering -----------------------------------------------------------------------------

    fn filter_edited(&mut self, edit: Edit) {
        match edit {
            Edit::Changed => self.defer_search(),
            Edit::Full { changed } => {
                if changed {
                    self.defer_search();
                }
                self.say(filter_full());
            }
        }
    }

    /// A typed edit: the search runs at [`App::settle`], which `update` calls at once.
    fn defer_search(&mut self) {
        self.focus = Focus::List;
        if self.stale.is_none() {
            self.stale = Some(self.list.selected());
        }
    }

    /// Lets a search index on its way begin to arrive (see [`Coming`]); the terminal loop calls
    /// it once the first frame is drawn.
    pub fn start_index(&mut self) {
        if let Index::Coming(coming) = &mut self.searcher {
            coming.start();
        }
    }

    /// The filter's text changed: search again, and let the list follow.
    fn filter_changed(&mut self) {
        self.focus = Focus::List;
        self.searches += 1;
        // the index may still be on its way from another thread: wait for it here
        if let Index::Coming(coming) = &mut self.searcher {
            let searcher = coming.wait(&self.catalog);
            self.searcher = Index::Ready(searcher);
        }
        let Index::Ready(searcher) = &self.searcher else {
            return;
        };
        let best = self.filter.search(searcher, &self.catalog);
        self.list.filter_changed(&self.catalog, &self.filter, best);
    }

    // --- moving --------------------------------------------------------------------------------

    fn page_size(&self) -> usize {
        let height = match self.focus {
            Focus::List => self.areas.list_inner().height,
            Focus::Detail => self.areas.detail_inner().height,
        };
        usize::from(height).saturating_sub(1).max(1)
    }

    /// A page up or down. In the list a page is a screenful of lines, however many rows wrap.
    fn page(&mut self, down: bool) {
        if self.overlay.is_none() && self.focus == Focus::List {
            let inner = self.areas.list_inner();
            let painter = row_painter!(self);
            self.list.page(down, usize::from(inner.height), &|r| {
                painter.height(r, inner.width)
            });
        } else {
            let size = self.page_size() as isize;
            self.move_by(if down { size } else { -size });
        }
    }

    /// Up, down, a page or to an end: in the overlay if one is open, else in the focused pane.
    fn move_by(&mut self, delta: isize) {
        let screen = self.areas.screen;
        let compare_area = self.areas.compare();
        match &self.overlay {
            Some(Overlay::Help(_)) => {
                let (lines, height) = self.help_view().extent(screen);
                if let Some(Overlay::Help(help)) = &mut self.overlay {
                    help.scroll_by(delta, lines, height);
                }
            }
            Some(Overlay::Compare(compare)) => {
                let (lines, height) = self.compare_view(compare.items()).extent(compare_area);
                if let Some(Overlay::Compare(compare)) = &mut self.overlay {
                    compare.scroll_by(delta, lines, height);
                }
            }
            Some(Overlay::Shortlist(_)) => {
                let len = self.shortlist.len();
                if let Some(Overlay::Shortlist(view)) = &mut self.overlay {
                    view.move_by(delta, len);
                }
            }
            Some(Overlay::Check(_)) => {
                if delta < 0 {
                    self.interest.back();
                } else {
                    self.interest.skip();
                }
                self.after_answer();
            }
            Some(Overlay::Results(results)) => {
                let len = self.results_view(results).fitting_count();
                if let Some(Overlay::Results(results)) = &mut self.overlay {
                    results.move_cursor(delta, len);
                }
            }
            Some(Overlay::Quit) => {}
            Some(Overlay::Handout(_)) => {
                if let Some(Overlay::Handout(choice)) = &mut self.overlay {
                    choice.switch();
                }
            }
            None => match self.focus {
                Focus::List => self.list.move_by(delta),
                Focus::Detail => self.scroll_detail(delta),
            },
        }
    }

    fn scroll_detail(&mut self, delta: isize) {
        let (lines, height) = self.detail_view().extent(self.areas.detail);
        self.detail.scroll_by(delta, lines, height);
    }

    fn activate(&mut self) {
        if matches!(self.overlay, Some(Overlay::Handout(_))) {
            self.write_handout();
            return;
        }
        if let Some(Overlay::Check(check)) = &self.overlay {
            let rating = check.choice();
            self.interest.answer(rating);
            self.after_answer();
            return;
        }
        if let Some(Overlay::Results(results)) = &self.overlay {
            // the result stays one key away: F4 brings it back
            if let Some(o) = self.results_view(results).chosen() {
                self.overlay = None;
                let filter = self.filter.text().to_string();
                self.show(Selection::Occupation(o), filter);
                self.focus = Focus::Detail;
            }
            return;
        }
        if let Some(Overlay::Shortlist(view)) = &self.overlay {
            if let Some(&o) = self.shortlist.items().get(view.cursor()) {
                self.overlay = None;
                let filter = self.filter.text().to_string();
                self.show(Selection::Occupation(o), filter);
            }
            return;
        }
        if self.focus == Focus::Detail && self.selected_occupation().is_some() {
            self.follow_related(self.detail.related_cursor());
            return;
        }
        match self.list.visible_selection() {
            Some(Selection::Cluster(c)) => self.list.toggle_cluster(c, &self.catalog, &self.filter),
            Some(Selection::Occupation(_)) => self.focus = Focus::Detail,
            None => {}
        }
    }

    // --- the mouse -----------------------------------------------------------------------------

    fn click(&mut self, at: Position) {
        if self.overlay.is_some() || self.areas.too_small {
            return;
        }
        let inner = self.areas.list_inner();
        if inner.contains(at) {
            self.focus = Focus::List;
            let painter = row_painter!(self);
            let hit = self
                .list
                .hit(inner, at, &|r| painter.height(r, inner.width));
            if let Some(hit) = hit {
                // the columns of the shortlist mark toggle it, as Ctrl-S would
                if hit.on_mark {
                    self.list.select(hit.row);
                    self.mark();
                } else if self.list.selected() == Some(hit.row) {
                    self.activate();
                } else {
                    self.list.select(hit.row);
                }
            }
        } else if self.areas.detail.contains(at) {
            self.focus = Focus::Detail;
        }
    }

    fn wheel(&mut self, at: Position, down: bool) {
        const STEP: isize = 3;
        let delta = if down { STEP } else { -STEP };
        if self.areas.list.contains(at) {
            let inner = self.areas.list_inner();
            let painter = row_painter!(self);
            self.list.wheel(delta, usize::from(inner.height), &|r| {
                painter.height(r, inner.width)
            });
        } else if self.areas.detail.contains(at) {
            self.scroll_detail(delta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::action::InputRequest;
    use crate::browser::filter::FILTER_MAX_CHARS;
    use crate::browser::layout::Areas;
    use crate::browser::testing::unfold_all;
    use crate::browser::testing::{
        app, app_with, mark, occ, select_occupation, selected_title, typed,
    };
    use crate::catalog::ClusterIdx;

    /// An app whose index comes from a thread that, once told to start, says so on `began` and
    /// then sends the index.
    fn app_with_coming_index() -> (App, Receiver<()>, std::thread::JoinHandle<()>) {
        let catalog = Catalog::bundled().unwrap();
        let (send, receive) = std::sync::mpsc::channel();
        let (start, wait) = std::sync::mpsc::channel::<()>();
        let (began_send, began) = std::sync::mpsc::channel();
        let for_worker = catalog.clone();
        let worker = std::thread::spawn(move || {
            let _ = wait.recv();
            let _ = began_send.send(());
            let _ = send.send(Searcher::new(&for_worker));
        });
        let index = Index::Coming(Coming::new(receive, start));
        let app = App::with_index(
            Arc::new(catalog),
            index,
            Theme::dark(),
            Rect::new(0, 0, 100, 30),
        );
        (app, began, worker)
    }

    #[test]
    fn a_coming_index_starts_only_when_told() {
        let (mut app, began, worker) = app_with_coming_index();
        // nothing can start it but the word: no wait here can make this pass wrongly
        assert!(
            began
                .recv_timeout(std::time::Duration::from_millis(100))
                .is_err()
        );
        app.start_index();
        began
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the thread began once told");
        worker.join().unwrap();
        typed(&mut app, "physio");
        assert_eq!(selected_title(&app), "Physiotherapist");
    }

    #[test]
    fn the_first_search_starts_a_coming_index_that_was_not_told() {
        // no frame drawn yet (say, a search given before the terminal loop): the search must not
        // wait for ever on a thread waiting for it
        let (app, began, worker) = app_with_coming_index();
        let (done_send, done) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut app = app;
            typed(&mut app, "physio");
            let _ = done_send.send(selected_title(&app).to_string());
        });
        let title = done
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the search finished");
        assert_eq!(title, "Physiotherapist");
        assert!(began.try_recv().is_ok());
        worker.join().unwrap();
    }

    fn detail_lines(app: &App) -> usize {
        app.detail_view().extent(app.areas().detail).0
    }

    fn max_detail_scroll(app: &App) -> usize {
        let (lines, height) = app.detail_view().extent(app.areas().detail);
        lines.saturating_sub(height)
    }

    fn shortlist_cursor(app: &App) -> Option<usize> {
        match app.overlay() {
            Some(Overlay::Shortlist(view)) => Some(view.cursor()),
            _ => None,
        }
    }

    #[test]
    fn starts_with_five_folded_clusters_and_the_first_selected() {
        let app = app();
        assert_eq!(app.list().rows().len(), 5);
        assert!(
            app.list()
                .rows()
                .iter()
                .all(|r| matches!(r, Selection::Cluster(_)))
        );
        assert_eq!(
            app.list().selected(),
            Some(Selection::Cluster(ClusterIdx(0)))
        );
        assert_eq!(app.focus(), Focus::List);
    }

    #[test]
    fn typing_selects_the_best_match_and_opens_its_cluster() {
        let mut app = app();
        typed(&mut app, "physio");
        assert_eq!(selected_title(&app), "Physiotherapist");
        let rehab = app.catalog().cluster_by_id("rehabilitation").unwrap();
        assert_eq!(app.list().rows()[0], Selection::Cluster(rehab));
        assert!(app.list().selected_row().is_some());
        assert_eq!(app.list().selected_row(), Some(1), "just under its cluster");
        assert!(app.visible_occupation_count() < app.catalog().occupations().len());
    }

    #[test]
    fn typing_a_name_key_by_key_ends_on_its_best_match_unless_a_row_was_chosen() {
        // the first letter's best match goes on matching every longer prefix, but the name
        // typed in full ranks another first: the selection follows the best match
        let catalog = Catalog::from_str(
            r#"title = "t"
[[clusters]]
id = "c"
name = "C"
summary = "s"
[[clusters.occupations]]
id = "radiation-therapist"
title = "Radiation Therapist"
summary = "s"
aliases = ["Registered nurse therapist"]
[[clusters.occupations]]
id = "registered-nurse"
title = "Registered Nurse"
summary = "s"
"#,
            "t.toml",
        )
        .expect("valid");
        let mut app = super::super::testing::app_with(catalog, Theme::monochrome(), 80, 24);
        typed(&mut app, "r");
        assert_eq!(selected_title(&app), "Radiation Therapist");
        typed(&mut app, "egistered nurse");
        assert_eq!(selected_title(&app), "Registered Nurse");
        // a row chosen by hand while filtering stays while it has every word typed
        app.update(Action::SelectFirst);
        while selected_title(&app) != "Radiation Therapist" {
            app.update(Action::SelectNext);
        }
        app.update(Action::EditFilter(InputRequest::DeletePrevChar));
        assert_eq!(selected_title(&app), "Radiation Therapist");
    }

    #[test]
    fn selection_survives_filter_changes_by_identity() {
        let mut app = app();
        typed(&mut app, "nur");
        // move to some other matching occupation, then narrow/widen the filter
        let first = app.list().selected();
        app.update(Action::SelectNext);
        while !matches!(app.list().selected(), Some(Selection::Occupation(_)))
            || app.list().selected() == first
        {
            app.update(Action::SelectNext);
        }
        let chosen = app.list().selected().unwrap();
        assert!(matches!(chosen, Selection::Occupation(_)));
        app.update(Action::EditFilter(InputRequest::DeletePrevChar));
        assert_eq!(
            app.list().selected(),
            Some(chosen),
            "still matches 'nu', still selected"
        );
        app.update(Action::Cancel);
        assert!(app.filter().text().is_empty());
        assert_eq!(
            app.list().selected(),
            Some(chosen),
            "clearing the filter keeps it"
        );
        assert!(
            app.list().selected_row().is_some(),
            "and its cluster is unfolded"
        );
    }

    #[test]
    fn a_selection_that_stops_matching_falls_back_to_the_best_match() {
        let mut app = app();
        typed(&mut app, "therapist");
        app.update(Action::SelectLast);
        typed(&mut app, " occ");
        assert_eq!(selected_title(&app), "Occupational Therapist");
    }

    #[test]
    fn no_match_is_a_normal_state() {
        let mut app = app();
        typed(&mut app, "zzzzqqq");
        assert!(app.list().rows().is_empty());
        assert_eq!(app.visible_selection(), None);
        app.update(Action::SelectNext);
        app.update(Action::FoldCluster);
        app.update(Action::Activate);
        app.update(Action::Cancel);
        assert_eq!(app.list().rows().len(), 5);
        assert!(app.visible_selection().is_some());
    }

    #[test]
    fn folding_and_unfolding() {
        let mut app = app();
        app.update(Action::UnfoldCluster);
        let first_cluster = app.catalog().clusters()[0].occupations().len();
        assert_eq!(app.list().rows().len(), 5 + first_cluster);
        app.update(Action::UnfoldCluster); // already open: step inside
        assert_eq!(
            app.list().selected(),
            Some(Selection::Occupation(
                app.catalog().clusters()[0].occupations()[0]
            ))
        );
        app.update(Action::FoldCluster); // occupation: go to its cluster
        assert_eq!(
            app.list().selected(),
            Some(Selection::Cluster(ClusterIdx(0)))
        );
        app.update(Action::FoldCluster);
        assert_eq!(app.list().rows().len(), 5);
        app.update(Action::Activate);
        assert_eq!(app.list().rows().len(), 5 + first_cluster);
    }

    #[test]
    fn folding_while_filtering_is_forgotten_when_the_filter_changes() {
        let mut app = app();
        typed(&mut app, "therap");
        let rows = app.list().rows().len();
        app.update(Action::FoldCluster);
        app.update(Action::FoldCluster);
        assert!(app.list().rows().len() < rows);
        typed(&mut app, "i");
        assert!(app.list().rows().iter().all(|r| match r {
            Selection::Cluster(c) => app.list().is_open(*c, true),
            _ => true,
        }));
    }

    #[test]
    fn movement_is_clamped_and_pages_move_by_the_list_height() {
        let mut app = app();
        app.update(Action::SelectPrevious);
        assert_eq!(app.list().selected_row(), Some(0));
        app.update(Action::SelectLast);
        assert_eq!(app.list().selected_row(), Some(4));
        app.update(Action::SelectNext);
        assert_eq!(app.list().selected_row(), Some(4));
        unfold_all(&mut app);
        app.update(Action::SelectPageDown);
        // 20 visible lines, one kept for context: the rows passed fill 19 lines at most, and
        // one more row would have gone past them (some names wrap onto two lines)
        let inner = app.areas().list_inner();
        let height = |app: &App, row: usize| {
            app.row_painter()
                .height(app.list().rows()[row], inner.width)
        };
        let row = app.list().selected_row().unwrap();
        let passed: usize = (0..row).map(|r| height(&app, r)).sum();
        assert!(
            passed <= 19 && passed + height(&app, row) > 19,
            "{row} {passed}"
        );
        assert!(row < 19, "wrapped names make a page fewer rows");
        assert_eq!(app.list().offset(), 0);
        let last = app.list().rows().len() - 1;
        for _ in 0..last {
            app.update(Action::SelectPageDown);
        }
        assert_eq!(
            app.list().selected_row(),
            Some(last),
            "a page past the end stops at the end"
        );
        let offset = app.list().offset();
        let shown: usize = (offset..=last).map(|r| height(&app, r)).sum();
        assert!(
            shown <= 20 && shown + height(&app, offset - 1) > 20,
            "the selection is scrolled into view, the list filled to the bottom"
        );
        let pages = last;
        for _ in 0..pages + 2 {
            app.update(Action::SelectPageUp);
        }
        assert_eq!(app.list().selected_row(), Some(0));
        assert_eq!(app.list().offset(), 0);
    }

    #[test]
    fn focus_and_detail_scrolling() {
        let mut app = app_with(Catalog::bundled().unwrap(), Theme::monochrome(), 60, 12);
        typed(&mut app, "physio");
        app.update(Action::Activate);
        assert_eq!(app.focus(), Focus::Detail);
        assert!(
            detail_lines(&app) > 8,
            "the detail overflows a 12-row screen"
        );
        app.update(Action::SelectNext);
        app.update(Action::SelectNext);
        assert_eq!(app.detail().scroll(), 2);
        assert_eq!(
            selected_title(&app),
            "Physiotherapist",
            "arrows scroll, not move"
        );
        app.update(Action::SelectLast);
        assert_eq!(app.detail().scroll(), max_detail_scroll(&app));
        app.update(Action::SelectNext);
        assert_eq!(
            app.detail().scroll(),
            max_detail_scroll(&app),
            "no overscroll"
        );
        app.update(Action::Cancel); // clears the filter
        app.update(Action::Cancel); // back to the list
        assert_eq!(app.focus(), Focus::List);
        app.update(Action::ToggleFocus);
        assert_eq!(app.focus(), Focus::Detail);
        app.update(Action::ToggleFocus);
        assert_eq!(app.focus(), Focus::List);
    }

    #[test]
    fn a_detail_scrolled_to_its_end_stays_at_its_end_when_a_two_line_message_goes() {
        // found by the property test: the message's second line went on the next key, the detail
        // grew by a line, and the scroll was clamped against the old, shorter detail
        let mut app = app_with(Catalog::bundled().unwrap(), Theme::monochrome(), 50, 16);
        mark(&mut app, "health-information-manager");
        assert!(
            app.status()
                .is_some_and(|s| s.starts_with("Marked Health Information"))
        );
        let with_message = app.areas().detail.height;
        for _ in 0..100 {
            // the wheel scrolls without clearing the message
            app.update(Action::Scroll {
                column: app.areas().detail.x + 1,
                row: app.areas().detail.y + 1,
                down: true,
            });
        }
        assert!(app.status().is_some(), "the wheel kept the message");
        assert_eq!(app.detail().scroll(), max_detail_scroll(&app));
        app.update(Action::ToggleFocus);
        assert_eq!(app.status(), None);
        assert!(
            app.areas().detail.height > with_message,
            "the message took two lines and gave one back"
        );
        assert_eq!(
            app.detail().scroll(),
            max_detail_scroll(&app),
            "still at the end, not past it"
        );
    }

    #[test]
    fn detail_scroll_resets_when_the_selection_changes() {
        let mut app = app_with(Catalog::bundled().unwrap(), Theme::monochrome(), 60, 12);
        app.update(Action::ToggleFocus);
        app.update(Action::SelectPageDown);
        assert!(app.detail().scroll() > 0);
        app.update(Action::ToggleFocus);
        app.update(Action::SelectNext);
        assert_eq!(app.detail().scroll(), 0);
    }

    #[test]
    fn esc_closes_help_before_clearing_the_filter() {
        let mut app = app();
        typed(&mut app, "nurse");
        app.update(Action::ToggleHelp);
        app.update(Action::Cancel);
        assert_eq!(app.overlay(), None);
        assert_eq!(app.filter().text(), "nurse");
        app.update(Action::Cancel);
        assert_eq!(app.filter().text(), "");
    }

    #[test]
    fn paste_lands_in_the_filter_at_once() {
        let mut app = app();
        app.update(Action::PasteFilter("physical\ntherapist\u{1b}".into()));
        assert_eq!(app.filter().text(), "physical therapist");
        assert_eq!(selected_title(&app), "Physiotherapist");
    }

    #[test]
    fn a_paste_goes_in_at_the_cursor_and_stops_at_the_cap() {
        let mut app = app();
        typed(&mut app, "ptherapist");
        app.update(Action::EditFilter(InputRequest::GoToStart));
        app.update(Action::EditFilter(InputRequest::GoToNextChar));
        app.update(Action::PasteFilter("hysical\u{2028}\u{202e}".into()));
        assert_eq!(app.filter().text(), "physical therapist");
        assert_eq!(app.filter().input().cursor(), "physical ".len());
        assert_eq!(app.status(), None);

        // a megabyte paste keeps the first characters that fit, in one step, and says so
        let mut app = self::app();
        typed(&mut app, "ab");
        app.update(Action::PasteFilter("x".repeat(1 << 20)));
        assert_eq!(app.filter().text().chars().count(), FILTER_MAX_CHARS);
        assert!(app.filter().text().starts_with("abxxx"));
        let notice = app.status().expect("a notice");
        assert!(notice.contains("200 characters at most"), "{notice}");
        // typing past the cap changes nothing and says so; editing still works
        app.update(Action::EditFilter(InputRequest::InsertChar('y')));
        assert_eq!(app.filter().text().chars().count(), FILTER_MAX_CHARS);
        assert!(!app.filter().text().contains('y'));
        assert!(app.status().is_some());
        app.update(Action::EditFilter(InputRequest::DeletePrevChar));
        assert_eq!(app.filter().text().chars().count(), FILTER_MAX_CHARS - 1);
        app.update(Action::EditFilter(InputRequest::InsertChar('y')));
        assert!(app.filter().text().ends_with('y'));
    }

    #[test]
    fn clicks_select_rows_and_wheel_scrolls() {
        let mut app = app();
        // row 1 of the list is the second cluster (the border is row 0)
        app.update(Action::Click { column: 3, row: 2 });
        assert_eq!(
            app.list().selected(),
            Some(Selection::Cluster(ClusterIdx(1)))
        );
        app.update(Action::Click { column: 3, row: 2 }); // again: toggles it open
        assert!(app.list().rows().len() > 5);
        app.update(Action::Click { column: 50, row: 5 });
        assert_eq!(app.focus(), Focus::Detail);
        app.update(Action::Click { column: 3, row: 23 }); // the hint line: nothing
        assert_eq!(app.focus(), Focus::Detail);
        // a wrapped name is one row on two lines: a click on either line selects it, and the
        // lines below belong to the rows below
        for (line, cluster) in [(2, 1), (3, 1), (4, 2), (5, 2), (6, 3)] {
            let mut app = super::super::testing::app();
            app.update(Action::Click {
                column: 10,
                row: line,
            });
            assert_eq!(
                app.list().selected(),
                Some(Selection::Cluster(ClusterIdx(cluster))),
                "line {line}"
            );
        }
        unfold_all(&mut app);
        app.update(Action::Scroll {
            column: 3,
            row: 5,
            down: true,
        });
        assert_eq!(app.list().offset(), 3);
        let row = app.list().selected_row().unwrap();
        assert!((3..23).contains(&row), "selection kept on screen");
    }

    #[test]
    fn resizing_keeps_the_selection_visible() {
        let mut app = app();
        unfold_all(&mut app);
        app.update(Action::SelectLast);
        app.update(Action::Resize {
            width: 60,
            height: 12,
        });
        let row = app.list().selected_row().unwrap();
        let h = usize::from(app.areas().list_inner().height);
        assert!(row >= app.list().offset() && row < app.list().offset() + h);
        app.update(Action::Resize {
            width: 1,
            height: 1,
        });
        app.update(Action::Resize {
            width: 0,
            height: 0,
        });
        app.update(Action::SelectPrevious);
        app.update(Action::Resize {
            width: 200,
            height: 80,
        });
        assert!(app.list().rows().len() < 78);
        assert_eq!(app.list().offset(), 0, "everything fits again");
    }

    #[test]
    fn selected_ids_are_real_occupations() {
        let mut app = app();
        typed(&mut app, "psych");
        assert!(
            [occ(&app, "psychologist"), occ(&app, "psychiatrist")]
                .contains(&app.list().selected().unwrap())
        );
    }

    #[test]
    fn marking_builds_a_shortlist_in_order_and_unmarking_removes() {
        let mut app = app();
        app.update(Action::ToggleShortlist);
        assert!(
            app.shortlist().items().is_empty(),
            "a cluster cannot be marked"
        );
        assert!(app.status().unwrap_or("").contains("Select an occupation"));
        for id in ["physiotherapist", "kinesiologist", "dietitian"] {
            select_occupation(&mut app, id);
            app.update(Action::ToggleShortlist);
        }
        let ids: Vec<&str> = app
            .shortlist()
            .items()
            .iter()
            .map(|&o| app.catalog().occupation(o).id())
            .collect();
        assert_eq!(ids, ["physiotherapist", "kinesiologist", "dietitian"]);
        assert_eq!(app.status(), Some("Marked Dietitian (3 on the shortlist)"));
        select_occupation(&mut app, "kinesiologist");
        app.update(Action::ToggleShortlist);
        assert_eq!(app.shortlist().items().len(), 2);
        assert!(
            !app.shortlist()
                .contains(app.catalog().occupation_by_id("kinesiologist").unwrap())
        );
    }

    #[test]
    fn typing_never_marks_and_marking_never_types() {
        let mut app = app();
        typed(&mut app, "physio");
        app.update(Action::ToggleShortlist);
        assert_eq!(app.filter().text(), "physio");
        assert_eq!(app.shortlist().items().len(), 1);
    }

    #[test]
    fn the_shortlist_view_goes_to_and_removes_items() {
        let mut app = app();
        for id in ["physiotherapist", "pharmacist"] {
            select_occupation(&mut app, id);
            app.update(Action::ToggleShortlist);
        }
        select_occupation(&mut app, "psychologist");
        app.update(Action::ToggleShortlistView);
        assert_eq!(shortlist_cursor(&app), Some(0));
        app.update(Action::SelectNext);
        assert_eq!(shortlist_cursor(&app), Some(1));
        app.update(Action::SelectNext);
        assert_eq!(shortlist_cursor(&app), Some(1), "clamped to the last item");
        app.update(Action::Activate);
        assert_eq!(app.overlay(), None);
        assert_eq!(selected_title(&app), "Pharmacist");
        app.update(Action::ToggleShortlistView);
        app.update(Action::RemoveShortlisted); // removes the chosen (first) item
        assert_eq!(
            app.shortlist().items(),
            vec![app.catalog().occupation_by_id("pharmacist").unwrap()]
        );
        app.update(Action::Cancel);
        assert_eq!(app.overlay(), None);
    }

    #[test]
    fn compare_takes_the_shortlist_or_one_mark_and_the_selection() {
        let mut app = app();
        app.update(Action::ToggleCompare);
        assert_eq!(app.overlay(), None, "nothing to compare");
        assert!(app.status().unwrap_or("").contains("two or three"));
        select_occupation(&mut app, "physiotherapist");
        app.update(Action::ToggleShortlist);
        select_occupation(&mut app, "kinesiologist");
        app.update(Action::ToggleCompare);
        let physio = app.catalog().occupation_by_id("physiotherapist").unwrap();
        let kin = app.catalog().occupation_by_id("kinesiologist").unwrap();
        let Some(Overlay::Compare(compare)) = app.overlay() else {
            panic!("{:?}", app.overlay());
        };
        assert_eq!(compare.items(), [physio, kin]);
        app.update(Action::SelectPageDown);
        let Some(Overlay::Compare(compare)) = app.overlay() else {
            panic!("{:?}", app.overlay());
        };
        assert!(compare.scroll() > 0, "the comparison scrolls");
        app.update(Action::ToggleCompare);
        assert_eq!(app.overlay(), None);
        // four marked: the first three are compared
        for id in ["kinesiologist", "athletic-therapist", "chiropractor"] {
            select_occupation(&mut app, id);
            app.update(Action::ToggleShortlist);
        }
        app.update(Action::ToggleCompare);
        match app.overlay() {
            Some(Overlay::Compare(compare)) => assert_eq!(compare.items().len(), 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn related_jumps_walk_forward_and_back() {
        let mut app = app();
        typed(&mut app, "physiotherapist");
        let physio = occ(&app, "physiotherapist");
        let related = app
            .catalog()
            .occupation(app.catalog().occupation_by_id("physiotherapist").unwrap())
            .related()
            .to_vec();
        let kin = app.catalog().occupation_by_id("kinesiologist").unwrap();
        let n = related
            .iter()
            .position(|&r| r == kin)
            .expect("physio relates to kinesiologist")
            + 1;
        app.update(Action::FollowRelated(n));
        assert_eq!(app.visible_selection(), Some(Selection::Occupation(kin)));
        assert_eq!(
            app.filter().text(),
            "",
            "the filter is cleared so the target is visible"
        );
        assert_eq!(app.focus(), Focus::Detail);
        // in the detail, → chooses the next link and Enter follows it
        let kin_related = app.catalog().occupation(kin).related().to_vec();
        assert!(kin_related.len() >= 2);
        app.update(Action::NextRelated);
        assert_eq!(app.detail().related_cursor(), 1);
        app.update(Action::Activate);
        assert_eq!(
            app.visible_selection(),
            Some(Selection::Occupation(kin_related[1]))
        );
        app.update(Action::GoBack);
        assert_eq!(app.visible_selection(), Some(Selection::Occupation(kin)));
        app.update(Action::GoBack);
        assert_eq!(app.visible_selection(), Some(physio), "back at the start");
        assert_eq!(
            app.filter().text(),
            "physiotherapist",
            "with the filter as it was"
        );
        app.update(Action::GoBack);
        assert_eq!(app.status(), Some("Nothing to go back to"));
        app.update(Action::FollowRelated(99));
        assert_eq!(app.visible_selection(), Some(physio));
    }

    #[test]
    fn handouts_and_pages_are_effects_not_io() {
        let mut app = app();
        // Ctrl-E asks the format first; Esc writes nothing
        app.update(Action::ExportHandout);
        assert_eq!(app.mode(), Mode::Handout);
        app.update(Action::Cancel);
        assert_eq!(app.overlay(), None);
        assert!(app.take_effects().is_empty());
        app.update(Action::ExportHandout);
        app.update(Action::Activate);
        assert_eq!(
            app.take_effects(),
            vec![Effect::WriteHandout(
                Subject::Cluster(ClusterIdx(0)),
                None,
                Format::Markdown
            )]
        );
        assert_eq!(app.overlay(), None);
        // HTML is one key away, and offered first the next time
        app.update(Action::ExportHandout);
        app.update(Action::SelectNext);
        app.update(Action::Activate);
        assert!(matches!(
            app.take_effects().as_slice(),
            [Effect::WriteHandout(_, None, Format::Html)]
        ));
        app.update(Action::ExportHandout);
        app.update(Action::Activate);
        assert!(matches!(
            app.take_effects().as_slice(),
            [Effect::WriteHandout(_, None, Format::Html)]
        ));
        select_occupation(&mut app, "physiotherapist");
        app.update(Action::OpenOfficialPage);
        assert_eq!(
            app.take_effects(),
            vec![Effect::OpenUrl(
                "https://www.onetonline.org/link/summary/29-1123.00".into()
            )]
        );
        app.update(Action::ToggleShortlist);
        select_occupation(&mut app, "dietitian");
        app.update(Action::ToggleShortlist);
        app.update(Action::ExportHandout);
        app.update(Action::SelectPrevious);
        app.update(Action::Activate);
        let physio = app.catalog().occupation_by_id("physiotherapist").unwrap();
        let diet = app.catalog().occupation_by_id("dietitian").unwrap();
        assert_eq!(
            app.take_effects(),
            vec![Effect::WriteHandout(
                Subject::Occupations(vec![physio, diet]),
                None,
                Format::Markdown
            )]
        );
        // from the comparison: the side-by-side handout, and back to the comparison after
        app.update(Action::ToggleCompare);
        assert_eq!(app.mode(), Mode::Compare);
        app.update(Action::ExportHandout);
        assert_eq!(app.mode(), Mode::Handout);
        app.update(Action::Cancel);
        assert_eq!(app.mode(), Mode::Compare, "Esc goes back to the comparison");
        app.update(Action::ExportHandout);
        app.update(Action::Activate);
        assert_eq!(
            app.take_effects(),
            vec![Effect::WriteHandout(
                Subject::Comparison(vec![physio, diet]),
                None,
                Format::Markdown
            )]
        );
        assert_eq!(app.mode(), Mode::Compare);
        app.update(Action::Cancel);
        app.update(Action::EffectDone("Wrote the handout to /tmp/x.md".into()));
        assert_eq!(app.status(), Some("Wrote the handout to /tmp/x.md"));
        app.update(Action::SelectNext);
        assert_eq!(app.status(), None, "a message lasts until the next key");
        // an occupation without an O*NET code says so instead of opening anything
        select_occupation(&mut app, "health-informatics-specialist");
        app.update(Action::OpenOfficialPage);
        let policy = app
            .catalog()
            .occupation_by_id("health-policy-analyst")
            .unwrap();
        select_occupation(&mut app, "health-policy-analyst");
        assert!(app.catalog().occupation(policy).onet().is_none());
        app.update(Action::OpenOfficialPage);
        assert!(
            app.take_effects()
                .iter()
                .all(|e| !matches!(e, Effect::OpenUrl(u) if u.contains("None")))
        );
        assert!(app.status().unwrap_or("").contains("has no O*NET-SOC code"));
    }

    #[test]
    fn presentation_mode_switches_layout_colours_and_start_view() {
        let mut app = app();
        app.set_themes(Theme::dark(), Theme::high_contrast());
        app.update(Action::TogglePresentation);
        assert!(app.look().presenting() && app.look().overview());
        assert_eq!(*app.theme(), Theme::high_contrast());
        assert!(app.areas().list.width < Areas::new(app.areas().screen, false, 1).list.width);
        app.update(Action::SelectNext);
        assert!(!app.look().overview(), "moving leaves the overview");
        app.update(Action::TogglePresentation);
        assert_eq!(*app.theme(), Theme::dark());
        assert!(!app.look().presenting());
    }

    // --- every advertised key does something --------------------------------------------------

    /// What a person could notice, the message answering the key included (Ctrl-S on a cluster
    /// says to select an occupation: an answer, not silence).
    fn fingerprint(app: &mut App) -> String {
        let effects = app.take_effects();
        format!(
            "{:?} {:?} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {effects:?} {:?} {:?}",
            app.list().rows(),
            app.list().selected(),
            app.list().offset(),
            app.filter().text(),
            app.focus(),
            app.overlay(),
            app.shortlist(),
            app.history(),
            app.detail(),
            app.look(),
            app.should_quit(),
            app.status(),
            app.interest(),
        )
    }

    /// One state per mode (and per filter state), each set up with actions so that every key its
    /// hint line advertises has something to do.
    fn states() -> Vec<(&'static str, App)> {
        let marked = |app: &mut App| {
            mark(app, "kinesiologist");
            select_occupation(app, "physiotherapist");
        };
        let mut list = app();
        marked(&mut list);
        let mut typed_list = app();
        marked(&mut typed_list);
        typed(&mut typed_list, "therap");
        let mut cluster = app();
        marked(&mut cluster);
        app_fold(&mut cluster);
        let mut detail = app();
        marked(&mut detail);
        detail.update(Action::ToggleFocus);
        detail.update(Action::SelectNext);
        detail.update(Action::NextRelated);
        let mut help = app();
        help.update(Action::ToggleHelp);
        help.update(Action::SelectNext);
        let mut shortlist = app();
        for id in ["dietitian", "pharmacist", "kinesiologist"] {
            mark(&mut shortlist, id);
        }
        shortlist.update(Action::ToggleShortlistView);
        shortlist.update(Action::SelectNext);
        let mut compare = app();
        marked(&mut compare);
        compare.update(Action::ToggleCompare);
        compare.update(Action::SelectNext);
        let mut check = app();
        check.update(Action::ToggleInterests);
        check.update(Action::Answer(4));
        check.update(Action::Answer(2));
        let mut result = app();
        result.update(Action::ToggleInterests);
        for item in crate::interests::ITEMS.iter() {
            let liked = matches!(
                item.kind,
                crate::catalog::Riasec::Social | crate::catalog::Riasec::Investigative
            );
            result.update(Action::Answer(if liked { 5 } else { 2 }));
        }
        result.update(Action::SelectNext);
        result.update(Action::ChoiceRight);
        result.update(Action::ChoiceLeft);
        result.update(Action::SelectNext);
        let mut quitting = app();
        mark(&mut quitting, "dietitian");
        quitting.update(Action::Quit);
        let mut handout = app();
        marked(&mut handout);
        handout.update(Action::ExportHandout);
        vec![
            ("asked before quitting", quitting),
            ("choosing a handout's format", handout),
            ("interest check", check),
            ("interest result", result),
            ("list", list),
            ("list while filtering", typed_list),
            ("list on an open cluster", cluster),
            ("detail", detail),
            ("help", help),
            ("shortlist", shortlist),
            ("compare", compare),
        ]
    }

    fn app_fold(app: &mut App) {
        app.update(Action::FoldCluster); // from the occupation to its open cluster
        assert!(matches!(app.list().selected(), Some(Selection::Cluster(_))));
    }

    #[test]
    fn every_key_a_hint_line_advertises_changes_the_state() {
        let modes: Vec<Mode> = states().iter().map(|(_, app)| app.mode()).collect();
        for mode in Mode::ALL {
            assert!(modes.contains(&mode), "no state walks {mode:?}");
        }
        for (i, (name, probe)) in states().into_iter().enumerate() {
            let ctx = probe.key_context();
            let groups = keymap::hint_groups(ctx);
            assert!(!groups.is_empty(), "{name}: no hints");
            for (keys, word) in groups {
                for key in keys {
                    // a fresh copy of the state for every key
                    let (_, mut app) = states().swap_remove(i);
                    let before = fingerprint(&mut app);
                    let action = keymap::map_event(&keymap::event_for(key), app.key_context())
                        .unwrap_or_else(|| panic!("{name}: {key:?} ({word}) is not bound"));
                    app.update(action.clone());
                    assert_ne!(
                        fingerprint(&mut app),
                        before,
                        "{name}: {} ({word}) gave {action:?} and changed nothing",
                        keymap::key_name(key)
                    );
                }
            }
        }
    }

    #[test]
    fn presentation_mode_advertises_keys_that_work() {
        let mut app = app();
        app.update(Action::TogglePresentation);
        for action in [Action::TogglePresentation, Action::ToggleHelp] {
            let key = keymap::keys_for(&action, app.mode())[0];
            let mut app = self::app();
            app.update(Action::TogglePresentation);
            let before = fingerprint(&mut app);
            let sent = keymap::map_event(&keymap::event_for(key), app.key_context());
            assert_eq!(sent, Some(action));
            app.update(sent.unwrap_or(Action::Quit));
            assert_ne!(fingerprint(&mut app), before);
        }
    }

    #[test]
    fn sentences_name_the_keys_that_work_where_the_keys_go() {
        // a folded cluster in the list: → or Enter; with the detail focused only Enter unfolds it
        let mut app = app();
        let text = |app: &App| -> String {
            app.detail_view()
                .lines(60)
                .iter()
                .map(|l| l.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(
            text(&app).contains("→ or Enter unfolds this cluster"),
            "{}",
            text(&app)
        );
        app.update(Action::ToggleFocus);
        let detail = text(&app);
        assert!(detail.contains("Enter unfolds this cluster"), "{detail}");
        assert!(!detail.contains('→'), "{detail}");
        // and Enter does unfold it from the detail
        app.update(Action::Activate);
        assert!(app.list().rows().len() > 5);
        // the related links say how to follow them, from the key map
        select_occupation(&mut app, "physiotherapist");
        assert!(text(&app).contains("Alt-1…9 follows a link; Backspace comes back"));
        app.update(Action::ToggleFocus);
        assert!(text(&app).contains("←→ choose, Enter follows; Backspace comes back"));
    }

    #[test]
    fn right_arrow_on_an_occupation_reads_it() {
        let mut app = app();
        select_occupation(&mut app, "dietitian");
        app.update(Action::UnfoldCluster);
        assert_eq!(app.focus(), Focus::Detail);
    }

    #[test]
    fn the_interest_check_keeps_its_answers_and_leads_to_results_and_back() {
        use crate::catalog::Riasec::{Investigative, Social};
        let mut app = app();
        app.update(Action::ToggleInterests);
        assert_eq!(app.mode(), Mode::Check);
        app.update(Action::Answer(5));
        app.update(Action::ChoiceRight);
        app.update(Action::Activate); // "like a little" (4) through ←/→ and Enter
        app.update(Action::SelectNext); // skip the third
        assert_eq!(&app.interest().answers()[..3], [Some(5), Some(4), None]);
        app.update(Action::Cancel); // Esc leaves and keeps the answers
        assert_eq!(app.overlay(), None);
        app.update(Action::ToggleInterests);
        assert_eq!(app.interest().at(), Some(3), "back where it stopped");
        app.update(Action::SelectPrevious); // back to the skipped one, and answer it
        app.update(Action::Answer(1));
        assert_eq!(app.interest().answers()[2], Some(1));
        while app.interest().at().is_some() {
            let liked = matches!(
                crate::interests::ITEMS[app.interest().at().unwrap_or(0)].kind,
                Social | Investigative
            );
            app.update(Action::Answer(if liked { 5 } else { 2 }));
        }
        assert_eq!(
            app.mode(),
            Mode::Results,
            "the last answer shows the result"
        );
        // Ctrl-S marks the chosen result, Enter opens its detail
        app.update(Action::ToggleShortlist);
        assert_eq!(app.shortlist().len(), 1);
        let chosen = app.shortlist().items()[0];
        app.update(Action::Activate);
        assert_eq!(app.overlay(), None);
        assert_eq!(app.selected_occupation(), Some(chosen));
        assert_eq!(app.focus(), Focus::Detail);
        // the result is one key away after browsing
        app.update(Action::ToggleInterests);
        assert_eq!(app.mode(), Mode::Results);
        // a handout carries the code and scores, never the answers
        app.update(Action::ExportHandout);
        app.update(Action::Activate);
        let effects = app.take_effects();
        let Some(Effect::WriteHandout(_, Some(summary), _)) = effects.first() else {
            panic!("{effects:?}");
        };
        assert!(
            summary.code.contains('S') && summary.code.contains('I'),
            "{summary:?}"
        );
        assert_eq!(summary.scores.len(), 6);
        assert!(!summary.top.is_empty());
    }

    #[test]
    fn deleting_a_filter_never_jumps_back_by_surprise() {
        let mut app = app();
        select_occupation(&mut app, "physiotherapist");
        app.update(Action::FollowRelated(1));
        let there = app.selected_occupation();
        assert_eq!(app.history().len(), 1);
        // type a word and hold Backspace: the word goes, the place stays
        let key = |app: &App, code| {
            keymap::map_event(
                &ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
                    code,
                    ratatui::crossterm::event::KeyModifiers::NONE,
                )),
                app.key_context(),
            )
            .expect("a bound key")
        };
        typed(&mut app, "ab");
        for _ in 0..3 {
            let action = key(&app, ratatui::crossterm::event::KeyCode::Backspace);
            app.update(action);
        }
        assert_eq!(app.filter().text(), "");
        assert_eq!(app.history().len(), 1, "still there to go back to");
        let told = app.status().unwrap_or("").to_string();
        assert!(
            told.starts_with("The filter is empty; Backspace, Alt-← or Ctrl-P goes back to "),
            "{told}"
        );
        // the next Backspace, with the filter already empty, goes back
        let action = key(&app, ratatui::crossterm::event::KeyCode::Backspace);
        assert_eq!(action, Action::GoBack);
        app.update(action);
        assert_ne!(app.selected_occupation(), there);
        assert_eq!(app.history().len(), 0);
        // Ctrl-P goes back whatever the filter holds
        select_occupation(&mut app, "physiotherapist");
        app.update(Action::FollowRelated(1));
        typed(&mut app, "x");
        let back = keymap::map_event(
            &ratatui::crossterm::event::Event::Key(ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char('p'),
                ratatui::crossterm::event::KeyModifiers::CONTROL,
            )),
            app.key_context(),
        );
        assert_eq!(back, Some(Action::GoBack));
    }

    #[test]
    fn nothing_shortlisted_is_lost_by_quitting_or_removing() {
        let mut app = app();
        // nothing marked: quitting is at once
        app.update(Action::Quit);
        assert!(app.should_quit());
        let mut app = self::app();
        mark(&mut app, "dietitian");
        mark(&mut app, "pharmacist");
        // a shortlist in no handout: asked first, and Esc stays
        app.update(Action::Quit);
        assert!(!app.should_quit());
        assert_eq!(app.mode(), Mode::Quit);
        app.update(Action::Cancel);
        assert_eq!(app.overlay(), None);
        // write a handout, then quit: only once it is written
        app.update(Action::Quit);
        app.update(Action::ExportHandout);
        assert_eq!(app.mode(), Mode::Handout, "which format?");
        assert!(!app.should_quit());
        app.update(Action::Activate);
        assert!(matches!(
            app.take_effects().as_slice(),
            [Effect::WriteHandout(..)]
        ));
        assert!(!app.should_quit(), "not before the file is written");
        app.update(Action::EffectDone("Wrote the handout to /tmp/h.md".into()));
        app.update(Action::HandoutWritten);
        assert!(app.should_quit());
        // handed out already: Ctrl-Q quits without asking
        let mut app = self::app();
        mark(&mut app, "dietitian");
        app.update(Action::ExportHandout);
        app.update(Action::Activate);
        app.update(Action::HandoutWritten);
        app.update(Action::Quit);
        assert!(app.should_quit());
        // quit anyway
        let mut app = self::app();
        mark(&mut app, "dietitian");
        app.update(Action::Quit);
        app.update(Action::QuitAnyway);
        assert!(app.should_quit());
        // a removal from the shortlist view says how to undo it, and undo puts it back in place
        let mut app = self::app();
        for id in ["dietitian", "pharmacist", "midwife"] {
            mark(&mut app, id);
        }
        let before = app.shortlist().items().to_vec();
        app.update(Action::ToggleShortlistView);
        app.update(Action::SelectNext);
        app.update(Action::RemoveShortlisted);
        assert_eq!(app.shortlist().len(), 2);
        let told = app.status().unwrap_or("").to_string();
        assert!(told.ends_with("Ctrl-U or u puts it back"), "{told}");
        app.update(Action::Undo);
        assert_eq!(app.shortlist().items(), before);
        assert_eq!(app.status(), Some("Put Pharmacist back on the shortlist"));
    }
}
