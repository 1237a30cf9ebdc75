//! Runs the catalog search from the command line, as the browser does: one line per match, best
//! first, starting with the title, then the score and the reason when it is not the title.
//!
//! `cargo run --release --example search -- QUERY [CATALOG.toml]` (bundled catalog by default).
//! Used to time the search as a whole process, against `fzf --filter` over the same records.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use career_clusters::catalog::Catalog;
use career_clusters::search::{Query, Searcher};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(query) = args.next() else {
        eprintln!("usage: search QUERY [CATALOG.toml]");
        return ExitCode::FAILURE;
    };
    let catalog = match args.next() {
        Some(path) => Catalog::from_path(path.as_ref()),
        None => Catalog::bundled(),
    };
    let catalog = match catalog {
        Ok(c) => c,
        Err(e) => {
            eprintln!("search: {e}");
            return ExitCode::FAILURE;
        }
    };
    let searcher = Searcher::new(&catalog);
    let matches = searcher.search(&Query::parse(&query));
    let mut out = BufWriter::new(std::io::stdout().lock());
    for m in &matches {
        let title = &catalog.occupation(m.occupation).title();
        let result = match m.reason {
            Some(field) => writeln!(
                out,
                "{title}\t{}\t{}: {}",
                m.score,
                field.label(),
                field.text(&catalog, m.occupation)
            ),
            None => writeln!(out, "{title}\t{}", m.score),
        };
        if result.is_err() {
            break; // a closed pipe (`| head`) is not an error
        }
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}
