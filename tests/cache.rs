//! The parsed-catalog cache (`src/cache.rs`): a hit gives the same catalog and the same search
//! results as reading the file; every kind of damaged or foreign entry (truncated, flipped
//! bytes, another version's key, empty, a directory in its place, an index of another catalog
//! or a posting of no field with a valid checksum) is a miss with identical results and no panic,
//! and is rebuilt; strings longer than the read buffer round-trip; an edit
//! of one byte makes the entry stale; an unwritable cache directory changes nothing; entries are
//! capped. Through the real binary, with its own `CAREER_CLUSTERS_CACHE_DIR`: `search` writes
//! and then reads an entry with the same output as `--no-cache`, `--no-cache` writes nothing, and
//! `check` neither reads nor writes the cache (a planted corrupt entry changes nothing). The
//! browser writes an entry and finds with it what it finds without.
//!
//! In-process tests and the binary have different executables, so they never share entries.
//! Nothing here is timed.

#[allow(dead_code)] // the pty harness is shared; this file uses a part of it
mod support;

use std::path::{Path, PathBuf};

use career_clusters::cache::{self, Cache, MAX_ENTRIES};
use career_clusters::catalog::Catalog;
use career_clusters::generate::catalog_toml;
use career_clusters::search::{Match, Query, Searcher};
use support::command::cli;
use support::{Launch, Tui};
use tempfile::TempDir;

const QUERIES: &[&str] = &[
    "physio",
    "nurse",
    "therapy rehab",
    "xyzzy",
    "edu:psychology",
];

/// A catalog file in a temporary directory, with a cache directory beside it.
struct Fixture {
    _dir: TempDir,
    catalog: PathBuf,
    cache: Cache,
}

fn fixture(toml: &str) -> Fixture {
    let dir = TempDir::new().unwrap();
    let catalog = dir.path().join("catalog.toml");
    std::fs::write(&catalog, toml).unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    Fixture {
        _dir: dir,
        catalog,
        cache,
    }
}

fn results(searcher: &Searcher) -> Vec<Vec<Match>> {
    QUERIES
        .iter()
        .map(|q| searcher.search(&Query::parse(q)))
        .collect()
}

/// Loads through the cache (writing an entry on a miss); whether it was a hit, the catalog and
/// the search results.
fn load(f: &Fixture) -> (bool, Catalog, Vec<Vec<Match>>) {
    let loaded = cache::load(&f.catalog, Some(&f.cache)).expect("the catalog loads");
    let hit = loaded.hit();
    let searcher = loaded.index.searcher(&loaded.catalog);
    (hit, loaded.catalog, results(&searcher))
}

/// Loads through the cache and asserts it gives `catalog` and `found`, as a fresh load does;
/// whether it was a hit.
fn load_same(f: &Fixture, catalog: &Catalog, found: &[Vec<Match>], what: &str) -> bool {
    let (hit, cached, cached_found) = load(f);
    assert_eq!(&cached, catalog, "{what}");
    assert_eq!(cached_found, found, "{what}");
    hit
}

fn fresh(f: &Fixture) -> (Catalog, Vec<Vec<Match>>) {
    let catalog = Catalog::from_path(&f.catalog).unwrap();
    let searcher = Searcher::new(&catalog);
    (catalog.clone(), results(&searcher))
}

fn entry(f: &Fixture) -> PathBuf {
    f.cache.entry_path(&f.catalog)
}

fn small() -> String {
    catalog_toml(120)
}

#[test]
fn a_hit_gives_the_catalog_and_the_results_of_a_fresh_load() {
    let f = fixture(&small());
    let (catalog, found) = fresh(&f);
    let (hit, first, first_found) = load(&f);
    assert!(!hit, "an empty cache cannot hit");
    assert!(entry(&f).is_file(), "the miss wrote an entry");
    let (hit, second, second_found) = load(&f);
    assert!(hit, "the entry written is read back");
    assert_eq!(first, catalog);
    assert_eq!(second, catalog);
    assert_eq!(first_found, found);
    assert_eq!(second_found, found);
    assert!(
        found[0].len() > 1,
        "the queries find something: {:?}",
        found[0]
    );
}

