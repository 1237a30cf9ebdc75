//! The terminal: entering and leaving raw mode, the alternate screen, mouse capture and bracketed
//! paste; making sure they are undone on every way out; and the event loop.
//!
//! Ways out, and what undoes the terminal on each:
//! - normal exit and errors: [`Session`]'s `Drop`;
//! - a panic: the hook from [`install_panic_hook`] restores first, then prints the message;
//! - every signal whose default action ends the process and that can be caught without a fault
//!   (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
//!   SIGXFSZ, SIGSYS, SIGTRAP and on Linux SIGIO, SIGPWR, SIGSTKFLT and the real-time signals): a
//!   signal thread restores, then ends the process the way the signal would have;
//! - SIGABRT (an `abort()`, as when memory runs out): restored inside the signal handler, with
//!   only async-signal-safe calls (`write(2)` of sequences prepared in advance, `tcsetattr(3)`
//!   with the terminal settings saved at start), because an aborting thread cannot wait for
//!   another; then the abort goes on;
//! - SIGKILL cannot be caught, and SIGSEGV, SIGBUS, SIGILL and SIGFPE are faults in the program
//!   itself (Rust reports a stack overflow on its own): `reset` or `stty sane` is the remedy;
//! - the terminal going away (window closed, SSH dropped): crossterm 0.29's reader can spin on a
//!   dead tty even inside `poll` (crossterm-rs/crossterm#793), so a flag for the main loop is not
//!   enough. A watchdog thread blocks in `poll(2)` on the tty and ends the process as soon as the
//!   tty reports a hang-up, whatever the main thread is doing.
//!
//! This module must not decide what a key means (that is `keymap`) or change state other than
//! through [`App::update`].

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{Command, cursor};

use super::action::Action;
use super::app::App;
use super::effects;
use super::keymap;
use super::render;

/// True while the terminal is in the browser's modes and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Why the browser cannot start on this terminal.
#[derive(Debug, thiserror::Error)]
pub enum TerminalError {
    #[error(
        "standard input is not a terminal; the browser needs one (for scripts: `career-clusters list`, `show` or `search`)"
    )]
    StdinNotATerminal,
    #[error(
        "standard output is not a terminal; the browser needs one (for scripts: `career-clusters list`, `show` or `search`)"
    )]
    StdoutNotATerminal,
    #[error(
        "TERM=dumb cannot show the browser; use `career-clusters list` or `career-clusters search WORDS` instead"
    )]
    DumbTerminal,
    #[error("terminal: {0}")]
    Io(#[from] io::Error),
}

/// Checks that the browser can run here, before anything is changed.
pub fn check_interactive() -> Result<(), TerminalError> {
    if !io::stdin().is_terminal() {
        return Err(TerminalError::StdinNotATerminal);
    }
    if !io::stdout().is_terminal() {
        return Err(TerminalError::StdoutNotATerminal);
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(TerminalError::DumbTerminal);
    }
    Ok(())
}

/// The escape sequences that undo what [`Session::start`] turned on.
fn restore_sequence() -> String {
    let mut s = String::new();
    // Writing commands into a String cannot fail.
    let _ = DisableMouseCapture.write_ansi(&mut s);
    let _ = DisableBracketedPaste.write_ansi(&mut s);
    let _ = LeaveAlternateScreen.write_ansi(&mut s);
    let _ = cursor::Show.write_ansi(&mut s);
    s
}

/// Puts the terminal back as it was. Safe to call from any thread, any number of times; only the
/// first call after [`Session::start`] does anything. Errors are ignored: on a terminal that went
/// away there is nothing left to restore.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    write_raw(restore_sequence().as_bytes());
    let _ = disable_raw_mode();
}

/// Writes straight to file descriptor 1, bypassing `Stdout`'s lock, which the main thread may be
/// holding when a signal or hang-up arrives.
#[cfg(unix)]
fn write_raw(mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: writes from a valid slice to fd 1; no memory is shared.
        let n = unsafe { libc::write(1, bytes.as_ptr().cast(), bytes.len()) };
        if n <= 0 {
            return;
        }
        bytes = &bytes[n as usize..];
    }
}

#[cfg(not(unix))]
fn write_raw(bytes: &[u8]) {
    let mut out = io::stdout();
    let _ = out.write_all(bytes);
    let _ = out.flush();
}

