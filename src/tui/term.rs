//! The I/O loop, and the only place that touches the terminal: raw mode and the
//! alternate screen, reading keys, drawing, and putting the terminal back however the
//! program ends (normal exit, Ctrl-C, panic, SIGTERM, SIGHUP).
//!
//! The loop blocks on the next terminal event and draws only after a key press, a
//! resize, or a timer it set itself: a replay's next step, or another try at a save that
//! failed. An idle wizard uses no CPU. After each message it hands the app's effects to
//! the [`Autosave`], so every accepted event is on disk before the next key is read.

use super::app::{App, Exit, Msg, Place};
use super::autosave::Autosave;
use super::keys::Key;
use super::view;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use ratatui::DefaultTerminal;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};

/// How long after a failed save it is tried again (the next event also tries).
const RETRY: Duration = Duration::from_secs(3);

/// Whether the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Held while drawing, so that a signal never restores the terminal mid-frame.
static DRAWING: Mutex<()> = Mutex::new(());
static PANIC_HOOK: Once = Once::new();

/// Run `app` in the terminal until the user quits, saving through `autosave`; returns
/// how it ended.
pub fn run(app: App, autosave: &mut Autosave) -> Result<Exit, super::Error> {
    if !io::stdout().is_terminal() {
        return Err(super::Error::NotATerminal);
    }
    install_panic_hook();
    let signals = watch_signals()?;
    let result = session(app, autosave);
    restore();
    signals.close();
    let finished = matches!(&result, Ok((_, Some(_))));
    let farewell = autosave.farewell(finished);
    let (exit, headline) = result?;
    if let Some(line) = headline {
        // The headline holds pack text, escaped on its way, after the screen is given back.
        let _ = crate::out::print(&format!("{line}\n"));
    }
    if let Some(note) = farewell {
        crate::out::say_err(&format!("hirewiz: {note}"));
    }
    if autosave.lost() {
        return Err(super::Error::Unsaved);
    }
    Ok(exit)
}

/// The interactive part: from entering the alternate screen to the user's exit. Returns
/// how it ended and, when quitting from the result, its headline to leave on screen.
fn session(mut app: App, autosave: &mut Autosave) -> io::Result<(Exit, Option<String>)> {
    let mut terminal = enter()?;
    let (w, h) = terminal::size()?;
    let _ = app.update(Msg::Resize(w, h));
    // The replay's pace when its next tick was set, and when that tick is due.
    let mut pace: Option<Duration> = None;
    let mut tick_at: Option<Instant> = None;
    let mut retry_at: Option<Instant> = None;
    loop {
        {
            let _guard = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
            terminal.draw(|frame| view(&app, frame))?;
        }
        let now = Instant::now();
        let interval = app.tick_interval();
        if interval != pace {
            pace = interval;
            tick_at = interval.map(|d| now + d);
        }
        retry_at = match retry_at {
            None if autosave.failing() => Some(now + RETRY),
            at if autosave.failing() => at,
            _ => None,
        };
        let wake = tick_at.into_iter().chain(retry_at).min();
        let effects = match next_message(wake)? {
            Some(msg) => app.update(msg),
            None => {
                let now = Instant::now();
                let mut effects = Vec::new();
                if tick_at.is_some_and(|t| t <= now) {
                    effects = app.update(Msg::Tick);
                    tick_at = pace.map(|d| now + d);
                }
                if retry_at.is_some_and(|t| t <= now) {
                    retry_at = None;
                    autosave.retry(&mut app);
                }
                effects
            }
        };
        autosave.perform(effects, &mut app);
        if let Some(exit) = app.exit() {
            let headline = match (exit, app.place(), app.report()) {
                (Exit::Quit, Place::Result, Some(r)) => {
                    Some(format!("{} · {}", r.headline(), r.margin_words()))
                }
                _ => None,
            };
            return Ok((exit, headline));
        }
    }
}

/// The next key or resize, waiting until `wake` at most (`None` then), or for as long as
/// it takes when no timer is set.
fn next_message(wake: Option<Instant>) -> io::Result<Option<Msg>> {
    loop {
        if let Some(at) = wake {
            let left = at.saturating_duration_since(Instant::now());
            if !event::poll(left)? {
                return Ok(None);
            }
        }
        match event::read()? {
            Event::Key(k) => {
                if let Some(key) = key(k) {
                    return Ok(Some(Msg::Key(key)));
                }
            }
            Event::Resize(w, h) => return Ok(Some(Msg::Resize(w, h))),
            Event::Paste(text) => return Ok(Some(Msg::Paste(text))),
            _ => {}
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

/// Raw mode and the alternate screen, by ratatui (which also makes a panic restore them
/// before anything else runs); the cursor hidden, and bracketed paste on, which delivers
/// pasted text as one event, never as key presses.
fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), cursor::Hide, event::EnableBracketedPaste)?;
    Ok(terminal)
}

/// Undo [`enter`], once: bracketed paste off, the cursor shown, then ratatui's restore.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, event::DisableBracketedPaste, cursor::Show);
        let _ = ratatui::try_restore();
        let _ = out.flush();
    }
}

/// A panic restores the whole terminal before the message is printed, so the message is
/// readable and the shell usable. Installed before ratatui's hook, which therefore runs
/// first (raw mode, alternate screen), then this one (paste, cursor), then the message.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Every catchable signal whose default is to end the program restores the terminal
/// first, then ends it with the conventional code (128 + the signal's number). SIGPIPE
/// is left out: Rust ignores it, and a closed output is reported as a write error.
fn watch_signals() -> io::Result<signal_hook::iterator::Handle> {
    use signal_hook::consts::{
        SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
        SIGXFSZ,
    };
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ])?;
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
