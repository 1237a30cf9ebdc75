//! Whole-process benchmarks of the real binary beside fzf, so start-up costs that in-process
//! benchmarks miss (reading the file, the cache, setting up the terminal, freeing memory at exit)
//! are counted, and every figure has fzf's next to it:
//!
//! - `first_frame/N/{warm,cold}` and `first_frame/N/fzf`: from spawning the browser
//!   (`career-clusters --data N.toml`) or `fzf < N.txt` in a 100×30 pseudo-terminal until the
//!   screen shows the full count ("1016 occupations", fzf's "1016/1016"). `warm` reads its cache
//!   entry (written once before); `cold` starts each time with an empty cache directory, as the
//!   first run after an edit does;
//! - `burst/N/{warm,fzf}`: from sending "physio" in one write to a started browser (or fzf) until
//!   the screen shows the final count;
//! - `search/N/{warm,cold}` and `search/N/fzf`: `career-clusters search physio --data N.toml`
//!   (warm: from the cache; cold: `--no-cache`) and `fzf --filter physio < N.txt`, start to exit.
//!
//! fzf is fed the same occupations, one per line (`career_clusters::generate::records`); without
//! fzf its figures are skipped with a note. Catalogs are written to a temporary directory:
//! `bundled`, `onet` (the O*NET 29.3 database imported with `import onet` from
//! `../shared/reference/onet-29.3`, skipped with a note when it is not there), `1k`, `10k` (from
//! `career_clusters::generate`). `BENCH_SIZES=bundled,onet,10k` (the default) chooses them.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use career_clusters::catalog::{BUNDLED_TOML, Catalog};
use career_clusters::generate::{catalog_toml, records};
use career_clusters::search::{Query, Searcher};
use criterion::{BenchmarkId, Criterion, SamplingMode};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_career-clusters");
const QUERY: &str = "physio";

/// A catalog written to disk, with what each program's screen shows when it is ready.
struct Prepared {
    name: String,
    toml: PathBuf,
    records: PathBuf,
    /// A cache directory holding this catalog's entry.
    warm: PathBuf,
    /// Ours, all shown and after the burst: "1016 occupations", "34 of 1016 occupations".
    ours: (String, String),
    /// fzf's count line, all shown and after the burst: "1016/1016", "1011/1016".
    fzf: (String, String),
}

fn catalog_text(name: &str, dir: &Path) -> Option<String> {
    match name {
        "bundled" => Some(BUNDLED_TOML.to_string()),
        "1k" => Some(catalog_toml(1_000)),
        "10k" => Some(catalog_toml(10_000)),
        "100k" => Some(catalog_toml(100_000)),
        "onet" => {
            let db = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/onet-29.3");
            if !db.is_dir() {
                eprintln!(
                    "onet: skipped, the O*NET database is not at {}",
                    db.display()
                );
                return None;
            }
            let out = dir.join("onet-import.toml");
            let status = Command::new(BIN)
                .args(["import", "onet"])
                .arg(&db)
                .arg("-o")
                .arg(&out)
                .arg("--force")
                .stderr(Stdio::null())
                .status()
                .expect("run import onet");
            assert!(status.success(), "import onet failed");
            Some(std::fs::read_to_string(&out).expect("read the import"))
        }
        _ => None,
    }
}

fn prepare(dir: &Path, fzf: bool) -> Vec<Prepared> {
    let wanted = std::env::var("BENCH_SIZES").unwrap_or_else(|_| "bundled,onet,10k".into());
    wanted
        .split(',')
        .filter_map(|name| {
            let name = name.trim();
            let text = catalog_text(name, dir)?;
            let catalog = Catalog::from_str(&text, name).expect("catalogs load");
            let toml = dir.join(format!("{name}.toml"));
            let records_path = dir.join(format!("{name}.txt"));
            std::fs::write(&toml, &text).expect("write catalog");
            std::fs::write(&records_path, records(&catalog)).expect("write records");
            let warm = dir.join(format!("cache-{name}"));
            let n = catalog.occupations().len();
            let found = Searcher::new(&catalog).search(&Query::parse(QUERY)).len();
            let fzf_found = if fzf {
                let input = std::fs::File::open(&records_path).expect("records");
                let out = Command::new("fzf")
                    .args(["--filter", QUERY])
                    .stdin(input)
                    .output()
                    .expect("fzf");
                out.stdout.iter().filter(|&&b| b == b'\n').count()
            } else {
                0
            };
            let prepared = Prepared {
                name: name.to_string(),
                toml,
                records: records_path,
                warm,
                ours: (
                    format!("{n} occupations"),
                    format!("{found} of {n} occupations"),
                ),
                fzf: (format!("{n}/{n}"), format!("{fzf_found}/{n}")),
            };
            // the warm cache's entry
            run(ours_search(&prepared, false));
            Some(prepared)
        })
        .collect()
}

/// Which program a screen measurement runs.
#[derive(Clone, Copy, PartialEq)]
enum Who {
    Warm,
    Cold,
    Fzf,
}