/// Restores the terminal before the default panic message is printed, so the message lands on
/// the normal screen where it can be read.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// The signals whose default action ends the process and that a thread can handle: all of them
/// but SIGKILL (which cannot be caught), SIGABRT (see [`restore_in_handler`]) and the faults.
#[cfg(unix)]
pub fn ending_signals() -> Vec<libc::c_int> {
    use libc::*;
    #[allow(unused_mut)]
    let mut signals = vec![
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGSYS, SIGTRAP,
    ];
    // Elsewhere SIGIO is ignored by default, and there are no SIGPWR or real-time signals.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        signals.extend([SIGIO, SIGPWR, SIGSTKFLT]);
        signals.extend(SIGRTMIN()..=SIGRTMAX());
    }
    signals
}

/// What the SIGABRT handler needs, prepared before the terminal is changed: the sequences that
/// undo the browser's modes, and the terminal settings to put back.
#[cfg(unix)]
struct Saved {
    sequence: String,
    termios: Option<libc::termios>,
}

#[cfg(unix)]
static SAVED: std::sync::OnceLock<Saved> = std::sync::OnceLock::new();

/// Restores the terminal from inside a signal handler: only async-signal-safe calls (an atomic
/// swap, `write(2)`, `tcsetattr(3)`), nothing that could wait for a lock the interrupted thread
/// holds.
#[cfg(unix)]
fn restore_in_handler() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    if let Some(saved) = SAVED.get() {
        write_raw(saved.sequence.as_bytes());
        if let Some(termios) = &saved.termios {
            // SAFETY: a valid termios, saved by tcgetattr on the same descriptor.
            unsafe { libc::tcsetattr(0, libc::TCSANOW, termios) };
        }
    }
}

/// Restores the terminal and ends the process on termination signals and on hang-up.
#[cfg(unix)]
fn install_exit_watchers() -> io::Result<()> {
    let _ = SAVED.set(Saved {
        sequence: restore_sequence(),
        termios: {
            let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
            // SAFETY: tcgetattr fills the termios it is given, or fails and leaves it unused.
            (unsafe { libc::tcgetattr(0, termios.as_mut_ptr()) } == 0)
                // SAFETY: initialised by the successful tcgetattr.
                .then(|| unsafe { termios.assume_init() })
        },
    });
    // SAFETY: the action only makes async-signal-safe calls (restore_in_handler, then
    // emulate_default_handler, which the signal-hook documentation states is async-signal-safe).
    unsafe {
        signal_hook::low_level::register(libc::SIGABRT, || {
            restore_in_handler();
            // an abort() goes on by itself; a SIGABRT sent by kill must still end the process
            let _ = signal_hook::low_level::emulate_default_handler(libc::SIGABRT);
        })?;
    }
    let mut signals = signal_hook::iterator::Signals::new(ending_signals())?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                restore();
                // end as the signal would have (the parent sees "killed by SIGUSR1"), or, for a
                // signal signal-hook does not know, with the shell's 128 + signal
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        })?;
    std::thread::Builder::new()
        .name("hangup-watchdog".into())
        .spawn(|| {
            wait_for_hangup();
            restore();
            std::process::exit(128 + libc::SIGHUP);
        })?;
    Ok(())
}

#[cfg(not(unix))]
fn install_exit_watchers() -> io::Result<()> {
    Ok(())
}

/// Blocks until the terminal on stdin or stdout hangs up. Asking for no events makes `poll`
/// report only hang-ups and errors, so this sleeps in the kernel and costs no CPU.
#[cfg(unix)]
fn wait_for_hangup() {
    let mut fds = [
        libc::pollfd {
            fd: 0,
            events: 0,
            revents: 0,
        },
        libc::pollfd {
            fd: 1,
            events: 0,
            revents: 0,
        },
    ];
    loop {
        // SAFETY: `fds` is a valid array of pollfd for the duration of the call.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 1000) };
        if n < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
        let gone = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
        if fds.iter().any(|f| f.revents & gone != 0) {
            return;
        }
    }
}

