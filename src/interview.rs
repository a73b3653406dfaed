//! `kata interview`: a timed mock interview on fresh stubs.
//!
//! Each interview gets its own practice folder, `.kata/interviews/<id>/`
//! (`<id>` is the UTC start time, `20251130-013600`), holding the chosen
//! katas' descriptions, fresh stubs, fixtures copied from the practice
//! folder and the editor package, so that `kata check` itself can judge it;
//! the user's own `katas/` files are never touched. Its state,
//! `interview.json` there, is saved on every event and every second, so a
//! Ctrl-C or a killed terminal loses at most a second of clock: `kata
//! interview --resume` continues with the time that was left.
//!
//! While an interview is unfinished, `kata solution` refuses its katas (unless
//! `--force`); once it has ended they are unlocked, passed or not. The end
//! appends an `interview` record to `.kata/history.jsonl` (see
//! [`crate::history`]).
//!
//! Score: a passed kata earns 100 points less 20 per hint (at least 40), a
//! failed one 0; the interview's score is the mean.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use colored::Colorize;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::build::write_atomic;
use crate::catalog::{Difficulty, Kata, Practice};
use crate::check::{KataReport, Status};
use crate::cli::Lang;
use crate::error::SetupError;
use crate::hash::sha256_hex;
use crate::history::{self, Ending, InterviewKata, InterviewRecord, Record, Via};
use crate::report;
use crate::stats;
use crate::track::Track;
use crate::watch::{self, Checker, Event, Outcome, Session};

/// Katas in an interview unless `--count` or `--katas` says otherwise.
const DEFAULT_COUNT: usize = 2;
/// How often the state is saved while the clock runs, so a killed interview
/// loses at most this much time.
const SAVE_EVERY: Duration = Duration::from_secs(1);
/// How often the countdown is printed when stdout is not a terminal.
const PRINT_EVERY: Duration = Duration::from_secs(60);

/// `kata interview`'s arguments.
#[derive(Debug, clap::Args)]
pub struct InterviewArgs {
    /// How many katas (default 2), picked from your history: those due for
    /// practice first, then those never practised.
    #[arg(long, value_name = "N", conflicts_with = "katas", value_parser = clap::value_parser!(u32).range(1..=20))]
    pub count: Option<u32>,
    /// These katas instead (comma-separated).
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    pub katas: Vec<String>,
    /// The clock, in minutes (default: the sum of the katas' budgets).
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(u64).range(1..=600))]
    pub minutes: Option<u64>,
    /// Pick only katas of this difficulty.
    #[arg(long, value_name = "D", conflicts_with = "katas", value_parser = ["easy", "medium", "hard"])]
    pub difficulty: Option<String>,
    /// Seed of the choice among equally ranked katas (printed, to repeat a choice).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Continue the unfinished interview with the time it had left.
    #[arg(long, conflicts_with_all = ["count", "katas", "minutes", "difficulty", "seed", "seconds"])]
    pub resume: bool,
    /// Language of statements, verdicts and hints.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// The clock in seconds (for tests).
    #[arg(long, hide = true, conflicts_with = "minutes", value_parser = clap::value_parser!(u64).range(1..))]
    pub seconds: Option<u64>,
}

/// One kata's progress in an interview.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Slot {
    /// The kata.
    pub name: String,
    /// Judged checks.
    pub checks: u32,
    /// Hints shown.
    pub hints: u32,
    /// Clock seconds at the first pass.
    pub first_pass_secs: Option<f64>,
    /// The last verdict.
    pub status: Option<Status>,
    /// What failed at the last check, when it did not pass.
    pub failure: Option<String>,
    /// sha256 of the file at the last check: a save that changes nothing is not a new check.
    pub judged_hash: Option<String>,
}

impl Slot {
    fn passed(&self) -> bool {
        self.status == Some(Status::Passed)
    }

    fn score(&self) -> u32 {
        match self.passed() {
            true => 100u32.saturating_sub(20 * self.hints).max(40),
            false => 0,
        }
    }
}

/// `interview.json`: everything needed to resume or score an interview.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InterviewState {
    /// The folder's name.
    pub id: String,
    /// The clock, seconds.
    pub budget_secs: u64,
    /// Clock time used so far.
    pub used_secs: f64,
    /// Per kata, in the order presented.
    pub katas: Vec<Slot>,
    /// Set once it is over.
    pub ended: Option<Ending>,
}

impl InterviewState {
    fn remaining(&self) -> f64 {
        (self.budget_secs as f64 - self.used_secs).max(0.0)
    }

