//! `kata watch`: re-check a kata each time its file is saved, with a verdict,
//! a progress bar over all katas and one-key commands. The pieces it is made
//! of, [`Session`] (saves, keys and ticks as one stream of events) and
//! [`Checker`] (one check exactly as `kata check` runs it), are reused by
//! `kata interview`.
//!
//! On a terminal, keys are read one at a time in raw mode (crossterm); the
//! terminal is restored on every way out, as the mode is held by a guard
//! dropped on return, on error and on unwinding. Otherwise (a pipe, a test)
//! keys are read as lines of text from stdin, each letter one key, and an
//! end of input only means no more keys: the loop ends by itself.

use std::collections::HashMap;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant, SystemTime};

use colored::Colorize;
use crossterm::event::{Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};

use crate::build;
use crate::catalog::{Kata, Practice};
use crate::check::{self, CheckOptions, KataReport, Status};
use crate::cli::Lang;
use crate::error::SetupError;
use crate::history::{self, Via};
use crate::report;
use crate::state::{self, State};
use crate::track::Toolchain;

/// How long saves of one file are gathered into one check: an editor that
/// writes a file in several steps triggers a single check.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// How often the loop wakes without an event (countdowns, signals).
pub const TICK: Duration = Duration::from_millis(250);

/// `kata watch`'s arguments.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// The kata (default: the first one not passing yet).
    pub name: Option<String>,
    /// Language of verdicts and hints.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// Stop after this many seconds (for tests and scripts).
    #[arg(long, hide = true)]
    pub seconds: Option<u64>,
}

/// One thing the loop reacts to.
#[derive(Debug, PartialEq, Eq)]
pub enum Event {
    /// These katas' files were saved (or deleted), in the order seen.
    Saved(Vec<String>),
    /// A key (on a terminal) or a letter of a line read from stdin.
    Key(char),
    /// Ctrl-C on a terminal in raw mode, or SIGINT, SIGTERM or SIGHUP.
    Interrupt,
    /// Nothing happened for a while.
    Tick,
}

/// Set by the signal handler; read by [`Session::next`].
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// Holds the terminal in raw mode; dropping it restores the terminal.
struct RawMode;

impl RawMode {
    fn enable() -> Option<RawMode> {
        terminal::enable_raw_mode().ok()?;
        Some(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
        // The terminal may be gone (SIGHUP): nothing here may panic.
        let _ = execute!(std::io::stdout(), cursor::Show);
        let _ = writeln!(std::io::stdout());
    }
}

/// Saves, keys, signals and ticks as one stream of [`Event`]s, and output that
/// works in raw mode.
pub struct Session {
    rx: Receiver<Event>,
    // Dropping it stops watching; it is only held.
    _watcher: Debouncer<RecommendedWatcher>,
    // Declared last: dropped after the watcher, so the terminal is restored
    // once nothing else of the session runs.
    raw: Option<RawMode>,
    status_shown: std::cell::Cell<bool>,
}

impl Session {
    /// Watches `katas_dir` for saves of `<name>.<ext>` (for the given names;
    /// `ext` is the track's), and starts reading keys. Raw mode is used when
    /// stdin and stdout are both terminals.
    pub fn start(katas_dir: &Path, ext: &'static str, names: &[String]) -> Result<Session, SetupError> {
        let (tx, rx) = mpsc::channel();
        let watcher = watch_files(katas_dir, ext, names.to_vec(), tx.clone())?;
        let raw = if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            RawMode::enable()
        } else {
            None
        };
        if raw.is_some() {
            std::thread::spawn(move || read_terminal_keys(tx));
        } else {
            std::thread::spawn(move || read_line_keys(tx));
        }
        INTERRUPTED.store(false, Ordering::SeqCst);
        for signal in SIGNALS {
            // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
            unsafe {
                libc::signal(signal, on_signal as *const () as libc::sighandler_t);
            }
        }
        Ok(Session {
            rx,
            _watcher: watcher,
            raw,
            status_shown: std::cell::Cell::new(false),
        })
    }

    /// Whether keys come one at a time from a terminal.
    pub fn interactive(&self) -> bool {
        self.raw.is_some()
    }

    /// The next event, or [`Event::Tick`] after `timeout`. Saves already
    /// waiting are merged into one event.
    pub fn next(&self, timeout: Duration) -> Event {
        if INTERRUPTED.swap(false, Ordering::SeqCst) {
            return Event::Interrupt;
        }
        match self.rx.recv_timeout(timeout) {
            Ok(Event::Saved(mut names)) => {
                while let Ok(Event::Saved(more)) = self.rx.try_recv() {
                    for n in more {
                        if !names.contains(&n) {
                            names.push(n);
                        }
                    }
                }
                Event::Saved(names)
            }
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => Event::Tick,
            // Both senders live as long as their threads; should both end, only ticks remain.
            Err(RecvTimeoutError::Disconnected) => {
                std::thread::sleep(timeout);
                Event::Tick
            }
        }
    }