/// Spawns the program in a 100×30 pty; returns how long until its full count is on the screen,
/// and, with `burst`, how long from typing the query in one write until the final count is.
fn screen(catalog: &Prepared, who: Who, burst: bool) -> (Duration, Option<Duration>) {
    let (rows, cols) = (30, 100);
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let cold_dir = catalog.warm.with_extension("cold");
    let _ = std::fs::remove_dir_all(&cold_dir);
    let (mut cmd, ready, done) = match who {
        Who::Fzf => {
            let mut cmd = CommandBuilder::new("sh");
            cmd.arg("-c");
            cmd.arg(format!("exec fzf < '{}'", catalog.records.display()));
            (cmd, &catalog.fzf.0, &catalog.fzf.1)
        }
        Who::Warm | Who::Cold => {
            let mut cmd = CommandBuilder::new(BIN);
            cmd.arg("--data");
            cmd.arg(&catalog.toml);
            let dir = if who == Who::Warm {
                &catalog.warm
            } else {
                &cold_dir
            };
            cmd.env("CAREER_CLUSTERS_CACHE_DIR", dir);
            cmd.env("CAREER_CLUSTERS_CONFIG", "/nonexistent/config.toml");
            (cmd, &catalog.ours.0, &catalog.ours.1)
        }
    };
    cmd.env("TERM", "xterm-256color");
    let reader = pty.master.try_clone_reader().expect("pty reader");
    let mut writer = pty.master.take_writer().expect("pty writer");
    // a reader thread feeds a terminal emulator, since a frame may redraw only what changed
    let (tx, rx) = mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut reader = reader;
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(rows, cols, 0);
    let mut wait_for = |needle: &str, since: Instant| -> Duration {
        loop {
            let bytes = rx
                .recv_timeout(Duration::from_secs(20))
                .expect("the screen never showed the count");
            parser.process(&bytes);
            if parser.screen().contents().contains(needle) {
                return since.elapsed();
            }
        }
    };
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    let first = wait_for(ready, start);
    let typed = burst.then(|| {
        let sent = Instant::now();
        writer.write_all(QUERY.as_bytes()).expect("type");
        wait_for(done, sent)
    });
    writer.write_all(b"\x03").expect("send Ctrl-C");
    child.wait().expect("the program exits");
    (first, typed)
}

fn ours_search(catalog: &Prepared, cold: bool) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(["search", QUERY, "--data"])
        .arg(&catalog.toml)
        .env("CAREER_CLUSTERS_CACHE_DIR", &catalog.warm)
        .env("CAREER_CLUSTERS_CONFIG", "/nonexistent/config.toml");
    if cold {
        cmd.arg("--no-cache");
    }
    cmd
}

fn run(mut cmd: Command) -> Duration {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_end(&mut out)
        .expect("read output");
    let status = child.wait().expect("wait");
    let elapsed = start.elapsed();
    assert!(status.success(), "{cmd:?} failed");
    assert!(!out.is_empty(), "{cmd:?} found nothing");
    elapsed
}

fn timed(b: &mut criterion::Bencher, mut once: impl FnMut() -> Duration) {
    b.iter_custom(|iters| (0..iters).map(|_| once()).sum());
}

fn main() {
    let dir = std::env::temp_dir().join(format!("career-clusters-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let fzf = Command::new("fzf").arg("--version").output().is_ok();
    if !fzf {
        eprintln!("fzf is not installed: skipping every fzf figure (apt-get install fzf)");
    }
    let catalogs = prepare(&dir, fzf);
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500));
    let mut whos = vec![("warm", Who::Warm), ("cold", Who::Cold)];
    if fzf {
        whos.push(("fzf", Who::Fzf));
    }
    let mut group = c.benchmark_group("first_frame");
    group.sampling_mode(SamplingMode::Flat);
    for catalog in &catalogs {
        for &(label, who) in &whos {
            let id = BenchmarkId::new(&catalog.name, label);
            group.bench_function(id, |b| timed(b, || screen(catalog, who, false).0));
        }
    }
    group.finish();
    let mut group = c.benchmark_group("burst");
    group.sampling_mode(SamplingMode::Flat);
    for catalog in &catalogs {
        for &(label, who) in whos.iter().filter(|(_, w)| *w != Who::Cold) {
            let id = BenchmarkId::new(&catalog.name, label);
            group.bench_function(id, |b| {
                timed(b, || screen(catalog, who, true).1.unwrap_or_default())
            });
        }
    }
    group.finish();
    let mut group = c.benchmark_group("search");
    group.sampling_mode(SamplingMode::Flat);
    for catalog in &catalogs {
        for &(label, who) in &whos {
            let id = BenchmarkId::new(&catalog.name, label);
            group.bench_function(id, |b| {
                timed(b, || match who {
                    Who::Fzf => {
                        let input = std::fs::File::open(&catalog.records).expect("records");
                        let mut cmd = Command::new("fzf");
                        cmd.args(["--filter", QUERY]).stdin(input);
                        run(cmd)
                    }
                    _ => run(ours_search(catalog, who == Who::Cold)),
                })
            });
        }
    }
    group.finish();
    c.final_summary();
    let _ = std::fs::remove_dir_all(&dir);
}
