//! The interactive program: a terminal browser over one [`Catalog`](crate::catalog::Catalog).
//!
//! ```text
//! crossterm Event ─> keymap (per mode) ─> Action ─> App::update ─> App
//!                                                    │  routes to the part that owns the state:
//!                                                    │  list · detail · filter · overlay/* ·
//!                                                    │  shortlist · history · theme::Look
//!                                                    └─> Effect ─> effects (the only I/O) ─┐
//!                         Action::EffectDone <───────────────────────────────────────────┘
//! &App ─> render ─> each pane and overlay draws its borrowed view (ListView, DetailView, …)
//! ```
//!
//! - [`action`]: what the user asked for, in the program's terms (no terminal types), and
//!   [`message`]: the line that answers it.
//! - [`keymap`]: the one table of key bindings per [`keymap::Mode`], read both ways: a key to its
//!   action, and an action to its keys ([`keymap::keys_for`]) for every hint on screen.
//! - [`app`]: the composition of the parts below and the routing of actions; the only place
//!   state changes.
//! - Panes, one file each, holding their state, behaviour and drawing: [`list`], [`detail`],
//!   [`filter`], [`status`]. They never import `app`; they draw a borrowed view of what they show.
//! - [`overlay`]: one enum of the views drawn over the panes (help, shortlist, compare, the
//!   interest check and its result), each in
//!   its own file with its state, its keys and its drawing.
//! - Small models: [`shortlist`] (marked occupations), [`history`] (where related jumps started),
//!   [`interest`] (the interest check's answers, in memory only).
//! - [`render`]: `&App` → `Frame`, no state change; [`layout`], [`chrome`] and [`spans`] are the
//!   geometry, frames and wrapped text the panes share; [`theme`]: styles and presentation mode.
//! - [`effects`]: handouts and web pages, carried out by the loop outside `update`.
//! - [`terminal`]: raw mode, alternate screen, mouse, signals, the hang-up watchdog, the loop.
//!
//! Nothing outside this folder imports it except `main`, the tests and the benchmarks.

pub mod action;
pub mod app;
pub mod chrome;
pub mod detail;
pub mod effects;
pub mod filter;
pub mod history;
pub mod interest;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod message;
pub mod overlay;
pub mod render;
pub mod shortlist;
pub mod spans;
pub mod status;
pub mod terminal;
pub mod theme;

#[doc(hidden)]
pub mod testing;