#[test]
fn the_bundled_catalog_as_a_file_round_trips() {
    let f = fixture(career_clusters::catalog::BUNDLED_TOML);
    let (catalog, found) = fresh(&f);
    load(&f);
    assert!(load_same(&f, &catalog, &found, ""));
}

/// Replaces the entry's bytes with `damage(bytes)`, then checks that the load gives the fresh
/// results and writes a sound entry again, and (unless only the searcher's part is damaged: then
/// the catalog's part is still used, and only the index is built again) that it misses.
fn assert_damage_is_a_miss(name: &str, damage: impl Fn(&mut Vec<u8>)) {
    assert_damage_is_handled(name, true, damage)
}

fn assert_damage_is_handled(name: &str, miss: bool, damage: impl Fn(&mut Vec<u8>)) {
    let f = fixture(&small());
    let (catalog, found) = fresh(&f);
    load(&f);
    let mut bytes = std::fs::read(entry(&f)).unwrap();
    damage(&mut bytes);
    std::fs::write(entry(&f), &bytes).unwrap();
    let hit = load_same(&f, &catalog, &found, name);
    assert!(!(miss && hit), "{name}: a damaged entry was used");
    assert!(
        load_same(&f, &catalog, &found, name),
        "{name}: the entry was not rebuilt"
    );
}

#[test]
fn a_truncated_entry_is_a_miss_and_is_rebuilt() {
    for keep in [0.0, 0.001, 0.3, 0.5, 0.9, 0.9999] {
        assert_damage_is_a_miss(&format!("truncated to {keep}"), |b| {
            let len = (b.len() as f64 * keep) as usize;
            b.truncate(len);
        });
    }
    assert_damage_is_a_miss("one byte short", |b| {
        b.pop();
    });
    assert_damage_is_a_miss("one byte more", |b| b.push(0));
}

#[test]
fn an_entry_with_a_flipped_byte_is_a_miss_and_is_rebuilt() {
    let probe = {
        let f = fixture(&small());
        load(&f);
        std::fs::read(entry(&f)).unwrap()
    };
    let (catalog_part, searcher_part) = cache::parts_of(&probe).expect("an entry has two parts");
    // the header's fields for parts 0–2 (the catalog in three) and 3 (the searcher)
    let searcher_sum = cache::header_fields(3).1.start + 3;
    let places = [
        0,                                   // magic
        12,                                  // key
        cache::header_fields(0).0.start + 2, // a length
        cache::header_fields(1).1.start + 5, // a checksum of the catalog
        cache::header_fields(2).0.start,     // the length of the second half
        searcher_sum,                        // the searcher's checksum
        catalog_part.start,                  // the catalog
        (catalog_part.start + catalog_part.end) / 2,
        catalog_part.end - 1, // the second half of the occupations
        searcher_part.start,  // the searcher
        searcher_part.end - 1,
    ];
    for at in places {
        let miss = at < searcher_part.start && at != searcher_sum;
        assert_damage_is_handled(&format!("byte {at} flipped"), miss, |b| b[at] ^= 0x20);
    }
}

#[test]
fn an_entry_of_another_version_is_a_miss() {
    // the key covers the program's and the format's versions: another one is another key
    assert_damage_is_a_miss("another key", |b| {
        for byte in &mut b[8..24] {
            *byte = byte.wrapping_add(1);
        }
    });
    assert_damage_is_a_miss("another magic", |b| b[..8].copy_from_slice(b"ccatalg\x02"));
}

#[test]
fn an_empty_entry_is_a_miss() {
    assert_damage_is_a_miss("empty", Vec::clear);
}

/// Overwrites the searcher's checksum so that it matches the (changed) part.
fn fix_searcher_checksum(bytes: &mut [u8]) {
    let (_, searcher) = cache::parts_of(bytes).unwrap();
    let sum = xxhash_rust::xxh3::xxh3_128(&bytes[searcher]);
    bytes[cache::header_fields(3).1].copy_from_slice(&sum.to_le_bytes());
}

