//! The parsed-catalog cache: a catalog file's validated [`Catalog`] and its search index
//! ([`Searcher`]), kept on disk so the next start skips parsing, validating and indexing, as bat
//! caches its syntax sets.
//!
//! - **Where**: `$CAREER_CLUSTERS_CACHE_DIR` if set, else the platform's cache directory
//!   (`$XDG_CACHE_HOME/career-clusters/` or `~/.cache/career-clusters/` on Linux,
//!   `~/Library/Caches/career-clusters/` on macOS), through the `directories` crate.
//! - **One file per catalog path**: `catalog-<hash of the absolute path>.bin`, replaced when
//!   stale. At most [`MAX_ENTRIES`] are kept: writing one more removes the least recently
//!   written, and temporary files a killed process left behind are removed too.
//! - **Key**: a 128-bit XXH3 hash of the catalog file's bytes, the program's version, the catalog
//!   format's version, [`CACHE_FORMAT`] and the executable's size and modification time (so a
//!   rebuilt program never reads what another build wrote, even at the same version). The bytes
//!   are read and hashed on every start (a few milliseconds for 13 MB): a path, size and
//!   modification time alone can miss an edit made within the clock's resolution.
//! - **Format**: a header (magic, key, and the length and 128-bit XXH3 checksum of each part),
//!   then four parts, each encoded with postcard: the catalog without its occupations, the first
//!   and the second half of its occupations (decoded side by side, on two threads), and the
//!   searcher, whose postings table follows its other tables as raw bytes (12 bytes a posting,
//!   read straight into place: 1.5 million of them at 10,000 occupations). The searcher's part
//!   is read and checked only when wanted: the commands that need only the catalog never read
//!   it, and the browser reads it on another thread once its first frame is drawn. Each part is
//!   decoded as it is read, through a small buffer, and never held whole.
//! - **Failure**: anything wrong with a cache file — missing, truncated, a flipped byte, another
//!   version, undecodable, decoded but inconsistent with itself ([`Catalog::is_consistent`],
//!   [`Searcher::fits`]), a directory in its place — is a miss: the catalog is read from its file
//!   as if there were no cache, and the result is the same. Writing is best effort: a failure to
//!   write (an unwritable directory, a full disk) is ignored. Writes go through
//!   [`crate::atomic`], so a cache file is never seen half-written.
//!
//! Only catalog files are cached; the bundled catalog is embedded and loads in about a
//! millisecond. `check` never uses the cache: it must read the file itself. `--no-cache`
//! bypasses it (nothing read, nothing written). This module must not print or fail a command:
//! its only effects are files in its own directory.

use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::atomic::{self, Existing};
use crate::catalog::{CacheShell, Catalog, CatalogError, Occupation};
use crate::search::Searcher;
use crate::search::index::Posting;

/// The layout of a cache file. Bump it whenever the header or any encoded type changes shape
/// (the executable's fingerprint in the key catches rebuilds, but not a copy of another build).
pub const CACHE_FORMAT: u32 = 4;
/// Overrides the cache directory (tests, or a cache on another disk).
pub const ENV_CACHE_DIR: &str = "CAREER_CLUSTERS_CACHE_DIR";
/// How many catalogs' entries are kept.
pub const MAX_ENTRIES: usize = 8;
/// A cache file larger than this is not read (no catalog within the file limit comes close).
const MAX_ENTRY_BYTES: u64 = 1 << 30;

const MAGIC: &[u8; 8] = b"ccatalg\n";
/// The parts of an entry, in file order: the catalog without its occupations, the first and
/// the second half of the occupations, and the searcher.
const PARTS: usize = 4;
const SEARCHER: usize = 3;
/// magic, key, then each part's length and checksum
const HEADER_BYTES: usize = 8 + 16 + PARTS * (8 + 16);
const PREFIX: &str = "catalog-";
const SUFFIX: &str = ".bin";

/// Where cache files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// What a cache file's name and header are checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key(u128);

