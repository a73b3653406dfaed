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

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

use colored::Colorize;
use crossterm::event::{Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer_opt, Config, DebounceEventResult, Debouncer};
use textwrap::core::display_width;

use crate::build;
use crate::catalog::{Kata, Practice};
use crate::check::{self, CheckOptions, KataReport, Scope, Status};
use crate::cli::Lang;
use crate::error::SetupError;
use crate::history::{self, Via};
use crate::report;
use crate::run;
use crate::state::{self, State};
use crate::stats;
use crate::track::Toolchain;

/// How long saves of one file are gathered into one check: an editor that
/// writes a file in several steps triggers a single check. Each save is
/// reported this long after its last write (no batching), so a verdict comes
/// this much later than `kata check` would give it.
pub const DEBOUNCE: Duration = Duration::from_millis(50);
/// How often the loop wakes without an event (countdowns, signals).
pub const TICK: Duration = Duration::from_millis(250);

/// `kata watch`'s arguments.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// The kata (default: the first one not passing yet).
    pub name: Option<String>,
    /// Language of verdicts, hints and keys.
    #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
    pub lang: Lang,
    /// Stop after this many seconds (for tests and scripts).
    #[arg(long, hide = true)]
    pub seconds: Option<u64>,
}

/// One thing the loop reacts to.
#[derive(Debug)]
pub enum Event {
    /// These katas' files were saved (or deleted), in the order seen.
    Saved(Vec<String>),
    /// A key (on a terminal) or a letter of a line read from stdin.
    Key(char),
    /// Ctrl-C on a terminal in raw mode, or SIGINT, SIGTERM or SIGHUP.
    Interrupt,
    /// The terminal changed size.
    Resize,
    /// A check started by [`Judging::start`] ended.
    Checked(Box<Checked>),
    /// Nothing happened for a while.
    Tick,
}

/// The verdict of a check run on a worker thread.
#[derive(Debug)]
pub struct Checked {
    /// Which [`Judging`] it comes from.
    pub id: u64,
    /// What came of it.
    pub outcome: Outcome,
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

/// Saves, keys, signals, verdicts and ticks as one stream of [`Event`]s, and
/// output that works in raw mode.
pub struct Session {
    tx: Sender<Event>,
    rx: Receiver<Event>,
    /// Events taken from the channel while merging saves, not yet handed out.
    pending: RefCell<VecDeque<Event>>,
    // Dropping it stops watching; it is only held.
    _watcher: Debouncer<RecommendedWatcher>,
    // Declared last: dropped after the watcher, so the terminal is restored
    // once nothing else of the session runs.
    raw: Option<RawMode>,
    status_shown: Cell<bool>,
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
        let keys = tx.clone();
        if raw.is_some() {
            std::thread::spawn(move || read_terminal_keys(keys));
        } else {
            std::thread::spawn(move || read_line_keys(keys));
        }
        INTERRUPTED.store(false, Ordering::SeqCst);
        for signal in SIGNALS {
            // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
            unsafe {
                libc::signal(signal, on_signal as *const () as libc::sighandler_t);
            }
        }
        Ok(Session {
            tx,
            rx,
            pending: RefCell::new(VecDeque::new()),
            _watcher: watcher,
            raw,
            status_shown: Cell::new(false),
        })
    }

    /// Whether keys come one at a time from a terminal.
    pub fn interactive(&self) -> bool {
        self.raw.is_some()
    }