#[test]
fn a_sound_entry_whose_index_belongs_to_another_catalog_is_a_miss() {
    // the other catalog's searcher, spliced in with lengths and checksum made right: it decodes,
    // but its tables do not fit this catalog
    let other = {
        let f = fixture(&catalog_toml(40));
        load(&f);
        std::fs::read(entry(&f)).unwrap()
    };
    let (_, other_searcher) = cache::parts_of(&other).unwrap();
    let other_searcher = other[other_searcher].to_vec();
    let f = fixture(&small());
    let (catalog, found) = fresh(&f);
    load(&f);
    let good = std::fs::read(entry(&f)).unwrap();
    let mut bytes = good.clone();
    let (catalog_part, searcher_part) = cache::parts_of(&bytes).unwrap();
    bytes.truncate(catalog_part.end);
    bytes.extend_from_slice(&other_searcher);
    bytes[cache::header_fields(3).0].copy_from_slice(&(other_searcher.len() as u64).to_le_bytes());
    fix_searcher_checksum(&mut bytes);
    std::fs::write(entry(&f), &bytes).unwrap();
    // the catalog part is sound and is used; the index is built again and the entry rewritten
    load_same(&f, &catalog, &found, "");
    let rebuilt = std::fs::read(entry(&f)).unwrap();
    let (_, rebuilt_searcher) = cache::parts_of(&rebuilt).unwrap();
    assert_eq!(
        rebuilt_searcher.len(),
        searcher_part.len(),
        "the entry was rewritten"
    );
    assert!(load_same(&f, &catalog, &found, ""));
}

#[test]
fn a_directory_in_place_of_the_entry_changes_nothing() {
    let f = fixture(&small());
    let (catalog, found) = fresh(&f);
    std::fs::create_dir_all(entry(&f).join("inside")).unwrap();
    for _ in 0..2 {
        assert!(!load_same(&f, &catalog, &found, ""));
    }
    // never removed: the cache replaces only regular files it wrote
    assert!(entry(&f).join("inside").is_dir());
}

#[test]
fn an_edit_of_one_byte_makes_the_entry_stale() {
    let text = small();
    let f = fixture(&text);
    load(&f);
    assert!(load(&f).0);
    // one byte of a title changed: same length, new content
    let at = text.find("title = \"").unwrap() + 9;
    let mut bytes = text.into_bytes();
    bytes[at] = if bytes[at] == b'Q' { b'Z' } else { b'Q' };
    std::fs::write(&f.catalog, &bytes).unwrap();
    let (catalog, found) = fresh(&f);
    assert!(
        !load_same(&f, &catalog, &found, ""),
        "a stale entry was used"
    );
    // the entry's catalog equals the fresh one, which has the new title
    assert!(
        catalog.title().starts_with(['Q', 'Z']),
        "{}",
        catalog.title()
    );
    assert!(load(&f).0, "the new content was cached");
}

#[test]
fn an_unwritable_cache_directory_changes_nothing() {
    let f = fixture(&small());
    let (catalog, found) = fresh(&f);
    // a file where the directory should be: it can be neither created nor written in
    let blocked = f.catalog.with_file_name("blocked");
    std::fs::write(&blocked, "not a directory").unwrap();
    let f = Fixture {
        cache: Cache::new(blocked.join("cache")),
        ..f
    };
    for _ in 0..2 {
        assert!(!load_same(&f, &catalog, &found, ""));
    }
}

#[test]
fn a_catalog_with_problems_is_never_cached() {
    let f = fixture("title = \"No clusters\"\n");
    assert!(cache::load(&f.catalog, Some(&f.cache)).is_err());
    assert!(!f.cache.dir().exists());
}

#[test]
fn at_most_max_entries_are_kept() {
    let dir = TempDir::new().unwrap();
    let cache = Cache::new(dir.path().join("cache"));
    let text = catalog_toml(5);
    for i in 0..MAX_ENTRIES + 3 {
        let path = dir.path().join(format!("c{i}.toml"));
        std::fs::write(&path, &text).unwrap();
        let loaded = cache::load(&path, Some(&cache)).unwrap();
        loaded.index.searcher(&loaded.catalog);
        // written in order, whatever the clock's resolution
        let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + i as u64);
        let file = std::fs::File::options()
            .write(true)
            .open(cache.entry_path(&path))
            .unwrap();
        file.set_modified(when).unwrap();
    }
    let left: Vec<_> = std::fs::read_dir(cache.dir()).unwrap().collect();
    assert_eq!(left.len(), MAX_ENTRIES);
    // the newest are kept
    let newest = dir.path().join(format!("c{}.toml", MAX_ENTRIES + 2));
    assert!(cache.entry_path(&newest).is_file());
    assert!(!cache.entry_path(&dir.path().join("c0.toml")).exists());
}