    fn passed(&self) -> usize {
        self.katas.iter().filter(|s| s.passed()).count()
    }

    /// The mean of the katas' scores.
    pub fn score(&self) -> u32 {
        let total: u32 = self.katas.iter().map(Slot::score).sum();
        total.checked_div(self.katas.len() as u32).unwrap_or(0)
    }
}

/// `.kata/interviews/`.
fn interviews_dir(home: &Practice) -> PathBuf {
    home.state_dir().join("interviews")
}

fn state_path(room: &Path) -> PathBuf {
    room.join("interview.json")
}

/// The practice folder an interview folder belongs to (`<home>/.kata/interviews/<id>`),
/// so that commands run inside an interview folder find their home; any other
/// folder is its own home.
pub fn home_of(practice: &Practice) -> Practice {
    let root = &practice.root;
    let home = root
        .parent()
        .filter(|p| p.ends_with(".kata/interviews"))
        .and_then(|p| p.parent()?.parent());
    match home {
        Some(home) if state_path(root).is_file() => Practice {
            root: home.to_path_buf(),
            track: practice.track,
        },
        _ => practice.clone(),
    }
}

/// Every interview of a practice folder, oldest first; unreadable states are skipped.
fn all_interviews(home: &Practice) -> Vec<(PathBuf, InterviewState)> {
    let Ok(entries) = fs::read_dir(interviews_dir(home)) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, InterviewState)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|dir| {
            let text = fs::read_to_string(state_path(&dir)).ok()?;
            let state = serde_json::from_str(&text).ok()?;
            Some((dir, state))
        })
        .collect();
    found.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    found
}

/// Whether `kata solution` may show a kata, as far as interviews decide.
#[derive(Debug, PartialEq, Eq)]
pub enum SolutionGate {
    /// The kata is in this unfinished interview.
    Locked(String),
    /// The kata was in an interview that has ended.
    Unlocked,
    /// No interview involves it.
    NoInterview,
}

/// Decides whether interviews lock or unlock `name`'s solution.
pub fn solution_gate(practice: &Practice, name: &str) -> SolutionGate {
    let interviews = all_interviews(&home_of(practice));
    let with = |s: &&(PathBuf, InterviewState)| s.1.katas.iter().any(|k| k.name == name);
    if let Some((_, s)) = interviews.iter().filter(with).find(|(_, s)| s.ended.is_none()) {
        return SolutionGate::Locked(s.id.clone());
    }
    match interviews.iter().any(|s| with(&s)) {
        true => SolutionGate::Unlocked,
        false => SolutionGate::NoInterview,
    }
}

/// `m:ss`.
pub fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// A path as the user would type it: relative to the current folder when below it.
fn shown_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative.unwrap_or_else(|| path.to_path_buf()).display().to_string()
}

/// Runs `kata interview`.
pub fn run(practice: &Practice, args: &InterviewArgs, color: bool) -> Result<ExitCode, SetupError> {
    let home = home_of(practice);
    let zh = args.lang == Lang::Zh;
    let unfinished = all_interviews(&home).into_iter().rev().find(|(_, s)| s.ended.is_none());
    let (room, state, fresh) = match (args.resume, unfinished) {
        (true, Some((room, state))) => (room, state, false),
        (true, None) => {
            return Err(SetupError::Usage(
                "there is no unfinished interview to resume; `kata interview` starts one".into(),
            ))
        }
        (false, Some((_, state))) => {
            return Err(SetupError::Usage(format!(
                "interview {} is not finished ({} left):\n  `kata interview --resume` continues it (q there ends it)",
                state.id,
                clock(state.remaining().ceil() as u64)
            )))
        }
        (false, None) => {
            let (room, state) = start(&home, args, zh)?;
            (room, state, true)
        }
    };
    let mut interview = Interview {
        home,
        room: Practice::open(room)?,
        state,
        zh,
    };
    let checker = Checker::new(&interview.room, color, false)?;
    if !fresh {
        println!(
            "Resuming interview {}: {} left of {}.",
            interview.state.id,
            clock(interview.state.remaining().ceil() as u64),
            clock(interview.state.budget_secs)
        );
        interview.print_files();
    }
    interview.run(&checker)
}

