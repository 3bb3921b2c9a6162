//! The I/O loop, and the only place that touches the terminal: raw mode and the
//! alternate screen, reading keys, drawing, and putting the terminal back however the
//! program ends (normal exit, Ctrl-C, panic, SIGTERM, SIGHUP).
//!
//! The loop blocks on the next terminal event and draws only after a key press or a
//! resize, so an idle wizard uses no CPU.

use super::app::{App, Exit, Msg, Screen};
use super::keys::Key;
use super::theme::Theme;
use super::{Options, view};
use crate::pack::Pack;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Once};

/// Whether the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Held while drawing, so that a signal never restores the terminal mid-frame.
static DRAWING: Mutex<()> = Mutex::new(());
static PANIC_HOOK: Once = Once::new();

/// Exit code after Ctrl-C, as shells report a process ended by SIGINT.
const INTERRUPTED: i32 = 130;

/// Run the wizard in the terminal until the user quits; returns the exit code.
pub fn run(pack: Arc<Pack>, options: Options) -> anyhow::Result<i32> {
    if !io::stdout().is_terminal() {
        eprintln!(
            "hirewiz: the wizard needs a terminal, and standard output is not one.\n\
             For a recommendation without the wizard, run `hirewiz recommend` \
             (see `hirewiz recommend --help`), or answer line by line with `hirewiz --plain`."
        );
        return Ok(2);
    }
    install_panic_hook();
    let signals = watch_signals()?;
    let result = session(pack, options);
    restore();
    signals.close();
    let (exit, headline) = result?;
    if let Some(line) = headline {
        println!("{line}");
    }
    Ok(match exit {
        Exit::Quit => 0,
        Exit::Interrupted => INTERRUPTED,
    })
}

/// The interactive part: from entering the alternate screen to the user's exit. Returns
/// how it ended and, when quitting from the result, its headline to leave on screen.
fn session(pack: Arc<Pack>, options: Options) -> anyhow::Result<(Exit, Option<String>)> {
    enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let mut app = App::new(pack, Theme::new(options.no_color));
    let (w, h) = terminal::size()?;
    app.update(Msg::Resize(w, h));
    loop {
        {
            let _guard = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
            terminal.draw(|frame| view(&app, frame))?;
        }
        let msg = loop {
            match event::read()? {
                Event::Key(k) => {
                    if let Some(key) = key(k) {
                        break Msg::Key(key);
                    }
                }
                Event::Resize(w, h) => break Msg::Resize(w, h),
                _ => {}
            }
        };
        app.update(msg);
        if let Some(exit) = app.exit() {
            let headline = match (exit, app.screen(), app.report()) {
                (Exit::Quit, Screen::Result, Some(r)) => {
                    Some(format!("{} · {}", r.headline(), r.margin_words()))
                }
                _ => None,
            };
            return Ok((exit, headline));
        }
    }
}

/// The key a terminal key event stands for; `None` for releases, repeats and keys the
/// wizard does not use.
fn key(k: KeyEvent) -> Option<Key> {
    if k.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        _ => return None,
    })
}

fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)
}

/// Leave the alternate screen, show the cursor and end raw mode, once.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
        let _ = terminal::disable_raw_mode();
        let _ = out.flush();
    }
}

/// A panic restores the terminal before the message is printed, so the message is
/// readable and the shell usable.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// SIGTERM, SIGHUP and SIGINT restore the terminal, then end the program with the
/// conventional code (128 + the signal's number).
fn watch_signals() -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _guard = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(handle)
}
