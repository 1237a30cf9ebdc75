//! Writing output files atomically: a reader of the target sees the old file or the whole new
//! one, never a partial one, and an existing file is never replaced unless the caller asks.
//!
//! Both commands that write files use this: `export -o FILE` and the browser's handouts
//! ([`crate::export`]), and `import noc -o FILE [--force]` ([`crate::import`]).
//!
//! The contents go to a hidden temporary file in the target's directory (so the final rename
//! never crosses file systems), are flushed to disk, and the temporary file is then renamed to
//! the target: with [`Existing::Refuse`] without ever replacing a file (`renameat2` with
//! `RENAME_NOREPLACE`, or a hard link where that is unsupported), with [`Existing::Replace`] over
//! the regular file that is there (a directory, symbolic link, FIFO, device or socket is refused,
//! never replaced). On any failure the temporary file is removed. The new file gets the
//! usual permissions of a new file (`0666` less the umask), not a temporary file's private `0600`.
//!
//! Errors ([`WriteError`]) name the path and give the OS's reason, never the temporary file's
//! name. Their wording is neutral: each command adds its own hint ("choose another name with
//! -o", "use --force to replace it").

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::text::sanitize;

/// [`write_numbered`] tries `STEM.EXT`, then `STEM-2.EXT` up to `STEM-{MAX_NUMBERED}.EXT`.
pub const MAX_NUMBERED: u32 = 999;

/// What to do when the target file exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Leave it untouched and fail with [`WriteError::Exists`], even when it appears while the
    /// new file is being written.
    Refuse,
    /// Replace it, in one step: a reader sees the old file or the new one.
    Replace,
}

/// Why a file could not be written. Nothing was changed: the target (if any) is as it was and no
/// temporary file is left behind.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The target exists and [`Existing::Refuse`] was asked for; it was left untouched.
    #[error("{} already exists", shown(.0))]
    Exists(PathBuf),
    /// The target is a directory, which [`Existing::Replace`] does not replace.
    #[error("cannot replace {}: it is a directory", shown(.0))]
    IsADirectory(PathBuf),
    /// The target is a symbolic link, a FIFO, a device or a socket: only a regular file is
    /// replaced, so a device node, a pipe another program reads or the file a link points to is
    /// never swapped for a new file.
    #[error("cannot replace {}: it is {kind}, and only a regular file is replaced{}", shown(.path), link_hint(.target.as_deref()))]
    NotARegularFile {
        path: PathBuf,
        kind: &'static str,
        /// Where a symbolic link points.
        target: Option<PathBuf>,
    },
    /// The directory to write in does not exist.
    #[error("cannot write to {}: the directory does not exist ({source})", shown(.dir))]
    MissingDirectory { dir: PathBuf, source: io::Error },
    /// The directory cannot be written in (not a directory, no permission, read-only, disk full).
    #[error("cannot write to {}: {source}", shown(.dir))]
    Unwritable { dir: PathBuf, source: io::Error },
    /// The path has no file name (`/`, `..`, `dir/`), or a stem or extension is not part of a
    /// plain file name.
    #[error("\"{}\" is not a file name", shown(.0))]
    NotAFileName(PathBuf),
    /// Every name [`write_numbered`] tries is taken.
    #[error(
        "cannot write to {}: {} and {} to {} all exist",
        shown(.dir),
        numbered(.stem, .ext, 1),
        numbered(.stem, .ext, 2),
        numbered(.stem, .ext, MAX_NUMBERED)
    )]
    NoFreeName {
        dir: PathBuf,
        stem: String,
        ext: String,
    },
}

/// What a file that is not a regular file is, in words.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

fn link_hint(target: Option<&Path>) -> String {
    match target {
        Some(target) => format!(
            " (it points to {}; name that file to replace it)",
            shown(target)
        ),
        None => String::new(),
    }
}

/// A path as shown in a message: control characters made visible.
fn shown(path: &Path) -> String {
    sanitize(&path.display().to_string())
}

