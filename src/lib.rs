//! career-clusters: a terminal browser for occupational clusters in medicine and health.
//!
//! Data flows one way (The Elm Architecture):
//!
//! ```text
//! assets/clusters.toml ─┐
//!  --data FILE ─────────┴─> catalog (parse + validate, once) ─> Catalog (immutable)
//!                                                  │
//!                     ┌────────────────────────────┼──────────────────────────────┐
//!                     ▼                            ▼                              ▼
//!  search (query ─> ranked matches)     commands · export · import      browser/ (interactive)
//!                                        (list, show, search, dump,      Event ─> keymap ─> Action
//!                                         handouts, importers; atomic      ─> App::update ─> App
//!                                         writes)                          ─> render(&App) ─> Frame
//! ```
//!
//! The dependency rule: `text` ← `catalog` ← `search` ← {`browser`, `commands`, `export`,
//! `import`}; nothing points back up, and only `main` (with the tests and benchmarks) imports
//! `browser`. Everything except argument parsing lives in this library, so tests and benchmarks
//! drive the same code as the binary.
//!
//! - [`catalog`]: the data model, loading and validation with file:line:col.
//! - [`search`]: filter text to ranked matches with highlight ranges and reasons. Pure.
//! - [`browser`]: the terminal program (see its module for the folder map).
//! - [`cache`]: parsed catalogs and their search indexes kept on disk between runs.
//! - [`commands`], [`export`], [`import`], [`atomic`], [`config`], [`input`]: the script side.

pub mod atomic;
pub mod browser;
pub mod cache;
pub mod catalog;
pub mod commands;
pub mod config;
pub mod export;
#[doc(hidden)]
pub mod generate;
pub mod import;
pub mod import_interests;
pub mod import_onet;
pub mod input;
pub mod interests;
pub mod search;
pub mod text;