/// Picks the katas, writes the interview folder and prints the statements.
fn start(home: &Practice, args: &InterviewArgs, zh: bool) -> Result<(PathBuf, InterviewState), SetupError> {
    let seed = args.seed.unwrap_or_else(|| {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        now.map_or(0, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
    });
    let (katas, reasons) = pick(home, args, seed)?;
    let budget_secs = match (args.seconds, args.minutes) {
        (Some(s), _) => s,
        (None, Some(m)) => m * 60,
        (None, None) => katas.iter().map(|k| u64::from(k.minutes) * 60).sum::<u64>().max(60),
    };
    let (room, id) = write_room(home, &katas)?;
    let state = InterviewState {
        id: id.clone(),
        budget_secs,
        used_secs: 0.0,
        katas: katas
            .iter()
            .map(|k| Slot {
                name: k.name.clone(),
                ..Slot::default()
            })
            .collect(),
        ended: None,
    };
    write_atomic(
        &state_path(&room),
        &serde_json::to_vec_pretty(&state).expect("plain data"),
    )?;
    println!(
        "{} {id}: {} {}, {} on the clock {}",
        "Interview".bold(),
        katas.len(),
        if katas.len() == 1 { "kata" } else { "katas" },
        clock(budget_secs).bold(),
        format!("(seed {seed})").dimmed()
    );
    for (i, (kata, reason)) in katas.iter().zip(&reasons).enumerate() {
        println!();
        let title = if zh { &kata.title_zh } else { &kata.title };
        println!("{}. {} — {title}", i + 1, kata.name.bold());
        let why = format!("{}, {} min; {reason}", kata.difficulty, kata.minutes);
        println!("{}", report::wrap(&why, 74, "   "));
        println!(
            "   Edit {}",
            shown_path(
                &room
                    .join("katas")
                    .join(format!("{}.{}", kata.name, home.track.extension()))
            )
            .bold()
        );
        let statement = if zh { &kata.statement_zh } else { &kata.statement };
        // Statements are written to fit 80 columns as they are.
        println!("{}", statement.trim());
    }
    println!();
    Ok((room, state))
}

/// The chosen katas, with why each was chosen.
fn pick(home: &Practice, args: &InterviewArgs, seed: u64) -> Result<(Vec<Kata>, Vec<String>), SetupError> {
    if !args.katas.is_empty() {
        let mut katas: Vec<Kata> = Vec::new();
        for name in &args.katas {
            let kata = home.load(name.trim())?;
            if !katas.iter().any(|k| k.name == kata.name) {
                katas.push(kata);
            }
        }
        let reasons = vec!["you chose it".to_string(); katas.len()];
        return Ok((katas, reasons));
    }
    let difficulty = match &args.difficulty {
        Some(d) => Some(Difficulty::try_from(d.clone()).map_err(SetupError::Usage)?),
        None => None,
    };
    let mut candidates: Vec<Kata> = home
        .load_all()?
        .into_iter()
        .filter(|k| difficulty.is_none_or(|d| k.difficulty == d))
        .collect();
    if candidates.is_empty() {
        return Err(SetupError::Usage("no kata matches that difficulty".into()));
    }
    // The shuffle decides only between katas the history ranks equally.
    candidates.shuffle(&mut rand_chacha::ChaCha8Rng::seed_from_u64(seed));
    let names: Vec<String> = candidates.iter().map(|k| k.name.clone()).collect();
    let (records, _) = history::load(home);
    let queue = stats::queue(&names, &records, history::now().0);
    let count = args.count.map_or(DEFAULT_COUNT, |c| c as usize);
    let mut katas = Vec::new();
    let mut reasons = Vec::new();
    for pick in queue.into_iter().take(count) {
        if let Some(i) = candidates.iter().position(|k| k.name == pick.kata) {
            katas.push(candidates.swap_remove(i));
            reasons.push(pick.reason);
        }
    }
    Ok((katas, reasons))
}

/// Writes `.kata/interviews/<id>/`: the editor package, the katas'
/// descriptions (the practice folder's own), fresh stubs and fixtures.
fn write_room(home: &Practice, katas: &[Kata]) -> Result<(PathBuf, String), SetupError> {
    let format = time::macros::format_description!("[year][month][day]-[hour][minute][second]");
    let stamp = time::OffsetDateTime::now_utc()
        .format(&format)
        .unwrap_or_else(|_| "interview".into());
    let base = interviews_dir(home);
    let mut id = stamp.clone();
    let mut n = 1;
    while base.join(&id).exists() {
        n += 1;
        id = format!("{stamp}-{n}");
    }
    let room = base.join(&id);
    let write = |rel: &str, bytes: &[u8]| -> Result<(), SetupError> {
        let path = room.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| SetupError::io(parent, e))?;
        }
        fs::write(&path, bytes).map_err(|e| SetupError::io(&path, e))
    };
    // The track's shared files: the editor package (Rust), or the prelude
    // and the settings that make the room a Python folder.
    let shared: &[&str] = match home.track {
        Track::Rust => &[
            "katas/Cargo.toml",
            "katas/prelude/Cargo.toml",
            "katas/prelude/src/lib.rs",
        ],
        Track::Python => &["katas/prelude.py", crate::track::SETTINGS_FILE],
    };
    let files = home.track.practice_files();
    for rel in shared {
        let bytes = files
            .iter()
            .find(|(p, _)| p == rel)
            .map(|(_, b)| *b)
            .ok_or_else(|| SetupError::Usage(format!("{rel} is not built in")))?;
        write(rel, bytes)?;
    }
    let mut lib = String::from(
        "//! This interview's katas, for rust-analyzer; `kata` compiles each file on its own.\n\
         #![allow(unused_variables, dead_code)]\n\n",
    );
    for kata in katas {
        let name = &kata.name;
        lib.push_str(&format!("pub mod {name};\n"));
        let stub = home
            .track
            .stub(name)
            .ok_or_else(|| SetupError::NoReference(name.clone()))?;
        write(&format!("katas/{name}.{}", home.track.extension()), stub.as_bytes())?;
        let description = home.description_file(name);
        write(
            &format!("katas/{name}.toml"),
            &fs::read(&description).map_err(|e| SetupError::io(&description, e))?,
        )?;
        let fixtures = home.fixture_dir(name);
        let entries = fs::read_dir(&fixtures).map_err(|e| SetupError::io(&fixtures, e))?;
        for entry in entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()) {
            let Some(file) = entry.file_name().and_then(|f| f.to_str()) else {
                continue;
            };
            let bytes = fs::read(&entry).map_err(|e| SetupError::io(&entry, e))?;
            write(&format!("fixtures/{name}/{file}"), &bytes)?;
        }
    }
    if home.track == Track::Rust {
        write("katas/lib.rs", lib.as_bytes())?;
    }
    Ok((room, id))
}

