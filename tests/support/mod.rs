//! A pseudo-terminal harness for the end-to-end tests: runs the real `career-clusters` binary in a
//! pty, keeps every byte it writes, and feeds them to a `vt100` emulator so tests can read the
//! screen the way a user would see it.
//!
//! Waiting is always "poll until the screen says so, or fail after a generous deadline"; the
//! deadlines guard against hangs and are never assertions about speed.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

#[path = "command.rs"]
#[allow(dead_code)] // the pty harness uses only the isolation constant
pub mod command;

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_career-clusters");

/// How long any wait may take before the test fails. A failure guard, not a speed requirement.
pub const DEADLINE: Duration = Duration::from_secs(10);

const POLL: Duration = Duration::from_millis(20);

/// Serialises creating ptys and forking children, so no child (of this test binary) can inherit a
/// descriptor of another test's pty in the moment before it is marked close-on-exec. A leaked
/// master would keep that pty alive and defeat the hang-up test.
static SPAWN_LOCK: Mutex<()> = Mutex::new(());

/// Takes [`SPAWN_LOCK`], surviving a panic in another test that held it.
pub fn spawn_lock() -> MutexGuard<'static, ()> {
    SPAWN_LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// What the reader thread has seen so far.
struct Output {
    /// Every byte the child wrote, in order.
    raw: Vec<u8>,
    /// The emulated terminal those bytes were fed to.
    parser: vt100::Parser,
    /// True once the pty reported end of output (the child and every holder of the slave closed).
    eof: bool,
}

/// The binary running in a pseudo-terminal.
pub struct Tui {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<File>,
    output: Arc<Mutex<Output>>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
}

/// A close-on-exec duplicate of `fd`, owned as a `File`.
fn dup_cloexec(fd: RawFd) -> File {
    // SAFETY: F_DUPFD_CLOEXEC on a descriptor we own returns a new descriptor or -1.
    let new = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3) };
    assert!(new >= 0, "dup: {}", std::io::Error::last_os_error());
    // SAFETY: `new` is a fresh descriptor that nothing else owns.
    unsafe { File::from_raw_fd(new) }
}

/// Reads the master until end of output or until `stop` is set, feeding the emulator. Polls with
/// a short timeout so that `stop` is noticed and the descriptor can be closed on demand.
fn read_loop(mut file: File, output: Arc<Mutex<Output>>, stop: Arc<AtomicBool>) {
    let mut buf = [0u8; 8192];
    while !stop.load(Ordering::SeqCst) {
        let mut pfd = libc::pollfd {
            fd: file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd for the duration of the call.
        let n = unsafe { libc::poll(&mut pfd, 1, 20) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            break;
        }
        if n == 0 {
            continue;
        }
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let mut out = output.lock().unwrap_or_else(|e| e.into_inner());
                out.raw.extend_from_slice(&buf[..n]);
                out.parser.process(&buf[..n]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            // Linux reports EIO once the slave side is closed everywhere.
            Err(_) => break,
        }
    }
    output.lock().unwrap_or_else(|e| e.into_inner()).eof = true;
}

/// How to start the binary.
pub struct Launch<'a> {
    pub cols: u16,
    pub rows: u16,
    pub args: &'a [&'a str],
    pub env: &'a [(&'a str, &'a str)],
    /// The working directory (files the app writes land here); the crate root when `None`.
    pub cwd: Option<&'a std::path::Path>,
}

impl Default for Launch<'_> {
    fn default() -> Self {
        Launch {
            cols: 80,
            rows: 24,
            args: &[],
            env: &[],
            cwd: None,
        }
    }
}

impl Tui {
    /// Starts the binary at 80×24 with no arguments.
    pub fn start() -> Tui {
        Tui::launch(Launch::default())
    }

