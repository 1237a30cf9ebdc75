//! Writes a synthetic catalog for benchmarks and timing: `generate N CATALOG.toml [RECORDS.txt]`.
//! The records file has the same occupations one per line, for `fzf --filter`.
//!
//! `generate records CATALOG.toml RECORDS.txt` writes only the records of an existing catalog
//! (an O*NET import, the bundled one from `career-clusters dump`), for the same comparison.

use std::process::ExitCode;

use career_clusters::catalog::Catalog;
use career_clusters::generate::{catalog_toml, records};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, catalog, out] = args.as_slice()
        && mode == "records"
    {
        let result = Catalog::from_path(catalog.as_ref())
            .map_err(std::io::Error::other)
            .and_then(|c| std::fs::write(out, records(&c)));
        return finish(result);
    }
    let (Some(n), Some(path)) = (args.first().and_then(|n| n.parse().ok()), args.get(1)) else {
        eprintln!(
            "usage: generate N CATALOG.toml [RECORDS.txt] | generate records CATALOG.toml RECORDS.txt"
        );
        return ExitCode::FAILURE;
    };
    let text = catalog_toml(n);
    let result = std::fs::write(path, &text).and_then(|()| match args.get(2) {
        Some(records_path) => {
            let catalog = Catalog::from_str(&text, path).map_err(std::io::Error::other)?;
            std::fs::write(records_path, records(&catalog))
        }
        None => Ok(()),
    });
    finish(result)
}

fn finish(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}