    /// Prints text (raw mode needs `\r\n` for a new line), replacing a status line.
    pub fn say(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        if self.raw.is_some() {
            if self.status_shown.replace(false) {
                let _ = execute!(out, terminal::Clear(terminal::ClearType::CurrentLine));
                let _ = write!(out, "\r");
            }
            let _ = write!(out, "{}", text.replace('\n', "\r\n"));
        } else {
            let _ = write!(out, "{text}");
        }
        let _ = out.flush();
    }

    /// Clears the screen on a terminal; elsewhere a rule separates the outputs.
    pub fn clear(&self) {
        if self.raw.is_some() {
            let _ = execute!(
                std::io::stdout(),
                terminal::Clear(terminal::ClearType::All),
                terminal::Clear(terminal::ClearType::Purge),
                cursor::MoveTo(0, 0)
            );
            self.status_shown.set(false);
        } else {
            self.say(&format!("{}\n", "─".repeat(60).dimmed()));
        }
    }

    /// A status line: redrawn in place on a terminal, one more line elsewhere.
    pub fn status(&self, text: &str) {
        if self.raw.is_some() {
            let mut out = std::io::stdout().lock();
            let _ = write!(out, "\r{text}");
            let _ = execute!(out, terminal::Clear(terminal::ClearType::UntilNewLine));
            let _ = out.flush();
            self.status_shown.set(true);
        } else {
            self.say(&format!("{text}\n"));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        for signal in SIGNALS {
            // SAFETY: restores the default disposition; no handler runs afterwards.
            unsafe {
                libc::signal(signal, libc::SIG_DFL);
            }
        }
    }
}

/// What tells a save from a mere read: the modification time and length, or
/// `None` for a missing file.
fn signature(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

fn watch_files(
    dir: &Path,
    ext: &'static str,
    names: Vec<String>,
    tx: Sender<Event>,
) -> Result<Debouncer<RecommendedWatcher>, SetupError> {
    let suffix = format!(".{ext}");
    // notify also reports a file being opened, as every check opens it: only
    // a changed signature counts as a save, or a check would trigger the next.
    let mut seen: HashMap<String, Option<(SystemTime, u64)>> = names
        .iter()
        .map(|n| (n.clone(), signature(&dir.join(format!("{n}.{ext}")))))
        .collect();
    let handler = move |result: DebounceEventResult| {
        // A watcher error (a full inotify queue) only loses events: the next save is seen again.
        let Ok(events) = result else { return };
        let mut saved = Vec::new();
        for event in events {
            let stem = event
                .path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(suffix.as_str()));
            let Some(name) = stem.filter(|s| names.iter().any(|n| n == s)) else {
                continue;
            };
            let now = signature(&event.path);
            if seen.get(name) != Some(&now) && !saved.iter().any(|s| s == name) {
                saved.push(name.to_string());
            }
            seen.insert(name.to_string(), now);
        }
        if !saved.is_empty() {
            let _ = tx.send(Event::Saved(saved));
        }
    };
    let mut debouncer = new_debouncer(DEBOUNCE, handler)
        .map_err(|e| SetupError::Usage(format!("cannot watch files for changes: {e}")))?;
    debouncer
        .watcher()
        .watch(dir, RecursiveMode::NonRecursive)
        .map_err(|e| SetupError::Usage(format!("cannot watch {} for changes: {e}", dir.display())))?;
    Ok(debouncer)
}

fn read_terminal_keys(tx: Sender<Event>) {
    while let Ok(event) = crossterm::event::read() {
        let TermEvent::Key(key) = event else { continue };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let event = match key.code {
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Event::Interrupt,
            KeyCode::Char(c) => Event::Key(c.to_ascii_lowercase()),
            KeyCode::Esc => Event::Key('q'),
            _ => continue,
        };
        if tx.send(event).is_err() {
            return;
        }
    }
}

fn read_line_keys(tx: Sender<Event>) {
    let mut line = String::new();
    while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
        for c in line.chars().filter(|c| !c.is_whitespace()) {
            if tx.send(Event::Key(c.to_ascii_lowercase())).is_err() {
                return;
            }
        }
        line.clear();
    }
}

/// What came of checking one kata.
pub enum Outcome {
    /// The check ran: the verdict.
    Judged(KataReport),
    /// The user's file (`katas/<name>.rs` or `.py`) is gone (deleted, or mid-rename by an editor).
    Missing(PathBuf),
    /// Something the user must fix first (a broken description or fixture).
    Error(SetupError),
}

