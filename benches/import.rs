//! The cost of a full NOC 2021 import and of browsing it: a synthetic elements file the size of
//! the real one (516 unit groups, ~30,000 example titles, ~5 MB; `support/noc_synth.rs`).
//!
//! - `import/noc-elements-5mb`: CSV to checked TOML (`import_noc`, which also loads the TOML back).
//! - `import/load-catalog`: `Catalog::from_str` of the imported TOML (what `--data` costs).
//! - `import/first-frame-80x24`: `App::new` (which prepares the search) and the first frame.
//! - `import/keystroke-*`: one key typed into the filter and the frame after it, then Backspace and
//!   its frame; the time is for the two keystrokes.
//!
//! - `import/onet-29.3` (only when `../shared/reference/onet-29.3` is there; a note says so
//!   otherwise): the whole O*NET database to checked TOML (`import_onet_dir`), loading that TOML,
//!   the first frame on it, and a keystroke and Backspace on it (`import/onet-keystroke-*`).
//!
//! `cargo bench --bench import` runs them; the synthetic file is also written to
//! `target/noc-synthetic-elements.csv` so the command line can be timed on it.

use std::hint::black_box;

use career_clusters::browser::action::{Action, InputRequest};
use career_clusters::browser::app::App;
use career_clusters::browser::theme::Theme;
use career_clusters::catalog::Catalog;
use career_clusters::import::{Grouping, Options, import_noc};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

#[path = "support/noc_synth.rs"]
mod noc_synth;

fn options() -> Options {
    Options {
        only: Vec::new(),
        by: Grouping::Broad,
        source: "noc-synthetic-elements.csv".into(),
        ..Options::default()
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| career_clusters::browser::render::render(app, frame))
        .expect("draw");
}

fn type_str(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::EditFilter(InputRequest::InsertChar(c)));
    }
}

fn bench(c: &mut Criterion) {
    let csv = noc_synth::elements_csv();
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    if std::fs::create_dir_all(&target).is_ok() {
        let _ = std::fs::write(target.join("noc-synthetic-elements.csv"), &csv);
    }
    let report = import_noc(csv.as_bytes(), &options()).expect("the synthetic file imports");
    eprintln!(
        "synthetic elements file: {:.2} MB, {} rows -> {} occupations, {} other names, {} related \
         links; catalog TOML {:.2} MB",
        csv.len() as f64 / 1e6,
        report.stats.rows,
        report.stats.occupations,
        report.stats.aliases,
        report.stats.related,
        report.toml.len() as f64 / 1e6,
    );

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("noc-elements-5mb", |b| {
        b.iter(|| import_noc(black_box(csv.as_bytes()), &options()).expect("imports"))
    });
    group.bench_function("load-catalog", |b| {
        b.iter(|| Catalog::from_str(black_box(&report.toml), "imported").expect("loads"))
    });
    first_frame(&mut group, "first-frame-80x24", &report.catalog);
    group.finish();

    let mut group = c.benchmark_group("import/keystroke");
    group.sample_size(20);
    // (already typed, the key): the first letter matches the most; later ones narrow it down
    for (typed, key) in [("", 'n'), ("", 'a'), ("nursin", 'g'), ("assistan", 't')] {
        key_and_backspace(&mut group, &report.catalog, typed, key);
    }
    group.finish();
    onet(c);
}

/// The whole O*NET database, when it is there (a fresh clone has no `../shared`).
fn onet(c: &mut Criterion) {
    use career_clusters::import_onet::{Options as OnetOptions, import_onet_dir};
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/onet-29.3");
    if !dir.join("Occupation Data.txt").exists() {
        eprintln!(
            "import/onet-29.3: skipped, the O*NET database is not at {}",
            dir.display()
        );
        return;
    }
    let report = import_onet_dir(&dir, None, &OnetOptions::default()).expect("O*NET imports");
    eprintln!(
        "O*NET {}: {} rows -> {} occupations, {} other names, {} duties, {} related links; \
         catalog TOML {:.2} MB",
        report.version,
        report.stats.rows,
        report.stats.occupations,
        report.stats.aliases,
        report.stats.duties,
        report.stats.related,
        report.toml.len() as f64 / 1e6,
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("onet-29.3", |b| {
        b.iter(|| import_onet_dir(black_box(&dir), None, &OnetOptions::default()).expect("imports"))
    });
    group.bench_function("onet-load-catalog", |b| {
        b.iter(|| Catalog::from_str(black_box(&report.toml), "onet").expect("loads"))
    });
    first_frame(&mut group, "onet-first-frame-80x24", &report.catalog);
    group.finish();

    let mut group = c.benchmark_group("import/onet-keystroke");
    group.sample_size(20);
    for (typed, key) in [("", 'n'), ("registered nurs", 'e'), ("x-ray tec", 'h')] {
        key_and_backspace(&mut group, &report.catalog, typed, key);
    }
    group.finish();
}

/// Opening the browser on `catalog` and drawing its first frame at 80×24.
fn first_frame(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, catalog: &Catalog) {
    group.bench_function(name, |b| {
        b.iter_batched(
            || catalog.clone(),
            |catalog| {
                let app = App::new(catalog, Theme::dark(), Rect::new(0, 0, 80, 24));
                let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
                draw(&mut terminal, &app);
                app
            },
            criterion::BatchSize::LargeInput,
        )
    });
}

/// With `typed` in the filter: `key` and its frame, then Backspace and its frame.
fn key_and_backspace(
    group: &mut BenchmarkGroup<'_, WallTime>,
    catalog: &Catalog,
    typed: &str,
    key: char,
) {
    let mut app = App::new(catalog.clone(), Theme::dark(), Rect::new(0, 0, 80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    type_str(&mut app, typed);
    draw(&mut terminal, &app);
    group.bench_function(format!("{typed}[{key}]-and-backspace"), |b| {
        b.iter(|| {
            app.update(Action::EditFilter(InputRequest::InsertChar(key)));
            draw(&mut terminal, &app);
            app.update(Action::EditFilter(InputRequest::DeletePrevChar));
            draw(&mut terminal, &app);
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