    /// Where workers send their verdicts ([`Event::Checked`]).
    pub fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }

    /// The terminal's (columns, rows); 80 columns and no limit on rows when
    /// the output is not a terminal.
    pub fn size(&self) -> (usize, usize) {
        match (&self.raw, terminal::size()) {
            (Some(_), Ok((cols, rows))) if cols > 0 && rows > 0 => (cols.into(), rows.into()),
            _ => (80, usize::MAX),
        }
    }

    /// The next event, or [`Event::Tick`] after `timeout`. Saves already
    /// waiting are merged into one event; other events keep their order.
    pub fn next(&self, timeout: Duration) -> Event {
        if INTERRUPTED.swap(false, Ordering::SeqCst) {
            return Event::Interrupt;
        }
        let first = match self.pending.borrow_mut().pop_front() {
            Some(event) => Ok(event),
            None => self.rx.recv_timeout(timeout),
        };
        match first {
            Ok(Event::Saved(mut names)) => {
                let mut pending = self.pending.borrow_mut();
                while let Ok(event) = self.rx.try_recv() {
                    match event {
                        Event::Saved(more) => {
                            for n in more {
                                if !names.contains(&n) {
                                    names.push(n);
                                }
                            }
                        }
                        other => pending.push_back(other),
                    }
                }
                Event::Saved(names)
            }
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout) => Event::Tick,
            // The session holds a sender itself, so this cannot happen; should it, only ticks remain.
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

    /// A status line: redrawn in place on a terminal, cut to its width so it
    /// never wraps (a wrapped line would leave a copy behind at every
    /// redraw); one more line elsewhere. `paint` colours the cut text.
    pub fn status(&self, text: &str, paint: impl Fn(&str) -> String) {
        if self.raw.is_some() {
            let (cols, _) = self.size();
            let mut out = std::io::stdout().lock();
            let _ = write!(out, "\r{}", paint(&fit_line(text, cols.saturating_sub(1))));
            let _ = execute!(out, terminal::Clear(terminal::ClearType::UntilNewLine));
            let _ = out.flush();
            self.status_shown.set(true);
        } else {
            self.say(&format!("{}\n", paint(text)));
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

/// `text` (plain, one line) cut to `width` columns, with `…` where it was cut.
pub fn fit_line(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The first lines of `text` that fit in `rows` rows of `cols` columns (a
/// long line takes several rows), and how many lines were left out.
pub fn fit_screen(text: &str, cols: usize, rows: usize) -> (String, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let mut used = 0;
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let height = display_width(line).div_ceil(cols.max(1)).max(1);
        // The last row is kept for the line saying what was left out.
        let left = lines.len() - i;
        if used + height > rows || (left > 1 && used + height + 1 > rows) {
            return (out, left);
        }
        used += height;
        out.push_str(line);
        out.push('\n');
    }
    (out, 0)
}

/// How many rows `text` takes on a terminal `cols` wide (long lines wrap).
pub fn height(text: &str, cols: usize) -> usize {
    text.lines()
        .map(|line| display_width(line).div_ceil(cols.max(1)).max(1))
        .sum()
}

/// `… 12 more lines: f shows the full report`, cut to `cols`.
pub fn more_lines(cut: usize, cols: usize, zh: bool) -> String {
    let text = match zh {
        false => format!("… {}: f shows the full report", report::plural(cut, "more line")),
        true => format!("… 还有 {cut} 行：按 f 查看完整报告"),
    };
    format!("{}\n", fit_line(&text, cols.saturating_sub(1)).dimmed())
}

/// A rule with a label, `── layer_norm · 12:04:31 ──────`, as wide as `cols` (at most 60).
pub fn rule(label: &str, cols: usize) -> String {
    let head = format!("── {label} ");
    let width = cols.saturating_sub(1).clamp(10, 60);
    let pad = width.saturating_sub(display_width(&head));
    fit_line(&format!("{head}{}", "─".repeat(pad)), width)
}

/// The local wall-clock time, `12:04:31`.
pub fn time_of_day() -> String {
    // SAFETY: localtime_r writes only into the struct it is given.
    let tm = unsafe {
        let now = libc::time(std::ptr::null_mut());
        let mut tm: libc::tm = std::mem::zeroed();
        libc::localtime_r(&now, &mut tm);
        tm
    };
    format!("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec)
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
    // Batching would hold a save for up to twice the timeout.
    let config = Config::default().with_timeout(DEBOUNCE).with_batch_mode(false);
    let mut debouncer = new_debouncer_opt::<_, RecommendedWatcher>(config, handler).map_err(|e| {
        SetupError::usage(
            format!("cannot watch files for changes: {e}"),
            format!("无法监视文件的改动：{e}"),
        )
    })?;
    debouncer
        .watcher()
        .watch(dir, RecursiveMode::NonRecursive)
        .map_err(|e| {
            SetupError::usage(
                format!("cannot watch {} for changes: {e}", dir.display()),
                format!("无法监视 {} 的改动：{e}", dir.display()),
            )
        })?;
    Ok(debouncer)
}

fn read_terminal_keys(tx: Sender<Event>) {
    while let Ok(event) = crossterm::event::read() {
        let key = match event {
            TermEvent::Key(key) => key,
            TermEvent::Resize(..) => {
                if tx.send(Event::Resize).is_err() {
                    return;
                }
                continue;
            }
            _ => continue,
        };
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
#[derive(Debug)]
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
        self.human_in(zh, None)
    }

    /// [`Outcome::human`], naming the user's file as `user_file` (see [`report::human_in`]).
    pub fn human_in(&self, zh: bool, user_file: Option<&str>) -> String {
        match self {
            Outcome::Judged(r) => report::human_in(r, zh, user_file),
            Outcome::Missing(path) => match zh {
                false => format!(
                    "{} {} is missing (deleted?)\n  Save it again (or `kata reset` restores the stub); still watching.\n",
                    "✗".red().bold(),
                    path.display()
                ),
                true => format!(
                    "{} {} 不见了（被删除了？）\n  请重新保存（或用 `kata reset` 恢复桩文件）；仍在监视。\n",
                    "✗".red().bold(),
                    path.display()
                ),
            },
            Outcome::Error(e) => format!(
                "{} {e}\n{}\n",
                "kata: error:".red().bold(),
                pick(
                    zh,
                    "(still watching: fix it and save again)",
                    "（仍在监视：改正后再保存一次）"
                )
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
    /// The last worker started: the next one waits for it, as two builds of
    /// one kata at once could leave the older program in place.
    last: Mutex<Option<JoinHandle<()>>>,
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
            last: Mutex::new(None),
        })
    }

    /// Waits until no worker of this checker runs (a stopped one ends within
    /// milliseconds, or once a build under way is done).
    pub fn wait_idle(&self) {
        let last = self.last.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(worker) = last {
            let _ = worker.join();
        }
    }

    /// Checks one kata, once no worker runs.
    pub fn check(&self, name: &str) -> Outcome {
        self.wait_idle();
        self.check_unless(name, &AtomicBool::new(false)).expect("never stopped")
    }

    /// Checks one kata, unless `stop` is set before the verdict is in: then
    /// `None`, and nothing is cached or remembered.
    fn check_unless(&self, name: &str, stop: &AtomicBool) -> Option<Outcome> {
        let file = self.practice.user_file(name);
        let shown = PathBuf::from("katas").join(format!("{name}.{}", self.practice.track.extension()));
        if !file.is_file() {
            return Some(Outcome::Missing(shown));
        }
        match self.judge(name, stop) {
            Ok(Some(report)) => Some(Outcome::Judged(report)),
            Ok(None) => None,
            // Deleted between the look above and the read.
            Err(_) if !file.is_file() => Some(Outcome::Missing(shown)),
            Err(e) => Some(Outcome::Error(e)),
        }
    }

    fn judge(&self, name: &str, stop: &AtomicBool) -> Result<Option<KataReport>, SetupError> {
        let practice = &self.practice;
        let kata = practice.load(name)?;
        let (key, cached) = check::from_cache(practice, &kata, &self.opts)?;
        let report = match cached.filter(|_| self.use_verdict_cache) {
            Some(r) => r,
            None => {
                let r = check::check(practice, &kata, &self.toolchain, &self.cache, &self.opts)?;
                if stop.load(Ordering::SeqCst) {
                    return Ok(None);
                }
                state::store_report(practice, &key, &r)?;
                r
            }
        };
        state::remember(practice, std::slice::from_ref(&report), self.opts.scope())?;
        Ok(Some(report))
    }
}

/// A check running on a worker thread, so that keys, the clock and saving
/// stay live meanwhile. Its verdict comes as an [`Event::Checked`].
pub struct Judging {
    /// Tells its verdict from those of checks stopped before.
    pub id: u64,
    /// The kata.
    pub name: String,
    stop: Arc<AtomicBool>,
}

impl Judging {
    /// Starts checking `name`; the verdict is sent to `tx`.
    pub fn start(checker: &Arc<Checker>, name: &str, id: u64, tx: Sender<Event>) -> Judging {
        let stop = Arc::new(AtomicBool::new(false));
        let (worker, worker_stop, worker_name) = (Arc::clone(checker), Arc::clone(&stop), name.to_string());
        let mut last = checker.last.lock().unwrap_or_else(PoisonError::into_inner);
        let before = last.take();
        *last = Some(std::thread::spawn(move || {
            let checker = worker;
            if let Some(before) = before {
                let _ = before.join();
            }
            run::stop_when(Arc::clone(&worker_stop));
            let outcome = checker.check_unless(&worker_name, &worker_stop);
            if let (Some(outcome), false) = (outcome, worker_stop.load(Ordering::SeqCst)) {
                let _ = tx.send(Event::Checked(Box::new(Checked { id, outcome })));
            }
        }));
        Judging {
            id,
            name: name.to_string(),
            stop,
        }
    }

    /// Stops it: its program is killed within milliseconds, its verdict
    /// never comes, and nothing of it is remembered. (A build already under
    /// way finishes on its own.)
    pub fn stop(self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Whether a kata's file is the one that last passed.
pub fn passing(practice: &Practice, state: &State, name: &str) -> bool {
    std::fs::read(practice.user_file(name))
        .is_ok_and(|source| state.current_status(name, &source) == Some(Status::Passed))
}

/// `Hint i/n: …`, wrapped to `cols`.
pub fn hint_text(kata: &Kata, index: usize, zh: bool, cols: usize) -> String {
    let width = cols.clamp(30, 80).saturating_sub(4);
    match kata.hints.get(index) {
        Some(h) => format!(
            "{}\n{}\n",
            match zh {
                false => format!("Hint {}/{} ({}):", index + 1, kata.hints.len(), kata.name),
                true => format!("提示 {}/{}（{}）：", index + 1, kata.hints.len(), kata.name),
            }
            .bold(),
            report::wrap(if zh { &h.zh } else { &h.en }, width, "  ")
        ),
        None => no_more_hints(kata, zh),
    }
}

/// Said for a hint asked past the last one.
/// `layer_norm has no hints.` (`kata hint` and watch's `h`).
pub fn no_hints(name: &str, zh: bool) -> String {
    match zh {
        false => format!("{name} has no hints.\n"),
        true => format!("{name} 没有提示。\n"),
    }
}

fn no_more_hints(kata: &Kata, zh: bool) -> String {
    match zh {
        false => format!(
            "{} has no more hints: you have seen all {}.\n",
            kata.name,
            kata.hints.len()
        ),
        true => format!("{} 没有更多提示了：{} 条都已看过。\n", kata.name, kata.hints.len()),
    }
}

/// The English or the Chinese text.
pub fn pick<'a>(zh: bool, en: &'a str, zh_text: &'a str) -> &'a str {
    if zh {
        zh_text
    } else {
        en
    }
}

/// `[██████░░░░] 3/10 katas passing`.
fn progress(practice: &Practice, names: &[String], zh: bool) -> String {
    let state = State::load(practice);
    let done = names.iter().filter(|n| passing(practice, &state, n)).count();
    const WIDTH: usize = 30;
    let filled = (done * WIDTH).checked_div(names.len()).unwrap_or(0);
    let label = match zh {
        false => format!("{done}/{} katas passing", names.len()),
        true => format!("已通过 {done}/{} 题", names.len()),
    };
    format!(
        "[{}{}] {label}",
        "█".repeat(filled).green(),
        "░".repeat(WIDTH - filled).dimmed(),
    )
}

/// What the watch shows: the current kata, its last verdict, and whether
/// the list is open.
struct Watch<'a> {
    practice: &'a Practice,
    names: Vec<String>,
    current: String,
    zh: bool,
    /// The last verdict, rendered anew at each draw so that it wraps at the
    /// terminal's width of the moment (a resize re-wraps it).
    verdict: Option<Shown>,
    /// Whether it passed.
    passed: bool,
    /// `l` shows the list; `l` again hides it.
    list: bool,
    judging: Option<Judging>,
    checks: u64,
    /// The hints asked for the current kata, kept under the footer at every
    /// redraw (a verdict arriving just after `h` would wipe them otherwise).
    hints: Vec<String>,
}

/// A verdict on screen: when it came, what it was, and a note about it.
struct Shown {
    /// The time of day of the verdict, `21:50:23`.
    time: String,
    outcome: Outcome,
    /// Said under the report (the history could not be written).
    note: String,
}

impl Watch<'_> {
    /// The last verdict's report in full, wrapped at the terminal's width.
    fn verdict_text(&self) -> Option<String> {
        self.verdict
            .as_ref()
            .map(|v| format!("{}\n{}{}", rule(&v.time, 60).dimmed(), v.outcome.human(self.zh), v.note))
    }

    /// Starts checking the current kata, stopping a check under way.
    fn start_check(&mut self, session: &Session, checker: &Arc<Checker>) {
        if let Some(old) = self.judging.take() {
            old.stop();
        }
        self.checks += 1;
        self.judging = Some(Judging::start(checker, &self.current, self.checks, session.sender()));
        if session.interactive() {
            self.draw(session);
        } else {
            session.clear();
            session.say(&self.header());
            session.status(&self.judging_line(), str::to_string);
        }
    }

    fn header(&self) -> String {
        let name = &self.current;
        format!(
            "{} {} {}\n",
            "kata watch".bold(),
            name.bold(),
            format!("· katas/{name}.{}", self.practice.track.extension()).dimmed()
        )
    }

    fn judging_line(&self) -> String {
        format!("{} {}…", pick(self.zh, "judging", "正在判定"), self.current)
    }

    /// Takes a verdict; returns what to print after it (without a terminal).
    fn verdict(&mut self, checked: Checked) -> String {
        self.judging = None;
        let mut note = String::new();
        if let Outcome::Judged(report) = &checked.outcome {
            let logged = history::record_checks(
                self.practice,
                std::slice::from_ref(report),
                Via::Watch,
                None,
                Scope::Full,
            );
            if let Err(e) = logged {
                note = format!("(not logged to the history: {e})\n");
            }
        }
        self.passed = checked.outcome.passed();
        let text = checked.outcome.human(self.zh) + &note;
        self.verdict = Some(Shown {
            time: time_of_day(),
            outcome: checked.outcome,
            note,
        });
        text
    }

    /// Progress, the list when open, what next, the keys.
    fn footer(&self, interactive: bool, cut: bool) -> String {
        let mut text = progress(self.practice, &self.names, self.zh);
        text.push('\n');
        if self.list {
            text.push_str(&list(self.practice, &self.names, &self.current));
        }
        let next = stats::next_after(self.practice, &self.names, &self.current);
        match (self.passed, &next, interactive) {
            (true, Some(next), true) => text.push_str(&format!(
                "{}{}{}\n",
                pick(self.zh, "Passed!", "通过！").green().bold(),
                // A full-width `！` has its own space.
                pick(self.zh, " ", ""),
                match self.zh {
                    false => format!("Next: {} (n for it, q to quit)", next.kata),
                    true => format!("下一题：{}（n 切换，q 退出）", next.kata),
                }
            )),
            (true, Some(next), false) => text.push_str(&match self.zh {
                false => report::wrap(&format!("Next kata: {} ({}).", next.kata, next.reason), 78, "") + "\n",
                true => report::wrap(&format!("下一题：{}（{}）。", next.kata, next.reason_zh), 78, "") + "\n",
            }),
            (true, None, _) => text.push_str(&format!(
                "{}\n",
                pick(self.zh, "There is no other kata.", "没有其他题目了。")
                    .green()
                    .bold()
            )),
            (false, _, _) => {}
        }
        if interactive {
            let keys = match (self.zh, cut) {
                (false, false) => "h hint · n next kata · l list · q quit",
                (false, true) => "f full report · h hint · n next kata · l list · q quit",
                (true, false) => "h 提示 · n 下一题 · l 列表 · q 退出",
                (true, true) => "f 完整报告 · h 提示 · n 下一题 · l 列表 · q 退出",
            };
            text.push_str(&format!("{}\n", keys.dimmed()));
        }
        text
    }

    /// Redraws the whole screen of a terminal: header, the verdict cut to
    /// what fits above the footer, the footer, and `judging …` while a check runs.
    fn draw(&self, session: &Session) {
        let (cols, rows) = session.size();
        let header = self.header();
        let footer = self.footer(true, false);
        let hints = kept_hints(self.hints.iter().map(String::as_str), cols, rows);
        let taken = height(&header, cols) + height(&footer, cols) + height(&hints, cols) + 2;
        let verdict = self.verdict_text().unwrap_or_default();
        let (verdict, cut) = fit_screen(&verdict, cols, rows.saturating_sub(taken));
        let mut text = header;
        text.push_str(&verdict);
        if cut > 0 {
            text.push_str(&more_lines(cut, cols, self.zh));
        }
        text.push_str(&self.footer(true, cut > 0));
        text.push_str(&hints);
        session.clear();
        session.say(&text);
        if self.judging.is_some() {
            session.status(&self.judging_line(), |t| t.yellow().to_string());
        }
    }
}

/// Runs `kata watch`. Exit code: that of the last check of the current kata.
pub fn run(practice: &Practice, args: &WatchArgs, color: bool) -> Result<ExitCode, SetupError> {
    let names = practice.names()?;
    let current = match &args.name {
        Some(name) => practice.load(name)?.name,
        // The kata `kata next` names.
        None => match stats::next_after(practice, &names, "") {
            Some(pick) => pick.kata,
            None => return Err(stats::no_katas()),
        },
    };
    let zh = args.lang == Lang::Zh;
    let checker = Arc::new(Checker::new(practice, color, true)?);
    let session = Session::start(&practice.katas_dir(), practice.track.extension(), &names)?;
    let deadline = args.seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let mut watch = Watch {
        practice,
        names: names.clone(),
        current,
        zh,
        verdict: None,
        passed: false,
        list: false,
        judging: None,
        checks: 0,
        hints: Vec::new(),
    };
    watch.start_check(&session, &checker);
    loop {
        // Without a terminal nobody can press n or q: a pass is the end.
        if watch.passed && watch.judging.is_none() && !session.interactive() {
            break;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            session.say("Stopped: the --seconds limit was reached.\n");
            break;
        }
        match session.next(TICK) {
            Event::Saved(saved) => {
                // Saving another kata's file makes it the current one.
                if let Some(other) = saved.first().filter(|_| !saved.contains(&watch.current)) {
                    watch.current = other.clone();
                    watch.verdict = None;
                    watch.hints.clear();
                }
                watch.start_check(&session, &checker);
            }
            Event::Checked(checked) => {
                if watch.judging.as_ref().is_none_or(|j| j.id != checked.id) {
                    continue;
                }
                let text = watch.verdict(*checked);
                if session.interactive() {
                    watch.draw(&session);
                } else {
                    let mut text = text;
                    text.push('\n');
                    text.push_str(&watch.footer(false, false));
                    session.say(&text);
                }
            }
            Event::Key('h') => {
                let (text, new) = match practice.load(&watch.current) {
                    Ok(kata) => reveal_hint(practice, &kata, zh, session.size().0)?,
                    Err(e) => (format!("kata: error: {e}\n"), false),
                };
                // A hint revealed stays under the verdict; "no more hints"
                // is said once, below the screen.
                if session.interactive() && new {
                    watch.hints.push(text);
                    watch.draw(&session);
                } else {
                    session.say(&text);
                }
            }
            Event::Key('n') => match stats::next_after(practice, &names, &watch.current) {
                Some(next) => {
                    watch.current = next.kata;
                    watch.verdict = None;
                    watch.hints.clear();
                    watch.passed = false;
                    watch.start_check(&session, &checker);
                }
                None => session.say(pick(zh, "There is no other kata.\n", "没有其他题目了。\n")),
            },
            Event::Key('l') => {
                watch.list = !watch.list;
                match (session.interactive(), watch.list) {
                    (true, _) => watch.draw(&session),
                    (false, true) => session.say(&list(practice, &names, &watch.current)),
                    (false, false) => session.say(pick(zh, "(list closed)\n", "（列表已收起）\n")),
                }
            }
            Event::Key('f') => {
                if let Some(full) = watch.verdict_text() {
                    session.say(&full);
                }
            }
            Event::Resize => {
                if session.interactive() {
                    watch.draw(&session);
                }
            }
            Event::Key('q') | Event::Interrupt => break,
            Event::Key(_) | Event::Tick => {}
        }
    }
    if let Some(running) = watch.judging.take() {
        running.stop();
    }
    let passed = watch.passed;
    drop(session);
    Ok(if passed { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Shows one more hint of `kata`, remembered as `kata hint` remembers it.
/// The next hint of `kata`, and whether it is one (not "no more hints").
fn reveal_hint(practice: &Practice, kata: &Kata, zh: bool, cols: usize) -> Result<(String, bool), SetupError> {
    if kata.hints.is_empty() {
        return Ok((no_hints(&kata.name, zh), false));
    }
    let mut state = State::load(practice);
    let entry = state.kata(&kata.name);
    if entry.hints_shown >= kata.hints.len() {
        return Ok((no_more_hints(kata, zh), false));
    }
    entry.hints_shown += 1;
    let index = entry.hints_shown - 1;
    state.save(practice)?;
    let mut text = hint_text(kata, index, zh, cols);
    if index + 1 == kata.hints.len() {
        text.push_str(&format!(
            "{}\n",
            pick(zh, "That was the last hint.", "这是最后一条提示。").dimmed()
        ));
    }
    Ok((text, true))
}

/// The newest of the `hints` revealed, as many as fit in half of the
/// screen's `rows` (the newest always), oldest first: under the verdict,
/// they never push it off the screen.
pub fn kept_hints<'a>(hints: impl DoubleEndedIterator<Item = &'a str>, cols: usize, rows: usize) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for hint in hints.rev() {
        let h = height(hint, cols);
        if !kept.is_empty() && used + h > rows / 2 {
            break;
        }
        used += h;
        kept.push(hint);
    }
    kept.reverse();
    kept.concat()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_hints_take_at_most_half_the_screen_newest_first() {
        let hints = ["one\na\n", "two\nb\n", "three\nc\n"];
        assert_eq!(kept_hints(hints.into_iter(), 80, 8), "two\nb\nthree\nc\n");
        // The newest is shown even when it alone is taller.
        assert_eq!(kept_hints(hints.into_iter(), 80, 2), "three\nc\n");
    }

    #[test]
    fn lines_and_screens_are_cut_to_fit() {
        assert_eq!(fit_line("12:34 left · 1/2 passing", 10), "12:34 lef…");
        assert_eq!(fit_line("short", 10), "short");
        assert_eq!(display_width(&fit_line("剩余 12:34 · 已通过", 9)), 9);
        let text = "a\nb\nc\nd\n";
        assert_eq!(fit_screen(text, 80, 10), (text.to_string(), 0));
        assert_eq!(fit_screen(text, 80, 3), ("a\nb\n".to_string(), 2));
        // A line of 100 columns takes two rows of 80.
        let long = format!("{}\nb\n", "x".repeat(100));
        assert_eq!(fit_screen(&long, 80, 3).1, 0);
        assert_eq!(fit_screen(&long, 80, 2).1, 2, "a row stays for the line saying so");
        assert!(display_width(&rule("12:00:00", 40)) <= 40);
    }
}