    /// Starts the binary in a fresh pty, with TERM=xterm-256color and a colour-neutral
    /// environment (`NO_COLOR` and the test-panic switch removed unless `env` sets them).
    pub fn launch(launch: Launch) -> Tui {
        let size = PtySize {
            rows: launch.rows,
            cols: launch.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let mut cmd = CommandBuilder::new(BIN);
        cmd.args(launch.args);
        match launch.cwd {
            Some(dir) => cmd.cwd(dir),
            None => cmd.cwd(env!("CARGO_MANIFEST_DIR")),
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("CAREER_CLUSTERS_TEST_PANIC");
        // none of the machine's settings (as `command::cli` does for one-shot commands)
        cmd.env("CAREER_CLUSTERS_CONFIG", command::NO_CONFIG);
        cmd.env_remove("CAREER_CLUSTERS_DATA");
        cmd.env_remove("CAREER_CLUSTERS_THEME");
        cmd.env("CAREER_CLUSTERS_CACHE_DIR", command::NO_CACHE);
        for (k, v) in launch.env {
            cmd.env(k, v);
        }

        let (master, child, reader_file, writer) = {
            let _guard = spawn_lock();
            let pair = native_pty_system().openpty(size).expect("openpty");
            let child = pair.slave.spawn_command(cmd).expect("spawn the binary");
            // Only the child may hold the slave, so its exit (or a hang-up) is seen at once.
            drop(pair.slave);
            let fd = pair.master.as_raw_fd().expect("master fd");
            (pair.master, child, dup_cloexec(fd), dup_cloexec(fd))
        };

        let output = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            parser: vt100::Parser::new(launch.rows, launch.cols, 0),
            eof: false,
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let reader = {
            let output = Arc::clone(&output);
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("pty-reader".into())
                .spawn(move || read_loop(reader_file, output, stop))
                .expect("spawn reader thread")
        };
        Tui {
            child,
            master: Some(master),
            writer: Some(writer),
            output,
            stop,
            reader: Some(reader),
            status: None,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The screen as text, one line per row.
    pub fn screen_text(&self) -> String {
        self.lock().parser.screen().contents()
    }

    /// Runs `f` on the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.lock().parser.screen())
    }

    /// One row of the screen as text.
    pub fn row(&self, row: u16) -> String {
        self.with_screen(|s| {
            let (_, cols) = s.size();
            s.rows(0, cols).nth(usize::from(row)).unwrap_or_default()
        })
    }

    /// Every byte the child has written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.lock().raw.clone()
    }

    /// Waits until `cond` holds for the screen. Fails with the screen shown if it does not hold
    /// within [`DEADLINE`], or if the child's output ended without it holding.
    pub fn wait_for(&self, what: &str, cond: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            let (ok, eof) = {
                let out = self.lock();
                (cond(out.parser.screen()), out.eof)
            };
            if ok {
                return;
            }
            if eof || start.elapsed() > DEADLINE {
                let why = if eof { "the output ended" } else { "timed out" };
                panic!(
                    "waiting for {what}: {why} after {:?}; the screen shows:\n{}\n--- raw tail: {:?}",
                    start.elapsed(),
                    self.screen_text(),
                    tail(&self.raw(), 400)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen text contains every one of `needles`.
    pub fn wait_for_text(&self, needles: &[&str]) {
        self.wait_for(&format!("{needles:?}"), |s| {
            let text = s.contents();
            needles.iter().all(|n| text.contains(n))
        });
    }

    /// Waits until the screen text contains none of `needles`.
    pub fn wait_for_no_text(&self, needles: &[&str]) {
        self.wait_for(&format!("no {needles:?}"), |s| {
            let text = s.contents();
            !needles.iter().any(|n| text.contains(n))
        });
    }

    /// Waits for the first complete frame of the browser at a size where the panes fit.
    pub fn wait_for_first_frame(&self) {
        self.wait_for_text(&["occupations", "Ctrl-C quit"]);
    }

    /// Sends bytes as if typed.
    pub fn send(&mut self, bytes: &[u8]) {
        let w = self.writer.as_mut().expect("the pty is still open");
        w.write_all(bytes).expect("write to the pty");
        w.flush().expect("flush the pty");
    }

    /// Resizes the terminal: the emulator first, so every byte drawn for the new size is
    /// interpreted at that size, then the pty, which signals the child.
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut out = self.lock();
        out.parser.screen_mut().set_size(rows, cols);
        self.master
            .as_ref()
            .expect("the pty is still open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// The terminal settings of the pty's line discipline (on Linux the master reports the
    /// slave's settings).
    pub fn termios(&self) -> libc::termios {
        let fd = self
            .master
            .as_ref()
            .and_then(|m| m.as_raw_fd())
            .expect("the pty is still open");
        // SAFETY: termios is plain data; tcgetattr fills it or fails.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: a valid descriptor and a valid pointer.
        let rc = unsafe { libc::tcgetattr(fd, &mut t) };
        assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        t
    }

    /// The child's process id.
    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// The exit status, if the child has ended.
    pub fn try_wait(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().expect("try_wait");
        }
        self.status.clone()
    }

    /// Waits for the child to exit, then for the reader to drain everything it wrote. Fails (and
    /// kills the child) if it does not exit within [`DEADLINE`].
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.try_wait() {
                break status;
            }
            if start.elapsed() > DEADLINE {
                let screen = self.screen_text();
                let _ = self.child.kill();
                panic!("the child did not exit within {DEADLINE:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        self.wait_eof();
        status
    }

    /// Waits until the reader has seen the end of the output, so `raw()` is complete.
    fn wait_eof(&self) {
        let start = Instant::now();
        while !self.lock().eof {
            assert!(
                start.elapsed() < DEADLINE,
                "the pty output did not end after the child exited"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Closes every descriptor this process holds on the master side, as a terminal window
    /// being closed does. The child is left running.
    pub fn close_pty(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            // A panicking reader has already reported itself; never panic here, as this also
            // runs from `Drop` while a failed test unwinds.
            let _ = reader.join();
        }
        self.writer.take();
        self.master.take();
    }

    /// Kills the child if it is still running. Never panics: it also runs from `Drop`.
    pub fn kill(&mut self) {
        if self.status.is_none() && matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        self.kill();
        self.close_pty();
    }
}

/// The last `n` bytes, for failure messages.
pub fn tail(bytes: &[u8], n: usize) -> String {
    String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(n)..]).into_owned()
}

/// The position of the last occurrence of `needle` in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The position of the first occurrence of `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