impl Cache {
    /// A cache in `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// `$CAREER_CLUSTERS_CACHE_DIR`, else the platform's cache directory; none when the platform
    /// has neither (no home directory).
    pub fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Option<Cache> {
        if let Some(dir) = env(ENV_CACHE_DIR).filter(|d| !d.is_empty()) {
            return Some(Cache::new(dir));
        }
        directories::ProjectDirs::from("", "", "career-clusters")
            .map(|dirs| Cache::new(dirs.cache_dir()))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding the entry for the catalog at `catalog`.
    pub fn entry_path(&self, catalog: &Path) -> PathBuf {
        let absolute = std::fs::canonicalize(catalog)
            .or_else(|_| std::path::absolute(catalog))
            .unwrap_or_else(|_| catalog.to_path_buf());
        let hash = xxh3_64(absolute.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{PREFIX}{hash:016x}{SUFFIX}"))
    }
}

/// A catalog read through the cache, with what it takes to have its search index.
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub index: IndexSource,
}

impl Loaded {
    /// Whether the catalog came from the cache.
    pub fn hit(&self) -> bool {
        matches!(self.index.0, Pending::Encoded(..))
    }
}

/// How to get the search index of a [`Loaded`] catalog: decode it from the cache, or build it
/// (and then write the cache entry). It can be sent to another thread.
#[derive(Debug)]
pub struct IndexSource(Pending);

#[derive(Debug)]
enum Pending {
    /// The searcher's part of the cache entry, still unread (the file stays open, so a newer
    /// entry renamed over it meanwhile changes nothing); should it not be sound or not fit the
    /// catalog, the index is built and the entry written again.
    Encoded(Part, Store),
    /// Built from the catalog; then written to the entry, if any.
    Build(Option<Store>),
}

/// An unread part of an entry file: the open file, positioned at the part, and its length and
/// checksum from the header.
#[derive(Debug)]
struct Part {
    file: std::fs::File,
    len: u64,
    checksum: u128,
}

impl Part {
    /// The searcher of this part: its encoded tables, then its postings as raw bytes, to the end
    /// of the part. `None` unless every byte is there, the checksum matches and the postings are
    /// exactly as many as the tables call for (whether they fit the catalog is for the caller).
    fn decode_searcher(mut self) -> Option<Searcher> {
        let mut stream = Stream::new(&mut self.file, self.len);
        let mut searcher = stream.decode::<Searcher>()?;
        let expected = searcher.postings_expected();
        let bytes = expected.checked_mul(std::mem::size_of::<Posting>())?;
        if stream.left() != bytes as u64 {
            return None;
        }
        let mut postings = bytemuck::zeroed_vec::<Posting>(expected);
        stream.read_raw(bytemuck::cast_slice_mut(&mut postings))?;
        stream.finish(self.checksum)?;
        searcher.set_postings(postings);
        Some(searcher)
    }
}

/// How much of a part is read at a time.
const CHUNK: usize = 256 * 1024;

/// One part of an entry, read once, front to back, through a buffer of [`CHUNK`] bytes and a
/// hasher: the part is never held whole (holding it while it decoded was a quarter of a big
/// catalog's peak memory). It is a postcard flavor for decoding owned values (postcard's own
/// `from_io` reads a byte at a time and needs room for everything borrowed, fixed in advance);
/// a string that straddles two fills is copied whole into `scratch`.
///
/// The checksum is checked at the end ([`Stream::finish`]), so damaged bytes are decoded before
/// they are known to be damaged. That is safe because every length in them is checked against
/// the bytes left ([`Flavor::size_hint`] is what postcard caps a sequence's preallocation with),
/// so a damaged length can only fail, never allocate more than the part could hold.
///
/// [`Flavor::size_hint`]: postcard::de_flavors::Flavor::size_hint
struct Stream<'f> {
    file: &'f mut std::fs::File,
    /// Bytes of the part not yet read from the file.
    unread: u64,
    buf: Vec<u8>,
    at: usize,
    end: usize,
    scratch: Vec<u8>,
    hash: Xxh3,
}

impl<'f> Stream<'f> {
    /// The `len` bytes at `file`'s position.
    fn new(file: &'f mut std::fs::File, len: u64) -> Stream<'f> {
        Stream {
            file,
            unread: len,
            buf: vec![0u8; CHUNK],
            at: 0,
            end: 0,
            scratch: Vec::new(),
            hash: Xxh3::new(),
        }
    }

    /// Decodes one `T` from the bytes that follow.
    fn decode<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        let mut de = postcard::Deserializer::from_flavor(Flavor(self));
        T::deserialize(&mut de).ok()
    }

