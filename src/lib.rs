//! career-clusters: a terminal browser for occupational clusters in medicine and health.
//!
//! Data flows one way (The Elm Architecture):
//!
//! ```text
//! assets/clusters.toml ─┐
//!  --data FILE ─────────┴─> catalog (parse + validate, once) ─> Catalog (immutable)
//!                                                                  │
//!  crossterm Event ─> keymap ─> Action ─> App::update(Action) ─> App (state)
//!                                                                  │
//!                                                ui::render(&App, &mut Frame)
//! ```
//!
//! Everything except argument parsing lives in this library, so tests and benchmarks drive the
//! same code as the binary.

pub mod action;
pub mod app;
pub mod atomic;
pub mod catalog;
pub mod commands;
pub mod config;
pub mod effects;
pub mod export;
#[doc(hidden)]
pub mod generate;
pub mod import;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod search;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