/// A running interview.
struct Interview {
    home: Practice,
    room: Practice,
    state: InterviewState,
    zh: bool,
}

impl Interview {
    fn save(&self) -> Result<(), SetupError> {
        let json = serde_json::to_vec_pretty(&self.state).expect("plain data");
        write_atomic(&state_path(&self.room.root), &json)
    }

    fn print_files(&self) {
        for (i, slot) in self.state.katas.iter().enumerate() {
            let mark = if slot.passed() { "✓".green() } else { "·".dimmed() };
            println!("  {} {mark} {}", i + 1, shown_path(&self.room.user_file(&slot.name)));
        }
    }

    fn run(&mut self, checker: &Checker) -> Result<ExitCode, SetupError> {
        let names: Vec<String> = self.state.katas.iter().map(|s| s.name.clone()).collect();
        let session = Session::start(&self.room.katas_dir(), self.room.track.extension(), &names)?;
        let keys = match (session.interactive(), names.len()) {
            (true, 1) => "Keys: h hint · q end the interview".to_string(),
            (true, n) => format!("Keys: h hint · 1-{n} pick the kata for h · q end the interview"),
            (false, _) => "Keys (a letter, then Enter): h hint · 1-9 pick the kata for h · q end".to_string(),
        };
        session.say(&format!(
            "Every save is checked; the reference solutions stay locked until the end.\n{keys}.\n"
        ));
        let used_before = self.state.used_secs;
        let started = Instant::now();
        let used = move || used_before + started.elapsed().as_secs_f64();
        let mut focus = 0;
        let mut saved_at = Instant::now();
        let mut printed_at: Option<Instant> = None;
        let ending = loop {
            self.state.used_secs = used().min(self.state.budget_secs as f64);
            if self.state.passed() == self.state.katas.len() {
                break Ending::AllPassed;
            }
            if self.state.remaining() <= 0.0 {
                session.say(&format!(
                    "\n{}\n",
                    "Time is up: a final check of every changed file.".bold()
                ));
                break Ending::TimeUp;
            }
            if saved_at.elapsed() >= SAVE_EVERY {
                self.save()?;
                saved_at = Instant::now();
            }
            // A terminal's status line is redrawn in place; elsewhere it is a new line now and then.
            if session.interactive() || printed_at.is_none_or(|t| t.elapsed() >= PRINT_EVERY) {
                session.status(&self.status_line(focus));
                printed_at = Some(Instant::now());
            }
            let wait = watch::TICK.min(Duration::from_secs_f64(self.state.remaining().max(0.01)));
            match session.next(wait) {
                Event::Saved(saved) => {
                    for name in saved {
                        if let Some(i) = names.iter().position(|n| *n == name) {
                            focus = i;
                            let text = self.judge(checker, i, used());
                            session.say(&text);
                        }
                    }
                    self.save()?;
                    if !session.interactive() {
                        session.status(&self.status_line(focus));
                        printed_at = Some(Instant::now());
                    }
                }
                Event::Key('h') => {
                    let text = self.hint(focus)?;
                    session.say(&text);
                }
                Event::Key(c @ '1'..='9') => {
                    let i = c as usize - '1' as usize;
                    if i < names.len() {
                        focus = i;
                        session.say(&format!("Hints now go to {}.\n", names[i]));
                    }
                }
                Event::Key('q') => break Ending::Quit,
                Event::Interrupt => {
                    self.state.used_secs = used().min(self.state.budget_secs as f64);
                    self.save()?;
                    drop(session);
                    // After SIGHUP the terminal is gone: the state is saved, and printing may fail.
                    let _ = writeln!(
                        std::io::stdout(),
                        "Paused interview {} with {} left; `kata interview --resume` continues it.",
                        self.state.id,
                        clock(self.state.remaining().ceil() as u64)
                    );
                    return Ok(ExitCode::from(1));
                }
                Event::Key(_) | Event::Tick => {}
            }
        };
        if ending != Ending::AllPassed {
            // Saves the watcher has not reported yet, and files never saved, are judged now.
            for i in 0..names.len() {
                let text = self.judge(checker, i, self.state.used_secs);
                session.say(&text);
            }
        }
        self.state.used_secs = used().min(self.state.budget_secs as f64);
        self.state.ended = Some(ending);
        self.save()?;
        drop(session);
        self.finish(ending)
    }

