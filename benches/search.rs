//! Search and browser benchmarks over the bundled catalog and synthetic ones of 1k, 10k and 100k
//! occupations (see `career_clusters::generate`):
//!
//! - `load/N`: parse and validate the catalog text, then prepare the searcher;
//! - `startup/N`: load, build the browser state and draw the first 120×40 frame;
//! - `keystroke/N`: `Searcher::search` for each prefix of "physiotherapist" (one keystroke each);
//! - `update_render/N`: a typed character through `App::update` plus drawing a 120×40 frame.
//!
//! Before Criterion runs, a latency report prints per-keystroke percentiles (p50/p99/max) of
//! `App::update` + draw while typing "physiotherapist" repeatedly, since Criterion reports means.
//! `cargo bench --bench search -- keystroke` selects groups as usual; set `BENCH_SIZES=bundled,1k`
//! to skip the big catalogs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use career_clusters::browser::action::{Action, InputRequest};
use career_clusters::browser::app::App;
use career_clusters::browser::theme::Theme;
use career_clusters::catalog::{BUNDLED_TOML, Catalog};
use career_clusters::generate::catalog_toml;
use career_clusters::search::{Query, Searcher};
use criterion::{BenchmarkId, Criterion, Throughput};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const TYPED: &str = "physiotherapist";
const SIZE: (u16, u16) = (120, 40);

fn catalogs() -> Vec<(&'static str, String)> {
    let wanted = std::env::var("BENCH_SIZES").unwrap_or_else(|_| "bundled,1k,10k,100k".into());
    let mut out = Vec::new();
    for name in wanted.split(',') {
        let text = match name.trim() {
            "bundled" => BUNDLED_TOML.to_string(),
            "1k" => catalog_toml(1_000),
            "10k" => catalog_toml(10_000),
            "100k" => catalog_toml(100_000),
            _ => continue,
        };
        let name: &'static str = match name.trim() {
            "bundled" => "bundled",
            "1k" => "1k",
            "10k" => "10k",
            _ => "100k",
        };
        out.push((name, text));
    }
    out
}

fn app(catalog: Catalog) -> App {
    App::new(catalog, Theme::dark(), Rect::new(0, 0, SIZE.0, SIZE.1))
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| career_clusters::browser::render::render(app, frame))
        .expect("draw");
}

fn type_char(app: &mut App, c: char) {
    app.update(Action::EditFilter(InputRequest::InsertChar(c)));
}

fn clear(app: &mut App) {
    app.update(Action::Cancel);
}

/// Per-keystroke latency of update + render while typing, as percentiles.
fn latency_report(catalogs: &[(&'static str, String)]) {
    println!(
        "keystroke latency, App::update + draw {}x{}, typing {TYPED:?}:",
        SIZE.0, SIZE.1
    );
    for (name, text) in catalogs {
        let catalog = Catalog::from_str(text, name).expect("valid catalog");
        let mut app = app(catalog);
        let mut terminal = terminal();
        draw(&mut terminal, &app);
        let rounds = if *name == "100k" { 5 } else { 30 };
        let mut samples: Vec<Duration> = Vec::new();
        for _ in 0..rounds {
            for c in TYPED.chars() {
                let start = Instant::now();
                type_char(&mut app, c);
                draw(&mut terminal, &app);
                samples.push(start.elapsed());
            }
            clear(&mut app);
            draw(&mut terminal, &app);
        }
        samples.sort();
        let at = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
        println!(
            "  {name:>7}: p50 {:>9.3?}  p99 {:>9.3?}  max {:>9.3?}  ({} keystrokes)",
            at(0.5),
            at(0.99),
            samples[samples.len() - 1],
            samples.len()
        );
    }
}

fn bench_load(c: &mut Criterion, catalogs: &[(&'static str, String)]) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (name, text) in catalogs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| {
                let catalog = Catalog::from_str(text, name).expect("valid");
                let searcher = Searcher::new(&catalog);
                black_box((catalog, searcher))
            })
        });
    }
    group.finish();
}

fn bench_startup(c: &mut Criterion, catalogs: &[(&'static str, String)]) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    for (name, text) in catalogs {
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| {
                let catalog = Catalog::from_str(text, name).expect("valid");
                let app = app(catalog);
                let mut terminal = terminal();
                draw(&mut terminal, &app);
                black_box(app)
            })
        });
    }
    group.finish();
}

fn bench_keystroke(c: &mut Criterion, catalogs: &[(&'static str, String)]) {
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(20);
    for (name, text) in catalogs {
        let catalog = Catalog::from_str(text, name).expect("valid");
        let searcher = Searcher::new(&catalog);
        let queries: Vec<Query> = (1..=TYPED.len())
            .map(|n| Query::parse(&TYPED[..n]))
            .collect();
        // one iteration types the whole word: the time per keystroke is the mean / 15
        group.throughput(Throughput::Elements(queries.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                for q in &queries {
                    black_box(searcher.search(q));
                }
            })
        });
    }
    group.finish();
}

fn bench_update_render(c: &mut Criterion, catalogs: &[(&'static str, String)]) {
    let mut group = c.benchmark_group("update_render");
    group.sample_size(10);
    for (name, text) in catalogs {
        let catalog = Catalog::from_str(text, name).expect("valid");
        let mut app = app(catalog);
        let mut terminal = terminal();
        group.throughput(Throughput::Elements(TYPED.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                for c in TYPED.chars() {
                    type_char(&mut app, c);
                    draw(&mut terminal, &app);
                }
                clear(&mut app);
            })
        });
    }
    group.finish();
}

fn main() {
    let catalogs = catalogs();
    latency_report(&catalogs);
    let mut c = Criterion::default().configure_from_args();
    bench_load(&mut c, &catalogs);
    bench_startup(&mut c, &catalogs);
    bench_keystroke(&mut c, &catalogs);
    bench_update_render(&mut c, &catalogs);
    c.final_summary();
}
