//! The `career-clusters` command: argument parsing and dispatch. Everything else is in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use career_clusters::app::App;
use career_clusters::catalog::{Catalog, CatalogError};
use career_clusters::terminal::{self, Session};
use career_clusters::theme::Theme;
use ratatui::layout::Rect;

/// Browse occupational clusters in medicine and health.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Read the catalog from this TOML file instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    data: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a catalog file (the bundled catalog when none is given) and report every problem.
    Check {
        /// The catalog to check.
        file: Option<PathBuf>,
    },
}

fn load(path: Option<&PathBuf>) -> Result<Catalog, CatalogError> {
    match path {
        Some(path) => Catalog::from_path(path),
        None => Catalog::bundled(),
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("career-clusters: {message}");
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { file }) => match load(file.as_ref().or(cli.data.as_ref())) {
            Ok(catalog) => {
                println!(
                    "ok: {} clusters, {} occupations",
                    catalog.clusters.len(),
                    catalog.occupations.len()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        None => {
            // Everything that can fail before drawing fails here, with the terminal untouched.
            let catalog = match load(cli.data.as_ref()) {
                Ok(catalog) => catalog,
                Err(e) => return fail(e),
            };
            if let Err(e) = terminal::check_interactive() {
                return fail(e);
            }
            let mut app = App::new(catalog, Theme::from_env(), Rect::new(0, 0, 80, 24));
            let result = Session::start().and_then(|mut session| Ok(session.run(&mut app)?));
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(e),
            }
        }
    }
}