    /// Decodes a sequence of `T` from the whole part onto the end of `out`; its bytes must
    /// match `checksum`.
    fn append_whole<T: serde::de::DeserializeOwned>(
        mut self,
        out: &mut Vec<T>,
        checksum: u128,
    ) -> Option<()> {
        let mut de = postcard::Deserializer::from_flavor(Flavor(&mut self));
        serde::de::DeserializeSeed::deserialize(AppendTo(out), &mut de).ok()?;
        self.finish(checksum)
    }

    /// Decodes one `T` from the whole part, whose bytes must match `checksum`.
    fn decode_whole<T: serde::de::DeserializeOwned>(mut self, checksum: u128) -> Option<T> {
        let value = self.decode()?;
        self.finish(checksum)?;
        Some(value)
    }

    /// The bytes of the part not yet taken.
    fn left(&self) -> u64 {
        (self.end - self.at) as u64 + self.unread
    }

    /// Reads exactly `out.len()` unread bytes from the file, hashing them.
    fn read_file(&mut self, out: &mut [u8]) -> Option<()> {
        if (out.len() as u64) > self.unread {
            return None;
        }
        self.file.read_exact(out).ok()?;
        self.unread -= out.len() as u64;
        self.hash.update(out);
        Some(())
    }

    /// Refills the buffer; `None` at the end of the part (or on an error).
    #[cold]
    #[inline(never)]
    fn fill(&mut self) -> Option<()> {
        let n = usize::try_from(self.unread.min(CHUNK as u64)).ok()?;
        if n == 0 {
            return None;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let read = self.read_file(&mut buf[..n]);
        self.buf = buf;
        read?;
        (self.at, self.end) = (0, n);
        Some(())
    }

    /// Fills `out` with the next bytes of the part.
    fn read_raw(&mut self, out: &mut [u8]) -> Option<()> {
        let buffered = (self.end - self.at).min(out.len());
        let (head, rest) = out.split_at_mut(buffered);
        head.copy_from_slice(&self.buf[self.at..self.at + buffered]);
        self.at += buffered;
        self.read_file(rest)
    }

    /// `Some` if the part was used up exactly and its bytes match `checksum`.
    fn finish(self, checksum: u128) -> Option<()> {
        (self.left() == 0 && self.hash.digest128() == checksum).then_some(())
    }
}

/// Decodes a sequence onto the end of a `Vec` that has room for it, instead of into a `Vec` of
/// its own that would then be copied (at 10,000 occupations, 2 MB and 2–3 ms).
struct AppendTo<'v, T>(&'v mut Vec<T>);

impl<'de, T: serde::Deserialize<'de>> serde::de::DeserializeSeed<'de> for AppendTo<'_, T> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for AppendTo<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element()? {
            self.0.push(item);
        }
        Ok(())
    }
}

/// [`Stream`] as a postcard flavor.
struct Flavor<'s, 'f>(&'s mut Stream<'f>);

impl<'de, 's: 'de, 'f: 'de> postcard::de_flavors::Flavor<'de> for Flavor<'s, 'f> {
    type Remainder = ();
    type Source = ();

    #[inline(always)]
    fn pop(&mut self) -> postcard::Result<u8> {
        let s = &mut *self.0;
        if s.at == s.end && s.fill().is_none() {
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        }
        s.at += 1;
        Ok(s.buf[s.at - 1])
    }

    fn size_hint(&self) -> Option<usize> {
        usize::try_from(self.0.left()).ok()
    }

    fn try_take_n(&mut self, _: usize) -> postcard::Result<&'de [u8]> {
        // nothing the cache holds borrows from its input
        Err(postcard::Error::DeserializeUnexpectedEnd)
    }

    #[inline]
    fn try_take_n_temp<'a>(&'a mut self, ct: usize) -> postcard::Result<&'a [u8]>
    where
        'de: 'a,
    {
        let s = &mut *self.0;
        if s.end - s.at >= ct {
            s.at += ct;
            return Ok(&s.buf[s.at - ct..s.at]);
        }
        if ct as u64 > s.left() {
            return Err(postcard::Error::DeserializeUnexpectedEnd);
        }
        let mut scratch = std::mem::take(&mut s.scratch);
        scratch.clear();
        scratch.resize(ct, 0);
        let read = s.read_raw(&mut scratch);
        s.scratch = scratch;
        read.ok_or(postcard::Error::DeserializeUnexpectedEnd)?;
        Ok(&s.scratch)
    }

    fn finalize(self) -> postcard::Result<()> {
        Ok(())
    }
}