/// The terminal in the browser's modes. Dropping it restores the terminal.
pub struct Session {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    /// Enters raw mode, the alternate screen, mouse capture and bracketed paste.
    pub fn start() -> Result<Session, TerminalError> {
        check_interactive()?;
        install_panic_hook();
        install_exit_watchers()?;
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        ratatui::crossterm::execute!(
            stdout,
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        let terminal = Terminal::new(CrosstermBackend::new(stdout))?;
        Ok(Session { terminal })
    }

    /// Runs the browser until the user quits.
    pub fn run(&mut self, app: &mut App) -> io::Result<()> {
        // crossterm starts its event source, and with it its SIGWINCH handler, on the first poll
        // or read. Start it before reading the size: a resize between the size and the first
        // read (the first frame is drawn in between) would otherwise be lost, leaving the panes
        // laid out for the old size until the next resize.
        event::poll(Duration::ZERO)?;
        let size = self.terminal.size()?;
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        if std::env::var_os("CAREER_CLUSTERS_TEST_PANIC").is_some() {
            // A test-only switch: proves that a panic leaves the terminal usable.
            self.terminal.draw(|frame| render::render(app, frame))?;
            panic!("forced panic (CAREER_CLUSTERS_TEST_PANIC is set)");
        }
        while !app.should_quit() {
            self.terminal.draw(|frame| render::render(app, frame))?;
            app.start_index();
            let first = event::read()?;
            apply_burst(app, first, || {
                Ok(if event::poll(Duration::ZERO)? {
                    Some(event::read()?)
                } else {
                    None
                })
            })?;
        }
        Ok(())
    }
}

/// Applies `first` and every event already queued behind it (`next` gives them, `None` once the
/// queue is empty), then settles: fast typing and long pastes cost one search and one frame, not
/// one per key.
pub fn apply_burst(
    app: &mut App,
    first: event::Event,
    mut next: impl FnMut() -> io::Result<Option<event::Event>>,
) -> io::Result<()> {
    handle(app, &first);
    while !app.should_quit()
        && let Some(event) = next()?
    {
        handle(app, &event);
    }
    app.settle();
    Ok(())
}

fn handle(app: &mut App, event: &event::Event) {
    if let Some(action) = keymap::map_event(event, app.key_context()) {
        app.queue(action);
    }
    // I/O asked for by the action happens here, outside `update`; its outcome goes back in.
    for effect in app.take_effects() {
        let (message, wrote) = effects::run(&effect, app.catalog());
        app.update(Action::EffectDone(message));
        if wrote {
            app.update(Action::HandoutWritten);
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.terminal.backend_mut().flush();
        let _ = io::stdout().flush();
        restore();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

    fn keys(text: &str) -> Vec<Event> {
        text.chars()
            .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
            .collect()
    }

    /// Applies `events` as one burst, as the loop does when they are queued together.
    fn burst(app: &mut App, events: Vec<Event>) {
        let mut events = events.into_iter();
        let first = events.next().expect("an event");
        apply_burst(app, first, || Ok(events.next())).expect("no I/O");
    }

    /// What a person sees: the rows, the selection and the filter's matches.
    fn seen(app: &App) -> String {
        let screen = super::super::testing::draw(app, 100, 30);
        format!(
            "{:?}\n{:?}\n{:?}",
            app.visible_selection(),
            app.filter().matches(),
            screen.backend()
        )
    }

    #[test]
    fn a_burst_of_typed_characters_costs_one_search() {
        for text in [
            "physio",
            "nurse pra",
            "occupational therapist",
            "a?b",
            "zzz",
        ] {
            let mut one_by_one = super::super::testing::app();
            for event in keys(text) {
                burst(&mut one_by_one, vec![event]);
            }
            let mut app = super::super::testing::app();
            burst(&mut app, keys(text));
            assert_eq!(app.searches_run(), 1, "{text}");
            assert_eq!(seen(&app), seen(&one_by_one), "{text}");
        }
    }

    #[test]
    fn keys_other_than_typing_see_the_text_typed_before_them() {
        // type, move down twice, type again, all in one burst: as if applied one at a time
        let mut events = keys("nur");
        events.extend([KeyCode::Down, KeyCode::Down].map(|c| Event::Key(c.into())));
        events.extend(keys("se"));
        let mut one_by_one = super::super::testing::app();
        for event in events.clone() {
            burst(&mut one_by_one, vec![event]);
        }
        let mut app = super::super::testing::app();
        burst(&mut app, events);
        assert_eq!(
            app.searches_run(),
            2,
            "before the first Down, then at the end"
        );
        assert_eq!(seen(&app), seen(&one_by_one));
    }

    #[test]
    fn restore_sequence_undoes_every_mode() {
        let s = restore_sequence();
        for part in ["\x1b[?1000l", "\x1b[?2004l", "\x1b[?1049l", "\x1b[?25h"] {
            assert!(s.contains(part), "{s:?} lacks {part:?}");
        }
    }
}