    /// `⏱ 12:34 left · 1/2 passing · hints: kmeans`.
    fn status_line(&self, focus: usize) -> String {
        let mut line = format!(
            "⏱ {} left · {}/{} passing",
            clock(self.state.remaining().ceil() as u64),
            self.state.passed(),
            self.state.katas.len()
        );
        if self.state.katas.len() > 1 {
            line.push_str(&format!(" · h: hint for {}", self.state.katas[focus].name));
        }
        line.chars().take(79).collect()
    }

    /// Checks kata `i` if its file changed since its last check; returns what to show.
    fn judge(&mut self, checker: &Checker, i: usize, used_secs: f64) -> String {
        let name = self.state.katas[i].name.clone();
        let hash = fs::read(self.room.user_file(&name)).ok().map(|b| sha256_hex(&b));
        if hash.is_some() && hash == self.state.katas[i].judged_hash {
            return String::new();
        }
        let outcome = checker.check(&name);
        let mut text = outcome.human(self.zh);
        if let Outcome::Judged(report) = &outcome {
            let slot = &mut self.state.katas[i];
            slot.checks += 1;
            slot.status = Some(report.status);
            slot.judged_hash = hash;
            slot.failure = (report.status != Status::Passed).then(|| failure_summary(report));
            if report.status == Status::Passed && slot.first_pass_secs.is_none() {
                slot.first_pass_secs = Some((used_secs * 10.0).round() / 10.0);
            }
            let logged = history::record_checks(
                &self.home,
                std::slice::from_ref(report),
                Via::Interview,
                Some(&self.state.id),
            );
            if let Err(e) = logged {
                text.push_str(&format!("(not logged to the history: {e})\n"));
            }
        }
        text
    }

    fn hint(&mut self, focus: usize) -> Result<String, SetupError> {
        let slot = &mut self.state.katas[focus];
        let kata = self.room.load(&slot.name)?;
        let index = slot.hints as usize;
        if index < kata.hints.len() {
            slot.hints += 1;
            self.save()?;
        }
        Ok(watch::hint_text(&kata, index, self.zh))
    }

