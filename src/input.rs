//! Opening the files the program reads (catalogs, import sources) so that no file can hang it:
//! only regular files are read. A FIFO with no writer would block `open(2)` forever and a device
//! such as `/dev/zero` never ends, so the file is opened without blocking and its type checked
//! on the open descriptor (no race with a rename) before anything is read.

use std::fs::File;
use std::io;
use std::path::Path;

/// Why a file could not be opened for reading.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("is a directory, not a file")]
    Directory,
    /// A FIFO, a socket or a device: only regular files are read.
    #[error("not a regular file (it is a {0}); give the path of a regular file")]
    NotRegular(&'static str),
}

/// Opens `path` for reading if it is a regular file, without ever blocking on it.
pub fn open_regular(path: &Path) -> Result<File, OpenError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_dir() {
        return Err(OpenError::Directory);
    }
    if !kind.is_file() {
        return Err(OpenError::NotRegular(describe(&kind)));
    }
    #[cfg(unix)]
    {
        // reads of a regular file never block anyway; clear the flag so it is an ordinary file
        use std::os::unix::io::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this function owns, with plain integer arguments.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    Ok(file)
}

fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "FIFO";
        }
        if kind.is_char_device() {
            return "character device";
        }
        if kind.is_block_device() {
            return "block device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    let _ = kind;
    "special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_without_a_writer_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.to_str().expect("utf-8").as_bytes()).expect("no nul");
        // SAFETY: mkfifo with a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let err = open_regular(&fifo).expect_err("not regular");
        assert_eq!(
            err.to_string(),
            "not a regular file (it is a FIFO); give the path of a regular file"
        );
        let err = open_regular(Path::new("/dev/zero")).expect_err("a device");
        assert!(
            matches!(err, OpenError::NotRegular("character device")),
            "{err}"
        );
        assert!(matches!(
            open_regular(dir.path()),
            Err(OpenError::Directory)
        ));
    }
}