/// The `n`th name [`write_numbered`] tries: `STEM.EXT`, `STEM-2.EXT`, … (no dot when `ext` is
/// empty).
fn numbered(stem: &str, ext: &str, n: u32) -> String {
    let stem = if n == 1 {
        stem.to_string()
    } else {
        format!("{stem}-{n}")
    };
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

/// Writes `contents` to `path` atomically and returns the absolute path written (made absolute
/// against the working directory, symbolic links left as they are).
///
/// With [`Existing::Refuse`] an existing `path`, even one that appears meanwhile, is left
/// untouched and the result is [`WriteError::Exists`]. With [`Existing::Replace`] an existing
/// regular file is replaced in one rename; a directory, a symbolic link, a FIFO, a device or a
/// socket is refused ([`WriteError::IsADirectory`], [`WriteError::NotARegularFile`]).
pub fn write(
    path: &Path,
    contents: impl AsRef<[u8]>,
    existing: Existing,
) -> Result<PathBuf, WriteError> {
    let dir = directory_of(path)?;
    match (existing, std::fs::symlink_metadata(path)) {
        // refused before anything is written; the no-clobber rename settles any race
        (Existing::Refuse, Ok(_)) => return Err(WriteError::Exists(path.to_path_buf())),
        (Existing::Replace, Ok(meta)) if meta.is_dir() => {
            return Err(WriteError::IsADirectory(path.to_path_buf()));
        }
        (Existing::Replace, Ok(meta)) if !meta.is_file() => {
            return Err(WriteError::NotARegularFile {
                path: path.to_path_buf(),
                kind: kind_of(&meta),
                target: std::fs::read_link(path).ok(),
            });
        }
        _ => {}
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let file = temp_file(dir, name.as_deref().unwrap_or_default(), contents.as_ref())?;
    persist(file, path, dir, existing).map_err(|(_, e)| e)?;
    Ok(absolute(path))
}

/// Writes `contents` to a new file in `dir` named `STEM.EXT`, or `STEM-2.EXT`, `STEM-3.EXT`, …
/// (the first that does not exist, up to `STEM-{MAX_NUMBERED}.EXT`; without the dot when `ext`
/// is empty), and returns the absolute path written. `stem` must be a plain file name and `ext`
/// an extension without the dot. The contents are written once, to a temporary file, which is
/// then renamed to each candidate in turn without ever replacing a file: as atomic as [`write()`]
/// with [`Existing::Refuse`].
pub fn write_numbered(
    dir: &Path,
    stem: &str,
    ext: &str,
    contents: impl AsRef<[u8]>,
) -> Result<PathBuf, WriteError> {
    if !is_plain_name(stem) {
        return Err(WriteError::NotAFileName(PathBuf::from(stem)));
    }
    if ext.contains(['/', '\\', '\0']) {
        return Err(WriteError::NotAFileName(PathBuf::from(numbered(
            stem, ext, 1,
        ))));
    }
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    check_directory(dir)?;
    let mut file = temp_file(dir, stem, contents.as_ref())?;
    for n in 1..=MAX_NUMBERED {
        let target = dir.join(numbered(stem, ext, n));
        match persist(file, &target, dir, Existing::Refuse) {
            Ok(()) => return Ok(absolute(&target)),
            Err((back, WriteError::Exists(_))) => file = back,
            Err((_, e)) => return Err(e),
        }
    }
    Err(WriteError::NoFreeName {
        dir: absolute(dir),
        stem: stem.to_string(),
        ext: ext.to_string(),
    })
}

/// A stem that names a file in the directory itself: no separators, not `.` or `..`.
fn is_plain_name(stem: &str) -> bool {
    !stem.is_empty()
        && stem != "."
        && stem != ".."
        && !stem.contains(['/', '\\', '\0'])
        && Path::new(stem).file_name() == Some(stem.as_ref())
}

/// The directory `path` is in (`.` for a bare file name), checked to be a directory.
fn directory_of(path: &Path) -> Result<&Path, WriteError> {
    let ends_with_separator = path
        .as_os_str()
        .as_encoded_bytes()
        .last()
        .is_some_and(|&b| std::path::is_separator(char::from(b)));
    if path.file_name().is_none() || ends_with_separator {
        return Err(WriteError::NotAFileName(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    check_directory(dir)?;
    Ok(dir)
}

/// A missing directory or a file in its place is reported with the OS's own reason, before any
/// temporary file is attempted.
fn check_directory(dir: &Path) -> Result<(), WriteError> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(WriteError::Unwritable {
            dir: dir.to_path_buf(),
            source: io::Error::new(io::ErrorKind::NotADirectory, "it is not a directory"),
        }),
        Err(source) if source.kind() == io::ErrorKind::NotFound => {
            Err(WriteError::MissingDirectory {
                dir: dir.to_path_buf(),
                source,
            })
        }
        Err(source) => Err(WriteError::Unwritable {
            dir: dir.to_path_buf(),
            source,
        }),
    }
}

/// The longest part of the target's name that goes into the temporary file's name, in
/// characters, so that the temporary name stays within the file system's limit.
const TEMP_NAME_MAX: usize = 32;

/// A hidden temporary file in `dir` holding `contents`, flushed to disk, named after `name` (the
/// target's file name or stem): `.NAME.XXXXXX.tmp`. Dropped, it is deleted.
fn temp_file(
    dir: &Path,
    name: &str,
    contents: &[u8],
) -> Result<tempfile::NamedTempFile, WriteError> {
    let unwritable = |source: io::Error| WriteError::Unwritable {
        dir: dir.to_path_buf(),
        source,
    };
    let prefix: String = format!(".{}.", name.chars().take(TEMP_NAME_MAX).collect::<String>());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .map_err(|e| unwritable(without_temp_path(e)))?;
    file.as_file_mut()
        .write_all(contents)
        .and_then(|()| file.as_file().sync_all())
        .map_err(unwritable)?;
    Ok(file)
}

/// tempfile's errors end with " at path \"/dir/.name.XXXXXX.tmp\"": the OS's reason alone reads
/// better, and the directory is already in the message. Other errors are kept as they are.
fn without_temp_path(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() {
        return e;
    }
    let text = e.to_string();
    match text.rfind(" at path \"") {
        Some(at) if at > 0 && text.ends_with('"') => io::Error::new(e.kind(), &text[..at]),
        _ => e,
    }
}

/// Renames the temporary file to `target`: with [`Existing::Refuse`] only if `target` does not
/// exist, with [`Existing::Replace`] over it. On failure the temporary file is handed back (to
/// try another name, or to be dropped and so deleted).
fn persist(
    file: tempfile::NamedTempFile,
    target: &Path,
    dir: &Path,
    existing: Existing,
) -> Result<(), (tempfile::NamedTempFile, WriteError)> {
    let persisted = match existing {
        Existing::Refuse => file.persist_noclobber(target),
        Existing::Replace => file.persist(target),
    };
    match persisted {
        Ok(_) => {
            sync_directory(dir);
            Ok(())
        }
        Err(e)
            if existing == Existing::Refuse && e.error.kind() == io::ErrorKind::AlreadyExists =>
        {
            Err((e.file, WriteError::Exists(target.to_path_buf())))
        }
        Err(e) => Err((
            e.file,
            WriteError::Unwritable {
                dir: dir.to_path_buf(),
                source: e.error,
            },
        )),
    }
}

/// Flushes the directory entry of a rename to disk, so the new name survives a power cut. Best
/// effort: the file is already written, and not every system can open a directory for this.
fn sync_directory(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// `path` made absolute against the current directory (without resolving symbolic links, so it
/// reads as the user would write it); `path` itself if even that fails.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("readable")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_temporary_path_is_cut_from_a_reason() {
        let dir = std::env::temp_dir().join("career-clusters-no-such-dir-for-this-test");
        let e = tempfile::NamedTempFile::new_in(&dir).expect_err("the directory is missing");
        let reason = without_temp_path(e).to_string();
        assert!(reason.contains("os error"), "{reason}");
        assert!(!reason.contains("at path"), "{reason}");
        let plain = io::Error::other("kept at path as is");
        assert_eq!(without_temp_path(plain).to_string(), "kept at path as is");
    }

    #[test]
    fn stems_must_be_plain_names() {
        assert!(is_plain_name("career-handout"));
        for bad in ["", ".", "..", "a/b", "/a", "a\\b"] {
            assert!(!is_plain_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn refuse_leaves_an_existing_file_byte_for_byte() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("notes.txt");
        let original = b"the advisor's notes\n\x00\xff binary too";
        fs::write(&path, original).expect("written");
        let err = write(&path, "new", Existing::Refuse).unwrap_err();
        assert!(matches!(&err, WriteError::Exists(p) if p == &path), "{err}");
        assert_eq!(
            err.to_string(),
            format!("{} already exists", path.display())
        );
        assert_eq!(fs::read(&path).expect("readable"), original);
        assert_eq!(
            names_in(dir.path()),
            ["notes.txt"],
            "no temporary file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuse_leaves_a_symbolic_link_and_its_target_alone() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("nowhere.txt", &link).expect("a symbolic link");
        let err = write(&link, "new", Existing::Refuse).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)), "{err}");
        assert_eq!(names_in(dir.path()), ["link.txt"]);
        assert_eq!(
            fs::read_link(&link).expect("still a link"),
            Path::new("nowhere.txt")
        );
    }

    #[test]
    fn replace_replaces_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("catalog.toml");
        fs::write(
            &path,
            "a much longer old file that must not leave a tail behind",
        )
        .unwrap();
        let written = write(&path, "new", Existing::Replace).expect("replaced");
        assert_eq!(written, path);
        assert!(written.is_absolute());
        assert_eq!(fs::read(&path).expect("readable"), b"new");
        assert_eq!(names_in(dir.path()), ["catalog.toml"]);
        // and a missing file is simply created
        let fresh = dir.path().join("fresh.toml");
        write(&fresh, [0u8, 1, 2], Existing::Replace).expect("created");
        assert_eq!(fs::read(&fresh).expect("readable"), [0, 1, 2]);
    }

    /// A reader that keeps reading the file while it is replaced over and over sees one whole
    /// version every time: never a mix, a truncated file or no file at all.
    #[test]
    fn replace_is_atomic_for_a_concurrent_reader() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("data.txt");
        let versions: [Vec<u8>; 2] = [vec![b'a'; 256 * 1024], vec![b'b'; 100 * 1024 + 7]];
        fs::write(&path, &versions[0]).expect("written");
        let done = Arc::new(AtomicBool::new(false));
        let reader = {
            let (path, done, versions) = (path.clone(), Arc::clone(&done), versions.clone());
            std::thread::spawn(move || {
                let mut reads = 0u32;
                while !done.load(Ordering::Relaxed) || reads == 0 {
                    let seen = fs::read(&path).expect("always there");
                    assert!(
                        versions.contains(&seen),
                        "a partial file of {} bytes",
                        seen.len()
                    );
                    reads += 1;
                }
                reads
            })
        };
        for round in 0..60 {
            write(&path, &versions[(round + 1) % 2], Existing::Replace).expect("replaced");
        }
        done.store(true, Ordering::Relaxed);
        assert!(reader.join().expect("the reader saw only whole files") > 0);
        assert_eq!(fs::read(&path).expect("readable"), versions[0]);
        assert_eq!(names_in(dir.path()), ["data.txt"]);
    }

    #[test]
    fn replace_does_not_replace_a_directory() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).expect("created");
        fs::write(sub.join("inside.txt"), "kept").expect("written");
        let err = write(&sub, "x", Existing::Replace).unwrap_err();
        assert!(
            matches!(&err, WriteError::IsADirectory(p) if p == &sub),
            "{err}"
        );
        assert!(err.to_string().contains("is a directory"), "{err}");
        assert_eq!(names_in(dir.path()), ["sub"]);
        assert_eq!(names_in(&sub), ["inside.txt"]);
        let err = write(&sub, "x", Existing::Refuse).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn replace_refuses_links_fifos_and_devices_and_leaves_them_as_they_were() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let target = dir.path().join("target.toml");
        fs::write(&target, "kept").expect("written");
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&target, &link).expect("linked");
        let err = write(&link, "new", Existing::Replace).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "cannot replace {}: it is a symbolic link, and only a regular file is replaced \
                 (it points to {}; name that file to replace it)",
                link.display(),
                target.display()
            )
        );
        assert!(fs::symlink_metadata(&link).expect("there").is_symlink());
        assert_eq!(fs::read_to_string(&target).expect("readable"), "kept");

        let fifo = dir.path().join("pipe");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("no NUL");
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let err = write(&fifo, "new", Existing::Replace).unwrap_err();
        assert!(
            err.to_string().contains("it is a FIFO (named pipe)"),
            "{err}"
        );
        use std::os::unix::fs::FileTypeExt;
        assert!(
            fs::symlink_metadata(&fifo)
                .expect("there")
                .file_type()
                .is_fifo()
        );
        assert_eq!(names_in(dir.path()), ["link.toml", "pipe", "target.toml"]);

        // refused before anything is written, so this holds as root too
        let err = write(Path::new("/dev/null"), "new", Existing::Replace).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cannot replace /dev/null: it is a character device"),
            "{err}"
        );
    }

    #[test]
    fn numbered_names_without_an_extension_have_no_dot() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let first = write_numbered(dir.path(), "notes", "", "1").expect("written");
        let second = write_numbered(dir.path(), "notes", "", "2").expect("written");
        assert_eq!(first, dir.path().join("notes"));
        assert_eq!(second, dir.path().join("notes-2"));
        let err = write_numbered(dir.path(), "notes", "a/b", "x").unwrap_err();
        assert!(matches!(err, WriteError::NotAFileName(_)), "{err}");
        assert_eq!(names_in(dir.path()), ["notes", "notes-2"]);
    }

    #[test]
    fn when_every_number_is_taken_nothing_is_written() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        for n in 1..=MAX_NUMBERED {
            fs::write(dir.path().join(numbered("h", "md", n)), "").expect("written");
        }
        let err = write_numbered(dir.path(), "h", "md", "new").unwrap_err();
        assert!(matches!(err, WriteError::NoFreeName { .. }), "{err}");
        let message = err.to_string();
        assert!(
            message.ends_with(&format!(
                ": h.md and h-2.md to h-{MAX_NUMBERED}.md all exist"
            )),
            "{message}"
        );
        let names = names_in(dir.path());
        assert_eq!(names.len(), MAX_NUMBERED as usize, "no temporary file left");
        assert!(names.iter().all(|n| !n.ends_with(".tmp")));
        assert!(
            fs::read(dir.path().join("h.md"))
                .expect("readable")
                .is_empty(),
            "untouched"
        );
    }

    #[test]
    fn a_long_name_still_gets_a_temporary_file() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let name = "n".repeat(250);
        let path = dir.path().join(&name);
        write(&path, "x", Existing::Refuse).expect("written");
        assert_eq!(names_in(dir.path()), [name]);
    }
}
