//! Whole-process benchmarks of the real binary, so start-up costs that in-process benchmarks miss
//! (reading the file, setting up the terminal, freeing memory at exit) are counted:
//!
//! - `first_frame/N`: from spawning `career-clusters --data N.toml` in a 120×40 pseudo-terminal
//!   until its first frame is on the screen (the list title with the occupation count);
//! - `search/N`: `career-clusters search physio --data N.toml`, start to exit, output read whole;
//! - `fzf/N`: `fzf --filter physio` over the same occupations written one per line, start to exit
//!   (skipped, with a note, when fzf is not installed) — the yardstick for `search/N`.
//!
//! Catalogs come from `career_clusters::generate` and are written to a temporary directory.
//! `BENCH_SIZES=bundled,1k,10k` (the default) chooses sizes.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use career_clusters::catalog::{BUNDLED_TOML, Catalog};
use career_clusters::generate::{catalog_toml, records};
use criterion::{BenchmarkId, Criterion};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_career-clusters");

/// A catalog written to disk: its name, the TOML file, the records file for fzf, and the text
/// the first frame shows.
struct Prepared {
    name: String,
    toml: PathBuf,
    records: PathBuf,
    title: String,
}

fn prepare(dir: &Path) -> Vec<Prepared> {
    let wanted = std::env::var("BENCH_SIZES").unwrap_or_else(|_| "bundled,1k,10k".into());
    wanted
        .split(',')
        .filter_map(|name| {
            let name = name.trim();
            let text = match name {
                "bundled" => BUNDLED_TOML.to_string(),
                "1k" => catalog_toml(1_000),
                "10k" => catalog_toml(10_000),
                "100k" => catalog_toml(100_000),
                _ => return None,
            };
            let catalog = Catalog::from_str(&text, name).expect("generated catalogs load");
            let toml = dir.join(format!("{name}.toml"));
            let records_path = dir.join(format!("{name}.txt"));
            std::fs::write(&toml, &text).expect("write catalog");
            std::fs::write(&records_path, records(&catalog)).expect("write records");
            Some(Prepared {
                name: name.to_string(),
                toml,
                records: records_path,
                title: format!("{} occupations", catalog.occupations().len()),
            })
        })
        .collect()
}

/// Spawns the browser in a pty and returns how long until `title` appears in its output.
fn first_frame(catalog: &Prepared) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.arg("--data");
    cmd.arg(&catalog.toml);
    cmd.env("TERM", "xterm-256color");
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    let needle = catalog.title.as_bytes();
    let mut seen = Vec::new();
    let mut buf = [0u8; 65536];
    let elapsed = loop {
        let n = reader.read(&mut buf).expect("read the pty");
        assert!(n > 0, "the browser ended before its first frame");
        seen.extend_from_slice(&buf[..n]);
        if seen.windows(needle.len()).any(|w| w == needle) {
            break start.elapsed();
        }
    };
    let mut writer = pty.master.take_writer().expect("pty writer");
    writer.write_all(b"\x03").expect("send Ctrl-C");
    // Drain until the child has gone, so the next sample starts on a quiet machine.
    std::thread::spawn(move || while matches!(reader.read(&mut buf), Ok(n) if n > 0) {});
    child.wait().expect("the browser exits");
    elapsed
}

fn run(cmd: &mut Command) -> Duration {
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
    let catalogs = prepare(&dir);
    let fzf = Command::new("fzf").arg("--version").output().is_ok();
    if !fzf {
        eprintln!("fzf is not installed: skipping fzf/N (apt-get install fzf)");
    }
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1));
    let mut group = c.benchmark_group("first_frame");
    for catalog in &catalogs {
        group.bench_function(BenchmarkId::from_parameter(&catalog.name), |b| {
            timed(b, || first_frame(catalog))
        });
    }
    group.finish();
    for name in ["search", "fzf"] {
        if name == "fzf" && !fzf {
            continue;
        }
        let mut group = c.benchmark_group(name);
        for catalog in &catalogs {
            group.bench_function(BenchmarkId::from_parameter(&catalog.name), |b| {
                timed(b, || {
                    if name == "search" {
                        run(Command::new(BIN)
                            .args(["search", "physio", "--data"])
                            .arg(&catalog.toml))
                    } else {
                        let input = std::fs::File::open(&catalog.records).expect("records");
                        run(Command::new("fzf")
                            .args(["--filter", "physio"])
                            .stdin(input))
                    }
                })
            });
        }
        group.finish();
    }
    c.final_summary();
    let _ = std::fs::remove_dir_all(&dir);
}