impl Outcome {
    /// Whether the kata passed.
    pub fn passed(&self) -> bool {
        matches!(self, Outcome::Judged(r) if r.status == Status::Passed)
    }

    /// The outcome for a person; a problem never ends the loop, and says so.
    pub fn human(&self, zh: bool) -> String {
        match self {
            Outcome::Judged(r) => report::human(r, zh),
            Outcome::Missing(path) => format!(
                "{} {} is missing (deleted?)\n  Save it again (or `kata reset` restores the stub); still watching.\n",
                "✗".red().bold(),
                path.display()
            ),
            Outcome::Error(e) => format!(
                "{} {e}\n(still watching: fix it and save again)\n",
                "kata: error:".red().bold()
            ),
        }
    }
}

/// Checks katas of one practice folder exactly as `kata check` does: same
/// cases, same build, same verdict, remembered for `kata list`.
pub struct Checker {
    practice: Practice,
    toolchain: Toolchain,
    cache: PathBuf,
    opts: CheckOptions,
    use_verdict_cache: bool,
}

impl Checker {
    /// Builds the user programs' dependencies first if needed (once per
    /// machine). `use_verdict_cache: false` judges every check afresh.
    pub fn new(practice: &Practice, color: bool, use_verdict_cache: bool) -> Result<Checker, SetupError> {
        let cache = build::cache_dir(practice);
        let toolchain = Toolchain::prepare(practice, &cache, false)?;
        Ok(Checker {
            practice: practice.clone(),
            toolchain,
            cache,
            opts: CheckOptions {
                seed: None,
                random_cases: check::DEFAULT_RANDOM_CASES,
                only_case: None,
                color,
                quiet: false,
            },
            use_verdict_cache,
        })
    }

    /// Checks one kata.
    pub fn check(&self, name: &str) -> Outcome {
        let file = self.practice.user_file(name);
        let shown = PathBuf::from("katas").join(format!("{name}.{}", self.practice.track.extension()));
        if !file.is_file() {
            return Outcome::Missing(shown);
        }
        match self.judge(name) {
            Ok(report) => Outcome::Judged(report),
            // Deleted between the look above and the read.
            Err(_) if !file.is_file() => Outcome::Missing(shown),
            Err(e) => Outcome::Error(e),
        }
    }

    fn judge(&self, name: &str) -> Result<KataReport, SetupError> {
        let practice = &self.practice;
        let kata = practice.load(name)?;
        let (key, cached) = check::from_cache(practice, &kata, &self.opts)?;
        let report = match cached.filter(|_| self.use_verdict_cache) {
            Some(r) => r,
            None => {
                let r = check::check(practice, &kata, &self.toolchain, &self.cache, &self.opts)?;
                state::store_report(practice, &key, &r)?;
                r
            }
        };
        state::remember(practice, std::slice::from_ref(&report))?;
        Ok(report)
    }
}

/// Whether a kata's file is the one that last passed.
pub fn passing(practice: &Practice, state: &State, name: &str) -> bool {
    std::fs::read(practice.user_file(name))
        .is_ok_and(|source| state.current_status(name, &source) == Some(Status::Passed))
}

/// `Hint i/n: …`, wrapped to the terminal.
pub fn hint_text(kata: &Kata, index: usize, zh: bool) -> String {
    match kata.hints.get(index) {
        Some(h) => format!(
            "{}\n{}\n",
            format!("Hint {}/{} ({}):", index + 1, kata.hints.len(), kata.name).bold(),
            report::wrap(if zh { &h.zh } else { &h.en }, 76, "  ")
        ),
        None => format!("{} has no more hints.\n", kata.name),
    }
}

/// `[██████░░░░] 3/10 katas passing`.
fn progress(practice: &Practice, names: &[String]) -> String {
    let state = State::load(practice);
    let done = names.iter().filter(|n| passing(practice, &state, n)).count();
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(names.len()).unwrap_or(0);
    format!(
        "[{}{}] {done}/{} katas passing",
        "█".repeat(filled).green(),
        "░".repeat(WIDTH - filled).dimmed(),
        names.len()
    )
}

/// The first kata after `after` (wrapping around, `after` itself last) whose file is not passing.
fn next_unsolved(practice: &Practice, names: &[String], after: &str) -> Option<String> {
    let state = State::load(practice);
    let start = names.iter().position(|n| n == after).map_or(0, |i| i + 1);
    (0..names.len())
        .map(|i| &names[(start + i) % names.len()])
        .find(|n| n.as_str() != after && !passing(practice, &state, n))
        .cloned()
}