// ----- through the binary -----

fn files_in(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(list) => list.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn search_with(cache_dir: &Path, catalog: &Path, extra: &[&str]) -> String {
    let out = cli()
        .env("CAREER_CLUSTERS_CACHE_DIR", cache_dir)
        .args(["search", "therapist", "--data"])
        .arg(catalog)
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_binary_writes_an_entry_and_reads_it_back_with_the_same_output() {
    let f = fixture(&small());
    let cache_dir = f.cache.dir().to_path_buf();
    let uncached = search_with(&cache_dir, &f.catalog, &["--no-cache"]);
    assert!(
        files_in(&cache_dir).is_empty(),
        "--no-cache wrote to the cache"
    );
    let first = search_with(&cache_dir, &f.catalog, &[]);
    let entries = files_in(&cache_dir);
    assert_eq!(entries.len(), 1, "{entries:?}");
    let written = std::fs::read(&entries[0]).unwrap();
    let second = search_with(&cache_dir, &f.catalog, &[]);
    assert_eq!(first, uncached);
    assert_eq!(second, uncached);
    assert!(uncached.lines().count() > 1, "{uncached}");
    // read, not rewritten
    assert_eq!(std::fs::read(&entries[0]).unwrap(), written);
    // the other commands read it too, and agree with the file
    for args in [&["list"][..], &["show", "psychologist-0"]] {
        let with = cli()
            .env("CAREER_CLUSTERS_CACHE_DIR", &cache_dir)
            .args(args)
            .arg("--data")
            .arg(&f.catalog)
            .output()
            .unwrap();
        let without = cli()
            .args(args)
            .arg("--data")
            .arg(&f.catalog)
            .output()
            .unwrap();
        assert_eq!(with.stdout, without.stdout, "{args:?}");
        assert_eq!(with.status.code(), without.status.code(), "{args:?}");
    }
}

#[test]
fn the_binary_survives_a_corrupt_entry_and_rebuilds_it() {
    let f = fixture(&small());
    let cache_dir = f.cache.dir().to_path_buf();
    let expected = search_with(&cache_dir, &f.catalog, &["--no-cache"]);
    search_with(&cache_dir, &f.catalog, &[]);
    let entry = files_in(&cache_dir).remove(0);
    let good = std::fs::read(&entry).unwrap();
    for bad in [&good[..good.len() / 2], b"", &good[..40]] {
        std::fs::write(&entry, bad).unwrap();
        assert_eq!(search_with(&cache_dir, &f.catalog, &[]), expected);
        assert_eq!(std::fs::read(&entry).unwrap().len(), good.len(), "rebuilt");
    }
}

#[test]
fn check_never_reads_or_writes_the_cache() {
    let dir = TempDir::new().unwrap();
    let cache_dir = dir.path().join("cache");
    let good = dir.path().join("good.toml");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&good, small()).unwrap();
    std::fs::write(
        &bad,
        "title = \"Broken\"\n[[clusters]]\nid = \"Not Kebab\"\n",
    )
    .unwrap();
    let check = |file: &Path| {
        cli()
            .env("CAREER_CLUSTERS_CACHE_DIR", &cache_dir)
            .arg("check")
            .arg(file)
            .output()
            .unwrap()
    };
    // nothing written for a file that is fine
    let ok = check(&good);
    assert!(ok.status.success(), "{ok:?}");
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("ok: "));
    assert!(files_in(&cache_dir).is_empty(), "check wrote to the cache");
    let reference = check(&bad);
    assert!(!reference.status.success());
    // corrupt entries planted where each file's entry would be
    let cache = Cache::new(&cache_dir);
    std::fs::create_dir_all(&cache_dir).unwrap();
    for file in [&good, &bad] {
        std::fs::write(cache.entry_path(file), b"ccatalg\ngarbage").unwrap();
    }
    let before: Vec<_> = files_in(&cache_dir)
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let again = check(&bad);
    assert_eq!(again.stdout, reference.stdout);
    assert_eq!(again.stderr, reference.stderr);
    assert_eq!(again.status.code(), reference.status.code());
    let ok_again = check(&good);
    assert_eq!(ok_again.stdout, ok.stdout);
    let after: Vec<_> = files_in(&cache_dir)
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert_eq!(before, after, "check touched the cache");
    // and a sound entry of the good file's content does not make the bad file pass: the entry
    // is keyed by content, and check does not look
    search_with(&cache_dir, &good, &[]);
    std::fs::copy(cache.entry_path(&good), cache.entry_path(&bad)).unwrap();
    assert_eq!(check(&bad).stdout, reference.stdout);
}