    /// Logs the interview and prints the scorecard. Exit 0 when every kata passed.
    fn finish(&self, ending: Ending) -> Result<ExitCode, SetupError> {
        let s = &self.state;
        let (unix, at) = history::now();
        let record = InterviewRecord {
            unix,
            at,
            id: s.id.clone(),
            budget_secs: s.budget_secs,
            used_secs: (s.used_secs * 10.0).round() / 10.0,
            ended: ending,
            score: s.score(),
            katas: s
                .katas
                .iter()
                .map(|k| InterviewKata {
                    kata: k.name.clone(),
                    passed: k.passed(),
                    first_pass_secs: k.first_pass_secs,
                    checks: k.checks,
                    hints: k.hints,
                    failure: k.failure.clone(),
                })
                .collect(),
        };
        history::append(&self.home, &[Record::Interview(record)])?;
        print!("{}", scorecard(s, ending));
        println!(
            "{}",
            format!(
                "Logged to {}.\nThe solutions are unlocked: kata solution <kata>.",
                shown_path(&history::path(&self.home))
            )
            .dimmed()
        );
        Ok(match s.passed() == s.katas.len() {
            true => ExitCode::SUCCESS,
            false => ExitCode::from(1),
        })
    }
}

/// What still failed: `forward: failed 3 of 23 cases (looks like: …)`, or
/// `does not compile`, `not implemented yet`.
pub fn failure_summary(report: &KataReport) -> String {
    match report.status {
        Status::Passed => String::new(),
        Status::CompileError => "does not compile".into(),
        Status::NotImplemented => "not implemented yet".into(),
        Status::Failed => report
            .parts
            .iter()
            .filter(|p| p.status != Status::Passed)
            .map(|p| {
                let failed = p
                    .cases
                    .iter()
                    .filter(|c| c.verdict != crate::check::Verdict::Pass)
                    .count();
                let mut line = match p.status {
                    Status::NotImplemented => format!("{}: not implemented yet", p.name),
                    _ => format!("{}: failed {failed} of {} cases", p.name, p.cases.len()),
                };
                if let Some(d) = &p.looks_like {
                    line.push_str(&format!(" (looks like: {})", d.en));
                }
                line
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The table printed at the end.
fn scorecard(s: &InterviewState, ending: Ending) -> String {
    let why = match ending {
        Ending::AllPassed => "every kata passed",
        Ending::TimeUp => "time is up",
        Ending::Quit => "ended early",
    };
    let mut out = format!("\n{} {}: {why}\n", "Scorecard of interview".bold(), s.id);
    out.push_str(&format!(
        "{:<28} {:>7} {:>10} {:>6} {:>5}\n",
        "KATA", "RESULT", "FIRST PASS", "CHECKS", "HINTS"
    ));
    for k in &s.katas {
        let result = match k.passed() {
            true => format!("{:>7}", "passed").green(),
            false => format!("{:>7}", "failed").red(),
        };
        let first = k.first_pass_secs.map_or("—".to_string(), |t| clock(t as u64));
        out.push_str(&format!(
            "{:<28} {result} {first:>10} {:>6} {:>5}\n",
            k.name, k.checks, k.hints
        ));
        if let (false, Some(failure)) = (k.passed(), &k.failure) {
            out.push_str(&report::wrap(&format!("still failing: {failure}"), 74, "    "));
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "{} {}/100 · {} of {} passed · clock {} of {}\n",
        "Score".bold(),
        s.score().to_string().bold(),
        s.passed(),
        s.katas.len(),
        clock(s.used_secs as u64),
        clock(s.budget_secs)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(status: Status, hints: u32) -> Slot {
        Slot {
            name: "k".into(),
            status: Some(status),
            hints,
            ..Slot::default()
        }
    }

    #[test]
    fn scores_count_hints_and_failures() {
        let state = InterviewState {
            id: "x".into(),
            budget_secs: 60,
            used_secs: 0.0,
            katas: vec![
                slot(Status::Passed, 0),
                slot(Status::Passed, 1),
                slot(Status::Passed, 9),
                slot(Status::Failed, 0),
            ],
            ended: None,
        };
        assert_eq!(
            state.katas.iter().map(Slot::score).collect::<Vec<_>>(),
            [100, 80, 40, 0]
        );
        assert_eq!(state.score(), 55);
    }

    #[test]
    fn an_interview_folder_knows_its_home() {
        let dir = tempfile::tempdir().unwrap();
        let room = dir.path().join(".kata/interviews/20250101-000000");
        fs::create_dir_all(&room).unwrap();
        let practice = Practice {
            root: room.clone(),
            track: Default::default(),
        };
        assert_eq!(
            home_of(&practice).root,
            room,
            "no interview.json: not an interview folder"
        );
        fs::write(state_path(&room), "{}").unwrap();
        assert_eq!(home_of(&practice).root, dir.path());
        assert_eq!(clock(754), "12:34");
    }
}