/// Runs `kata watch`. Exit code: that of the last check of the current kata.
pub fn run(practice: &Practice, args: &WatchArgs, color: bool) -> Result<ExitCode, SetupError> {
    let names = practice.names()?;
    let mut current = match &args.name {
        Some(name) => practice.load(name)?.name,
        None => {
            let state = State::load(practice);
            match names.iter().find(|n| !passing(practice, &state, n)).or(names.first()) {
                Some(name) => name.clone(),
                None => return Err(SetupError::Usage("this practice folder has no katas".into())),
            }
        }
    };
    let zh = args.lang == Lang::Zh;
    let checker = Checker::new(practice, color, true)?;
    let session = Session::start(&practice.katas_dir(), practice.track.extension(), &names)?;
    let deadline = args.seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let mut passed = show_check(&session, &checker, practice, &names, &current, zh);
    loop {
        // Without a terminal nobody can press n or q: a pass is the end.
        if passed && !session.interactive() {
            break;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            session.say("Stopped: the --seconds limit was reached.\n");
            break;
        }
        match session.next(TICK) {
            Event::Saved(saved) => {
                // Saving another kata's file makes it the current one.
                if let Some(other) = saved.first().filter(|_| !saved.contains(&current)) {
                    current = other.clone();
                }
                passed = show_check(&session, &checker, practice, &names, &current, zh);
            }
            Event::Key('h') => {
                let text = match practice.load(&current) {
                    Ok(kata) => reveal_hint(practice, &kata, zh)?,
                    Err(e) => format!("kata: error: {e}\n"),
                };
                session.say(&text);
            }
            Event::Key('n') => match next_unsolved(practice, &names, &current) {
                Some(next) => {
                    current = next;
                    passed = show_check(&session, &checker, practice, &names, &current, zh);
                }
                None => session.say("Every other kata passes already.\n"),
            },
            Event::Key('l') => session.say(&list(practice, &names, &current)),
            Event::Key('q') | Event::Interrupt => break,
            Event::Key(_) | Event::Tick => {}
        }
    }
    drop(session);
    Ok(if passed { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Checks `name` and shows the verdict, the progress bar and the keys.
/// Returns whether it passed.
fn show_check(
    session: &Session,
    checker: &Checker,
    practice: &Practice,
    names: &[String],
    name: &str,
    zh: bool,
) -> bool {
    session.clear();
    session.say(&format!(
        "{} {} {}\n",
        "kata watch".bold(),
        name.bold(),
        format!("· katas/{name}.{}", practice.track.extension()).dimmed()
    ));
    session.status(&format!("checking {name}…"));
    let outcome = checker.check(name);
    let mut text = outcome.human(zh);
    if let Outcome::Judged(report) = &outcome {
        if let Err(e) = history::record_checks(practice, std::slice::from_ref(report), Via::Watch, None) {
            text.push_str(&format!("(not logged to the history: {e})\n"));
        }
    }
    text.push('\n');
    text.push_str(&progress(practice, names));
    text.push('\n');
    let passed = outcome.passed();
    let next = next_unsolved(practice, names, name);
    match (passed, &next, session.interactive()) {
        (true, Some(next), true) => text.push_str(&format!(
            "{} Next unsolved: {next} (n for it, q to quit)\n",
            "Passed!".green().bold()
        )),
        (true, Some(next), false) => text.push_str(&format!("Next unsolved kata: {next}.\n")),
        (true, None, _) => text.push_str(&format!("{}\n", "Every kata passes.".green().bold())),
        (false, _, _) => {}
    }
    if session.interactive() {
        text.push_str(&format!("{}\n", "h hint · n next unsolved · l list · q quit".dimmed()));
    }
    session.say(&text);
    passed
}

/// Shows one more hint of `kata`, remembered as `kata hint` remembers it.
fn reveal_hint(practice: &Practice, kata: &Kata, zh: bool) -> Result<String, SetupError> {
    if kata.hints.is_empty() {
        return Ok(format!("{} has no hints.\n", kata.name));
    }
    let mut state = State::load(practice);
    let entry = state.kata(&kata.name);
    entry.hints_shown = (entry.hints_shown + 1).min(kata.hints.len());
    let index = entry.hints_shown - 1;
    state.save(practice)?;
    let mut text = hint_text(kata, index, zh);
    if index + 1 == kata.hints.len() {
        text.push_str(&format!("{}\n", "That was the last hint.".dimmed()));
    }
    Ok(text)
}

/// The katas with ✓ for those passing and ▸ at the current one.
fn list(practice: &Practice, names: &[String], current: &str) -> String {
    let state = State::load(practice);
    let mut out = String::new();
    for name in names {
        let mark = if passing(practice, &state, name) {
            "✓".green()
        } else {
            "·".dimmed()
        };
        let here = if name == current { "▸" } else { " " };
        out.push_str(&format!("{here} {mark} {name}\n"));
    }
    out
}