/// Where an entry goes: the cache, the entry file and the key of the bytes read.
#[derive(Debug)]
struct Store {
    cache: Cache,
    entry: PathBuf,
    key: Key,
}

/// Reads the catalog at `path`: from its cache entry when `cache` is given and the entry is
/// current and sound, else from the file itself (a miss). A miss gives exactly what
/// [`Catalog::from_path`] gives, errors included; an entry is written later, by
/// [`IndexSource::searcher`], only for a catalog that loaded.
pub fn load(path: &Path, cache: Option<&Cache>) -> Result<Loaded, CatalogError> {
    let Some(cache) = cache else {
        return Ok(Loaded {
            catalog: Catalog::from_path(path)?,
            index: IndexSource(Pending::Build(None)),
        });
    };
    let entry = cache.entry_path(path);
    // The catalog file is hashed (in pieces, so a hit never holds its text) on another thread
    // while the entry decodes: a hit costs the longer of the two, not both (at 10,000
    // occupations, hashing the 13 MB file takes 5–7 ms of the 30). A stale entry is decoded for
    // nothing, beside the hashing; the miss that follows parses the file as before.
    let (key, read) = std::thread::scope(|s| {
        let key = s.spawn(|| key_of_file(path));
        let read = read_entry(&entry);
        (key.join().ok().flatten(), read)
    });
    if let Some(key) = key
        && let Some((catalog, searcher, written)) = read
        && written == key
    {
        let store = Store {
            cache: cache.clone(),
            entry,
            key,
        };
        return Ok(Loaded {
            catalog,
            index: IndexSource(Pending::Encoded(searcher, store)),
        });
    }
    // the key of the bytes parsed, should the file have changed since it was hashed
    let (bytes, origin) = Catalog::read_file(path)?;
    let key = key_of(&bytes);
    let catalog = Catalog::from_bytes(&bytes, &origin)?;
    drop(bytes);
    Ok(Loaded {
        catalog,
        index: IndexSource(Pending::Build(Some(Store {
            cache: cache.clone(),
            entry,
            key,
        }))),
    })
}

impl IndexSource {
    /// An index built from the catalog, with no cache to write.
    pub fn build() -> IndexSource {
        IndexSource(Pending::Build(None))
    }

    /// The search index of `catalog` (the catalog it came with).
    pub fn searcher(self, catalog: &Catalog) -> Searcher {
        let mut out = None;
        self.deliver(catalog, |s| out = Some(s));
        out.unwrap_or_else(|| Searcher::new(catalog))
    }

    /// Hands the search index of `catalog` to `give` as soon as it is there, then writes the
    /// cache entry if the index had to be built (so a waiting browser need not wait for the
    /// disk).
    pub fn deliver(self, catalog: &Catalog, give: impl FnOnce(Searcher)) {
        let store = match self.0 {
            Pending::Encoded(part, store) => {
                let decoded = part.decode_searcher().filter(|s| s.fits(catalog));
                match decoded {
                    Some(searcher) => return give(searcher),
                    None => store,
                }
            }
            Pending::Build(None) => return give(Searcher::new(catalog)),
            Pending::Build(Some(store)) => store,
        };
        let searcher = Searcher::new(catalog);
        let encoded = encode(store.key, catalog, &searcher);
        give(searcher);
        if let Some(encoded) = encoded {
            write_entry(&store.cache, &store.entry, &encoded);
        }
    }
}

/// The key for a catalog file's bytes, read by this build of the program.
fn key_of(bytes: &[u8]) -> Key {
    let mut h = key_hasher();
    h.update(bytes);
    Key(h.digest128())
}

/// [`key_of`] the file at `path`, read in pieces; `None` if it cannot be read as a catalog file
/// (then the miss path reports why).
fn key_of_file(path: &Path) -> Option<Key> {
    let file = crate::input::open_regular(path).ok()?;
    let mut file = file.take(crate::catalog::MAX_FILE_BYTES + 1);
    let mut h = key_hasher();
    let mut buf = vec![0u8; 256 * 1024];
    let mut total = 0u64;
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                h.update(&buf[..n]);
                total += n as u64;
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    (total <= crate::catalog::MAX_FILE_BYTES).then(|| Key(h.digest128()))
}