#[test]
fn the_browser_writes_an_entry_and_finds_the_same_with_it() {
    let f = fixture(&small());
    let cache_dir = f.cache.dir().to_path_buf();
    let catalog = f.catalog.to_str().unwrap().to_string();
    let cache_env = cache_dir.to_str().unwrap().to_string();
    for round in ["cold", "warm"] {
        let mut tui = Tui::launch(Launch {
            cols: 100,
            rows: 30,
            args: &["--data", &catalog],
            env: &[("CAREER_CLUSTERS_CACHE_DIR", &cache_env)],
            ..Launch::default()
        });
        tui.wait_for_text(&["120 occupations"]);
        tui.send(b"physio");
        tui.wait_for_text(&["of 120 occupations", "Physiotherapist"]);
        tui.send(b"\x03");
        let status = tui.wait_exit();
        assert!(status.success(), "{round}: {status:?}");
        assert_eq!(files_in(&cache_dir).len(), 1, "{round}");
    }
}

#[test]
fn strings_longer_than_the_read_buffer_round_trip() {
    // the cache reads 256 KiB at a time: this catalog has strings across every boundary, one of
    // them longer than the buffer, and a word ("zq…") that is found in it
    let long: String = (0..100_000).map(|i| format!("w{i} ")).collect();
    let text = small().replacen(
        "summary = \"Studies how people",
        &format!("summary = \"{long}zqlongword and studies how people"),
        1,
    );
    assert!(long.len() > 2 * 256 * 1024);
    let f = fixture(&text);
    let (catalog, found) = fresh(&f);
    load(&f);
    assert!(load_same(&f, &catalog, &found, ""));
    let loaded = cache::load(&f.catalog, Some(&f.cache)).unwrap();
    let searcher = loaded.index.searcher(&loaded.catalog);
    let hits = searcher.search(&Query::parse("zqlongword"));
    assert_eq!(hits.len(), 1, "{hits:?}");
    let at = long.chars().count();
    assert_eq!(hits[0].highlights[0].range, at..at + "zqlongword".len());
}

#[test]
fn a_posting_of_no_field_is_refused_even_with_a_right_checksum() {
    // the postings are the searcher part's last bytes, 12 each; a posting's kind is bits 21–24
    // of its first four bytes, little-endian (bits 5–7 of the third byte and bit 0 of the
    // fourth), and 15 is no kind
    let f = fixture(&small());
    let (catalog, found) = fresh(&f);
    load(&f);
    let mut bytes = std::fs::read(entry(&f)).unwrap();
    let (_, searcher) = cache::parts_of(&bytes).unwrap();
    bytes[searcher.end - 12 + 2] |= 0b1110_0000;
    bytes[searcher.end - 12 + 3] |= 0b0000_0001;
    fix_searcher_checksum(&mut bytes);
    std::fs::write(entry(&f), &bytes).unwrap();
    load_same(&f, &catalog, &found, "");
    // a posting accepted would have left the entry as it was
    let now = std::fs::read(entry(&f)).unwrap();
    assert!(now != bytes, "the damaged entry was kept");
    assert!(
        load_same(&f, &catalog, &found, ""),
        "the rewritten entry is used"
    );
}
