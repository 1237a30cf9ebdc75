//! The terminal: entering and leaving raw mode, the alternate screen, mouse capture and bracketed
//! paste; making sure they are undone on every way out; and the event loop.
//!
//! Ways out, and what undoes the terminal on each:
//! - normal exit and errors: [`Session`]'s `Drop`;
//! - a panic: the hook from [`install_panic_hook`] restores first, then prints the message;
//! - SIGTERM, SIGHUP, SIGINT, SIGQUIT: a signal thread restores and exits with 128 + signal;
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

use crate::action::Action;
use crate::app::App;
use crate::effects;
use crate::keymap;
use crate::ui;

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

/// Restores the terminal and ends the process on termination signals and on hang-up.
#[cfg(unix)]
fn install_exit_watchers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                restore();
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
        let size = self.terminal.size()?;
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
        if std::env::var_os("CAREER_CLUSTERS_TEST_PANIC").is_some() {
            // A test-only switch: proves that a panic leaves the terminal usable.
            self.terminal.draw(|frame| ui::render(app, frame))?;
            panic!("forced panic (CAREER_CLUSTERS_TEST_PANIC is set)");
        }
        while !app.should_quit {
            self.terminal.draw(|frame| ui::render(app, frame))?;
            let first = event::read()?;
            handle(app, &first);
            // Apply everything already queued before drawing again, so fast typing and long
            // pastes cost one frame, not one per key.
            while !app.should_quit && event::poll(Duration::ZERO)? {
                handle(app, &event::read()?);
            }
        }
        Ok(())
    }
}

fn handle(app: &mut App, event: &event::Event) {
    if let Some(action) = keymap::map_event(event, app.key_context()) {
        app.update(action);
    }
    // I/O asked for by the action happens here, outside `update`; its outcome goes back in.
    for effect in std::mem::take(&mut app.effects) {
        let message = effects::run(&effect, &app.catalog);
        app.update(Action::EffectDone(message));
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

    #[test]
    fn restore_sequence_undoes_every_mode() {
        let s = restore_sequence();
        for part in ["\x1b[?1000l", "\x1b[?2004l", "\x1b[?1049l", "\x1b[?25h"] {
            assert!(s.contains(part), "{s:?} lacks {part:?}");
        }
    }
}