/// A hasher fed with everything in the key but the catalog's bytes.
fn key_hasher() -> Xxh3 {
    let mut h = Xxh3::new();
    h.update(MAGIC);
    h.update(&CACHE_FORMAT.to_le_bytes());
    for part in [env!("CARGO_PKG_VERSION"), crate::catalog::FORMAT_VERSION] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.update(&executable_fingerprint());
    // the postings are stored as this machine lays them out
    h.update(&[
        u8::from(cfg!(target_endian = "little")),
        std::mem::size_of::<Posting>() as u8,
    ]);
    h
}

/// The running executable's size and modification time, so each build has its own entries.
fn executable_fingerprint() -> [u8; 24] {
    let mut out = [0u8; 24];
    let meta = std::env::current_exe().and_then(std::fs::metadata);
    if let Ok(meta) = meta {
        out[..8].copy_from_slice(&meta.len().to_le_bytes());
        if let Ok(since) = meta
            .modified()
            .map(|m| m.duration_since(std::time::UNIX_EPOCH))
            && let Ok(since) = since
        {
            out[8..16].copy_from_slice(&since.as_secs().to_le_bytes());
            out[16..20].copy_from_slice(&since.subsec_nanos().to_le_bytes());
        }
    }
    out
}

/// The header fields of an entry.
struct Header {
    key: Key,
    /// Each part's length and checksum.
    parts: [(u64, u128); PARTS],
}

impl Header {
    fn parse(bytes: &[u8; HEADER_BYTES]) -> Option<Header> {
        let (magic, rest) = bytes.split_at(8);
        if magic != MAGIC {
            return None;
        }
        let u64_at = |at: usize| rest[at..at + 8].try_into().ok().map(u64::from_le_bytes);
        let u128_at = |at: usize| rest[at..at + 16].try_into().ok().map(u128::from_le_bytes);
        let mut parts = [(0, 0); PARTS];
        for (i, part) in parts.iter_mut().enumerate() {
            let at = 16 + i * 24;
            *part = (u64_at(at)?, u128_at(at + 8)?);
        }
        Some(Header {
            key: Key(u128_at(0)?),
            parts,
        })
    }

    fn write(&self, out: &mut [u8]) {
        out[..8].copy_from_slice(MAGIC);
        out[8..24].copy_from_slice(&self.key.0.to_le_bytes());
        for (i, (len, sum)) in self.parts.iter().enumerate() {
            let at = 24 + i * 24;
            out[at..at + 8].copy_from_slice(&len.to_le_bytes());
            out[at + 8..at + 24].copy_from_slice(&sum.to_le_bytes());
        }
    }

    /// Where each part starts in the file, and where the last ends; `None` if that overflows.
    fn bounds(&self) -> Option<[u64; PARTS + 1]> {
        let mut out = [HEADER_BYTES as u64; PARTS + 1];
        for i in 0..PARTS {
            out[i + 1] = out[i].checked_add(self.parts[i].0)?;
        }
        Some(out)
    }
}

/// The catalog of a sound entry, its searcher's part, unread, and the key it was written for;
/// `None` for anything else. Whether the key is current is for the caller: it is checked after
/// decoding, so that hashing the catalog file and decoding its entry run side by side.
///
/// The second half of the occupations decodes on another thread, from a second handle on the
/// file, while this one decodes the rest: at 10,000 occupations that takes the catalog's
/// decoding from about 27 to about 16 ms. Should the entry be replaced between the two opens,
/// the second handle reads another file, whose bytes fail this header's checksum.
fn read_entry(path: &Path) -> Option<(Catalog, Part, Key)> {
    let mut file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_ENTRY_BYTES {
        return None;
    }
    let mut head = [0u8; HEADER_BYTES];
    file.read_exact(&mut head).ok()?;
    let header = Header::parse(&head)?;
    let bounds = header.bounds()?;
    if bounds[PARTS] != meta.len() {
        return None;
    }
    let [shell, first, second, searcher] = header.parts;
    let halves = first.0.checked_add(second.0)?;
    let (shell, occupations) = std::thread::scope(|s| {
        let second = s.spawn(|| {
            let mut file = std::fs::File::open(path).ok()?;
            file.seek(SeekFrom::Start(bounds[2])).ok()?;
            Stream::new(&mut file, second.0).decode_whole::<Vec<Occupation>>(second.1)
        });
        let shell = Stream::new(&mut file, shell.0).decode_whole::<CacheShell>(shell.1)?;
        // room for all of them (as many as the clusters hold, and no more than the bytes
        // could), so that the second half is only moved in
        let total: usize = shell.2.iter().map(|c| c.occupations().len()).sum();
        let room = total.min(usize::try_from(halves).ok()?);
        let mut occupations = Vec::with_capacity(room);
        Stream::new(&mut file, first.0).append_whole(&mut occupations, first.1)?;
        occupations.append(&mut second.join().ok().flatten()?);
        Some((shell, occupations))
    })?;
    let catalog = Catalog::from_cache_parts(shell, occupations)?;
    file.seek(SeekFrom::Start(bounds[SEARCHER])).ok()?;
    let (len, checksum) = searcher;
    let searcher = Part {
        file,
        len,
        checksum,
    };
    Some((catalog, searcher, header.key))
}

/// A whole entry file's bytes.
fn encode(key: Key, catalog: &Catalog, searcher: &Searcher) -> Option<Vec<u8>> {
    let (shell, occupations) = catalog.cache_parts();
    let (first, second) = occupations.split_at(occupations.len() / 2);
    let mut out = vec![0u8; HEADER_BYTES];
    let mut ends = [0usize; PARTS];
    out = postcard::to_extend(&shell, out).ok()?;
    ends[0] = out.len();
    out = postcard::to_extend(first, out).ok()?;
    ends[1] = out.len();
    out = postcard::to_extend(second, out).ok()?;
    ends[2] = out.len();
    out = postcard::to_extend(searcher, out).ok()?;
    out.extend_from_slice(bytemuck::cast_slice(searcher.postings()));
    ends[SEARCHER] = out.len();
    let mut parts = [(0, 0); PARTS];
    let mut start = HEADER_BYTES;
    for (part, end) in parts.iter_mut().zip(ends) {
        *part = ((end - start) as u64, xxh3_128(&out[start..end]));
        start = end;
    }
    Header { key, parts }.write(&mut out[..HEADER_BYTES]);
    Some(out)
}

/// Writes an entry atomically, then trims the directory; every failure is ignored.
fn write_entry(cache: &Cache, entry: &Path, bytes: &[u8]) {
    if std::fs::create_dir_all(&cache.dir).is_err() {
        return;
    }
    if atomic::write(entry, bytes, Existing::Replace).is_ok() {
        evict(&cache.dir, entry);
    }
}

/// Keeps at most [`MAX_ENTRIES`] entries (the most recently written, `keep` always among them),
/// and removes temporary files older than an hour (left by a process killed while writing).
fn evict(dir: &Path, keep: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries = Vec::new();
    let now = std::time::SystemTime::now();
    for item in listing.flatten() {
        let name = item.file_name();
        let name = name.to_string_lossy();
        let Ok(meta) = item.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
        if name.starts_with(&format!(".{PREFIX}")) && name.ends_with(".tmp") {
            let old = now
                .duration_since(modified)
                .is_ok_and(|age| age.as_secs() > 3600);
            if old {
                let _ = std::fs::remove_file(item.path());
            }
        } else if name.starts_with(PREFIX) && name.ends_with(SUFFIX) && item.path() != keep {
            entries.push((modified, item.path()));
        }
    }
    // `keep` is the newest; the others are trimmed oldest first
    if entries.len() >= MAX_ENTRIES {
        entries.sort();
        for (_, path) in &entries[..entries.len() + 1 - MAX_ENTRIES] {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The byte ranges of an entry file's catalog (its first three parts) and searcher, for tests
/// that damage one.
#[doc(hidden)]
pub fn parts_of(bytes: &[u8]) -> Option<(Range<usize>, Range<usize>)> {
    let head: &[u8; HEADER_BYTES] = bytes.get(..HEADER_BYTES)?.try_into().ok()?;
    let bounds = Header::parse(head)?.bounds()?.map(|b| b as usize);
    Some((bounds[0]..bounds[SEARCHER], bounds[SEARCHER]..bounds[PARTS]))
}

/// Where a part's length and checksum are in the header, for tests that damage one.
#[doc(hidden)]
pub fn header_fields(part: usize) -> (Range<usize>, Range<usize>) {
    let at = 24 + part * 24;
    (at..at + 8, at + 8..at + 24)
}
