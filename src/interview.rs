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

use std::collections::VecDeque;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use colored::Colorize;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::build::write_atomic;
use crate::catalog::{Difficulty, Kata, Practice};
use crate::check::{KataReport, Scope, Status};
use crate::cli::Lang;
use crate::error::SetupError;
use crate::hash::sha256_hex;
use crate::history::{self, clock, Ending, InterviewKata, InterviewRecord, Record, Via};
use crate::list;
use crate::report;
use crate::stats;
use crate::track::Track;
use crate::watch::{self, pick as tr, Checker, Event, Judging, Outcome, Session};

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
    /// Pick only katas with this tag (`classic`, `llm`, a topic: see `kata show`).
    #[arg(long, value_name = "TAG", conflicts_with = "katas")]
    pub tag: Option<String>,
    /// Seed of the choice among equally ranked katas (printed, to repeat a choice).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Continue the unfinished interview with the time it had left.
    #[arg(long, conflicts_with_all = ["count", "katas", "minutes", "difficulty", "tag", "seed", "seconds"])]
    pub resume: bool,
    /// Language of statements, verdicts, hints and the scorecard.
    #[arg(long, value_enum, env = "KATA_LANG", default_value_t = Lang::En)]
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
    /// The same in Chinese, for `--lang zh` (the history keeps the English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_zh: Option<String>,
    /// sha256 of the file at the last check: a save that changes nothing is not a new check.
    pub judged_hash: Option<String>,
    /// Whether a check of it was more than "not implemented yet": a kata
    /// left untouched was not practised.
    #[serde(default)]
    pub attempted: bool,
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

/// Whether the countdown is near its end, and shown in a warning colour:
/// the last fifth of the clock, at most its last 5 minutes.
fn near_the_end(state: &InterviewState) -> bool {
    state.remaining() <= (state.budget_secs as f64 / 5.0).min(300.0)
}

/// A path as the user would type it: relative to the current folder when
/// below it or a few folders up (`../.kata/…` from `katas/`), else whole.
/// Every place in `report` that names `relative` (`katas/x.py`) as a
/// location names `file` instead.
fn relocate(report: &mut crate::check::KataReport, relative: &str, file: &str) {
    use crate::check::Verdict;
    let fix = |s: &mut String| *s = rooted(s, relative, file);
    if let Some(text) = &mut report.compile_error {
        fix(text);
    }
    for part in &mut report.parts {
        for case in &mut part.cases {
            match &mut case.verdict {
                Verdict::Raised { raised } => {
                    if let Some(l) = &mut raised.location {
                        fix(l);
                    }
                }
                Verdict::Panicked { location: Some(l), .. } => fix(l),
                _ => {}
            }
        }
        for finding in &mut part.diagnoses {
            fix(&mut finding.en);
            fix(&mut finding.zh);
        }
    }
}

/// `text` with every `katas/<file>` that does not already follow a `/`
/// (the interview's own path, `.kata/interviews/…/katas/<file>`) replaced by
/// `file`.
fn rooted(text: &str, relative: &str, file: &str) -> String {
    if file == relative {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(relative) {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let prefixed = out.ends_with(|c: char| c == '/' || c == '.' || c.is_alphanumeric() || c == '_');
        out.push_str(if prefixed { relative } else { file });
        rest = &after[relative.len()..];
    }
    out.push_str(rest);
    out
}

fn shown_path(path: &Path) -> String {
    let Ok(cwd) = std::env::current_dir() else {
        return path.display().to_string();
    };
    for (up, base) in cwd.ancestors().take(4).enumerate() {
        if let Ok(rest) = path.strip_prefix(base) {
            // Above the root, `..` would only obscure an absolute path.
            if up > 0 && base.parent().is_none() {
                break;
            }
            let mut shown = PathBuf::new();
            for _ in 0..up {
                shown.push("..");
            }
            return shown.join(rest).display().to_string();
        }
    }
    path.display().to_string()
}

/// Runs `kata interview`.
pub fn run(practice: &Practice, args: &InterviewArgs, color: bool) -> Result<ExitCode, SetupError> {
    let home = home_of(practice);
    let zh = args.lang == Lang::Zh;
    let unfinished = all_interviews(&home).into_iter().rev().find(|(_, s)| s.ended.is_none());
    let (room, state, fresh) = match (args.resume, unfinished) {
        (true, Some((room, state))) => (room, state, false),
        (true, None) => {
            return Err(SetupError::usage(
                "there is no unfinished interview to resume; `kata interview` starts one",
                "没有未完成的面试可以继续；`kata interview` 会开始一场新的",
            ))
        }
        (false, Some((_, state))) => {
            let left = clock(state.remaining().ceil() as u64);
            return Err(SetupError::usage(
                format!(
                    "interview {} is not finished ({left} left):\n  `kata interview --resume` continues it (q there ends it)",
                    state.id
                ),
                format!(
                    "面试 {} 尚未结束（剩余 {left}）：\n  `kata interview --resume` 可以继续（在其中按 q 结束）",
                    state.id
                ),
            ));
        }
        (false, None) => {
            let (room, state) = start(&home, args, zh)?;
            (room, state, true)
        }
    };
    let room = Practice::open(room)?;
    let checker = Arc::new(Checker::new(&room, color, false)?);
    let mut interview = Interview {
        home,
        room,
        state,
        zh,
        checker,
        judging: None,
        queue: VecDeque::new(),
        interrupted: None,
        last_verdict: String::new(),
        hints_shown: Vec::new(),
        ids: 0,
        cols: 80,
    };
    if !fresh {
        interview.print_resumed()?;
    }
    interview.run()
}

/// The kata's title, why it was chosen, the file to edit and its statement.
fn statement(kata: &Kata, i: usize, reason: Option<&str>, file: &Path, zh: bool) -> String {
    let title = if zh { &kata.title_zh } else { &kata.title };
    let mut out = format!("{}. {} — {title}\n", i + 1, kata.name.bold());
    let level = list::difficulty(kata.difficulty, zh);
    let why = match (reason, zh) {
        (Some(reason), false) => format!("{level}, {} min; {reason}", kata.minutes),
        (None, false) => format!("{level}, {} min", kata.minutes),
        (Some(reason), true) => format!("{level}，{} 分钟；{reason}", kata.minutes),
        (None, true) => format!("{level}，{} 分钟", kata.minutes),
    };
    out.push_str(&report::wrap(&why, report::width().saturating_sub(3).min(74), "   "));
    out.push('\n');
    out.push_str(&format!("   {} {}\n", tr(zh, "Edit", "编辑"), shown_path(file).bold()));
    // Statements are written to fit 80 columns: a narrower terminal re-wraps them.
    let text = if zh { &kata.statement_zh } else { &kata.statement }.trim();
    out.push_str(&report::fit_lines(text, report::width()));
    out
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
    match zh {
        false => println!(
            "{} {id}: {}, {} on the clock {}",
            "Interview".bold(),
            report::plural(katas.len(), "kata"),
            clock(budget_secs).bold(),
            format!("(seed {seed})").dimmed()
        ),
        true => println!(
            "{} {id}：{} 题，限时 {}{}",
            "面试".bold(),
            katas.len(),
            clock(budget_secs).bold(),
            format!("（种子 {seed}）").dimmed()
        ),
    }
    for (i, (kata, reason)) in katas.iter().zip(&reasons).enumerate() {
        println!();
        let file = room
            .join("katas")
            .join(format!("{}.{}", kata.name, home.track.extension()));
        print!("{}", statement(kata, i, Some(reason), &file, zh));
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
        let chosen = if args.lang == Lang::Zh {
            "你选的题"
        } else {
            "you chose it"
        };
        let reasons = vec![chosen.to_string(); katas.len()];
        return Ok((katas, reasons));
    }
    let difficulty =
        match &args.difficulty {
            Some(d) => Some(Difficulty::try_from(d.clone()).map_err(|en| {
                SetupError::usage(en, format!("未知的难度 {d:?}，应为 \"easy\"、\"medium\" 或 \"hard\""))
            })?),
            None => None,
        };
    let mut candidates: Vec<Kata> = home
        .load_all()?
        .into_iter()
        .filter(|k| difficulty.is_none_or(|d| k.difficulty == d))
        .filter(|k| args.tag.as_ref().is_none_or(|t| k.tags.contains(t)))
        .collect();
    if candidates.is_empty() {
        return Err(match &args.tag {
            Some(tag) => stats::no_such_tag(home, tag),
            None => SetupError::usage("no kata matches that difficulty", "没有符合该难度的题目"),
        });
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
            reasons.push(if args.lang == Lang::Zh {
                pick.reason_zh
            } else {
                pick.reason
            });
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
        let bytes =
            files.iter().find(|(p, _)| p == rel).map(|(_, b)| *b).ok_or_else(|| {
                SetupError::usage(format!("{rel} is not built in"), format!("{rel} 没有内置在 kata 中"))
            })?;
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
    checker: Arc<Checker>,
    /// The check under way, with the kata's index and the hash of the file it judges.
    judging: Option<(Judging, usize, Option<String>)>,
    /// Katas saved and waiting for their check, oldest first.
    queue: VecDeque<usize>,
    /// The kata whose check `q` stopped: its last save stays unjudged.
    interrupted: Option<usize>,
    /// The last verdict in full (`f` shows it).
    last_verdict: String,
    /// The hints revealed since the interview (re)started, kept under the
    /// verdict at every redraw: each cost 20 points, and the next verdict
    /// would wipe them otherwise.
    hints_shown: Vec<(usize, String)>,
    ids: u64,
    /// The terminal's width, for rules.
    cols: usize,
}

/// How long a first `q` or `h` waits for the second that confirms it.
const CONFIRM: Duration = Duration::from_secs(3);

impl Interview {
    fn save(&self) -> Result<(), SetupError> {
        let json = serde_json::to_vec_pretty(&self.state).expect("plain data");
        write_atomic(&state_path(&self.room.root), &json)
    }

    fn files(&self) -> String {
        let mut out = String::new();
        for (i, slot) in self.state.katas.iter().enumerate() {
            let mark = if slot.passed() { "✓".green() } else { "·".dimmed() };
            out.push_str(&format!(
                "  {} {mark} {}\n",
                i + 1,
                shown_path(&self.room.user_file(&slot.name))
            ));
        }
        out
    }

    /// After `--resume`: the time left, every statement again, the last
    /// verdicts, and the files saved while the interview was down are queued
    /// for judging.
    fn print_resumed(&mut self) -> Result<(), SetupError> {
        let zh = self.zh;
        let s = &self.state;
        let left = clock(s.remaining().ceil() as u64);
        match zh {
            false => println!("Resuming interview {}: {left} left of {}.", s.id, clock(s.budget_secs)),
            true => println!("继续面试 {}：剩余 {left}（共 {}）。", s.id, clock(s.budget_secs)),
        }
        for (i, slot) in s.katas.iter().enumerate() {
            let kata = self.room.load(&slot.name)?;
            println!();
            print!("{}", statement(&kata, i, None, &self.room.user_file(&slot.name), zh));
        }
        println!();
        println!("{}", tr(zh, "Last verdicts:", "上次的判定：").bold());
        for slot in &s.katas {
            let failure = if zh {
                slot.failure_zh.as_ref().or(slot.failure.as_ref())
            } else {
                slot.failure.as_ref()
            };
            let verdict = match (slot.status, failure) {
                (None, _) => tr(zh, "not checked yet", "尚未判定").to_string(),
                (Some(Status::Passed), _) => tr(zh, "passed", "通过").green().to_string(),
                (Some(_), Some(failure)) => format!("{}{failure}", tr(zh, "failed: ", "未通过：").red()),
                (Some(_), None) => tr(zh, "failed", "未通过").red().to_string(),
            };
            println!("{}", report::wrap(&format!("{}: {verdict}", slot.name), 76, "  "));
        }
        print!("{}", self.files());
        for i in 0..s.katas.len() {
            if self.changed(i) {
                self.queue.push_back(i);
            }
        }
        Ok(())
    }

    /// Whether kata `i`'s file differs from the one last judged (a stub
    /// never saved does not count: it is judged at the end).
    fn changed(&self, i: usize) -> bool {
        let slot = &self.state.katas[i];
        let source = fs::read(self.room.user_file(&slot.name)).ok();
        let stub = self.room.track.stub(&slot.name).map(str::as_bytes);
        match (&slot.judged_hash, source) {
            (Some(judged), Some(source)) => *judged != sha256_hex(&source),
            (None, Some(source)) => stub != Some(source.as_slice()),
            // A deleted file is shown as missing by its check.
            (_, None) => true,
        }
    }

    fn keys_line(&self, interactive: bool) -> String {
        let n = self.state.katas.len();
        match (self.zh, interactive, n) {
            (false, true, 1) => "Keys: h hint (twice) · f full report · s statement · q end (twice)".into(),
            (false, true, n) => format!(
                "Keys: h hint (twice) · 1-{n} pick the kata for h · f full report · s statement · q end (twice)"
            ),
            (false, false, _) => "Keys (a letter, then Enter): h hint · 1-9 pick the kata for h · q end".into(),
            (true, true, 1) => "按键：h 提示（按两次）· f 完整报告 · s 题面 · q 结束（按两次）".into(),
            (true, true, n) => {
                format!("按键：h 提示（按两次）· 1-{n} 选择提示的题目 · f 完整报告 · s 题面 · q 结束（按两次）")
            }
            (true, false, _) => "按键（字母后回车）：h 提示 · 1-9 选择提示的题目 · q 结束".into(),
        }
    }

    fn run(&mut self) -> Result<ExitCode, SetupError> {
        let names: Vec<String> = self.state.katas.iter().map(|s| s.name.clone()).collect();
        let session = Session::start(&self.room.katas_dir(), self.room.track.extension(), &names)?;
        let intro = tr(
            self.zh,
            "Every save is checked; the reference solutions stay locked until the end.",
            "每次保存都会判定；参考答案在面试结束前保持锁定。",
        );
        let stop = tr(self.zh, ".", "。");
        let keys = format!("{}{stop}", self.keys_line(session.interactive()));
        let width = report::width();
        session.say(&format!(
            "{}\n{}\n",
            report::wrap(intro, width, ""),
            report::wrap(&keys, width, "")
        ));
        let used_before = self.state.used_secs;
        let started = Instant::now();
        let used = move || used_before + started.elapsed().as_secs_f64();
        let mut focus = 0;
        let mut saved_at = Instant::now();
        let mut printed_at: Option<Instant> = None;
        // A first `q` or `h` on a terminal, waiting for the second.
        let mut armed: Option<(char, Instant)> = None;
        let ending = loop {
            self.state.used_secs = used().min(self.state.budget_secs as f64);
            if self.state.passed() == self.state.katas.len() {
                break Ending::AllPassed;
            }
            if self.state.remaining() <= 0.0 {
                let text = tr(
                    self.zh,
                    "Time is up: a final check of every changed file.",
                    "时间到：对每个改动过的文件做最后一次判定。",
                );
                session.say(&format!("\n{}\n", text.bold()));
                break Ending::TimeUp;
            }
            if saved_at.elapsed() >= SAVE_EVERY {
                self.save()?;
                saved_at = Instant::now();
            }
            self.cols = session.size().0;
            self.next_check(&session);
            // A terminal's status line is redrawn in place; elsewhere it is a new line now and then.
            if session.interactive() || printed_at.is_none_or(|t| t.elapsed() >= PRINT_EVERY) {
                self.show_status(&session, focus);
                printed_at = Some(Instant::now());
            }
            let wait = watch::TICK.min(Duration::from_secs_f64(self.state.remaining().max(0.01)));
            let event = session.next(wait);
            // Any other key disarms a first `q` or `h`.
            let confirmed = |key: char, armed: &mut Option<(char, Instant)>| {
                let was = armed.take();
                !session.interactive() || was.is_some_and(|(k, at)| k == key && at.elapsed() < CONFIRM)
            };
            match event {
                Event::Saved(saved) => {
                    for name in saved {
                        if let Some(i) = names.iter().position(|n| *n == name) {
                            focus = i;
                            self.enqueue(i);
                        }
                    }
                }
                Event::Checked(checked) => {
                    let Some((_, i, hash)) = self.judging.take_if(|(j, _, _)| j.id == checked.id) else {
                        continue;
                    };
                    let text = self.apply(i, checked.outcome, hash, used());
                    // Hints go to a kata still to solve once this one passes.
                    if focus == i && self.state.katas[i].passed() {
                        if let Some(open) = self.state.katas.iter().position(|k| !k.passed()) {
                            focus = open;
                        }
                    }
                    self.show_verdict(&session, &text, focus);
                    self.save()?;
                    if !session.interactive() {
                        self.show_status(&session, focus);
                        printed_at = Some(Instant::now());
                    }
                }
                Event::Key('h') => {
                    if confirmed('h', &mut armed) {
                        let (text, new) = self.hint(focus, session.size().0)?;
                        // A hint revealed stays under the verdict while its
                        // kata is unsolved; "no more hints" is said once.
                        if session.interactive() && new {
                            self.hints_shown.push((focus, text));
                            self.show_verdict(&session, "", focus);
                        } else {
                            session.say(&text);
                        }
                    } else {
                        armed = Some(('h', Instant::now()));
                        let name = &names[focus];
                        session.say(&match self.zh {
                            false => format!(
                                "Press h again within 3 s for a hint for {name} (a pass then scores 20 less).\n"
                            ),
                            true => format!("3 秒内再按 h 查看 {name} 的提示（通过时少得 20 分）。\n"),
                        });
                    }
                }
                Event::Key('q') => {
                    if confirmed('q', &mut armed) {
                        break Ending::Quit;
                    }
                    armed = Some(('q', Instant::now()));
                    session.say(tr(
                        self.zh,
                        "Press q again within 3 s to end the interview for good.\n",
                        "3 秒内再按 q 结束面试（结束后不能继续）。\n",
                    ));
                }
                Event::Key(c @ '1'..='9') => {
                    armed = None;
                    let i = c as usize - '1' as usize;
                    if i < names.len() {
                        focus = i;
                        session.say(&match self.zh {
                            false => format!("Hints now go to {}.\n", names[i]),
                            true => format!("提示现在给 {}。\n", names[i]),
                        });
                    }
                }
                Event::Key('f') => {
                    armed = None;
                    session.say(&self.last_verdict);
                }
                Event::Key('s') => {
                    armed = None;
                    let kata = self.room.load(&names[focus])?;
                    let file = self.room.user_file(&names[focus]);
                    session.say(&format!("{}\n", statement(&kata, focus, None, &file, self.zh)));
                }
                Event::Resize => self.show_verdict(&session, "", focus),
                Event::Interrupt => {
                    if let Some((job, i, _)) = self.judging.take() {
                        // Its file is judged on resuming.
                        job.stop();
                        self.queue.push_front(i);
                    }
                    self.state.used_secs = used().min(self.state.budget_secs as f64);
                    self.save()?;
                    drop(session);
                    // After SIGHUP the terminal is gone: the state is saved, and printing may fail.
                    let left = clock(self.state.remaining().ceil() as u64);
                    let _ = match self.zh {
                        false => writeln!(
                            std::io::stdout(),
                            "Paused interview {} with {left} left; `kata interview --resume` continues it.",
                            self.state.id,
                        ),
                        true => writeln!(
                            std::io::stdout(),
                            "面试 {} 已暂停，剩余 {left}；`kata interview --resume` 继续。",
                            self.state.id,
                        ),
                    };
                    return Ok(ExitCode::from(1));
                }
                Event::Key(_) => armed = None,
                Event::Tick => {}
            }
        };
        if let Some((job, i, _)) = self.judging.take() {
            job.stop();
            match ending {
                // `q` means now: the check it stopped stays undone (an endless loop would hold the exit).
                Ending::Quit => self.interrupted = Some(i),
                _ => self.queue.push_front(i),
            }
        }
        if ending != Ending::AllPassed {
            // Saves the watcher has not reported yet, and files never saved, are judged now.
            for i in 0..names.len() {
                if Some(i) == self.interrupted {
                    self.not_judged(i);
                    continue;
                }
                // `judge_now` heads the verdict with its rule.
                let text = self.judge_now(i, self.state.used_secs);
                if !text.is_empty() {
                    session.say(&text);
                }
            }
        }
        self.state.used_secs = used().min(self.state.budget_secs as f64);
        self.state.ended = Some(ending);
        self.save()?;
        drop(session);
        self.finish(ending)
    }

    /// Queues kata `i` for a check; a check of it under way is stopped (the
    /// newer save makes it moot).
    fn enqueue(&mut self, i: usize) {
        if let Some((job, _, _)) = self.judging.take_if(|(_, j, _)| *j == i) {
            job.stop();
        }
        if !self.queue.contains(&i) {
            self.queue.push_back(i);
        }
    }

    /// Starts the next queued check when none runs.
    fn next_check(&mut self, session: &Session) {
        while self.judging.is_none() {
            let Some(i) = self.queue.pop_front() else { return };
            let name = self.state.katas[i].name.clone();
            let hash = fs::read(self.room.user_file(&name)).ok().map(|b| sha256_hex(&b));
            // A save that changed nothing is not a new check.
            if hash.is_some() && hash == self.state.katas[i].judged_hash {
                continue;
            }
            self.ids += 1;
            let job = Judging::start(&self.checker, &name, self.ids, session.sender());
            if !session.interactive() {
                session.say(&format!("{} {name}…\n", tr(self.zh, "judging", "正在判定")));
            }
            self.judging = Some((job, i, hash));
        }
    }

    /// `⚑ 12:34 left · judging layer_norm… · 1/2 passing · h: kmeans`, in a
    /// warning colour near the end.
    fn show_status(&self, session: &Session, focus: usize) {
        let zh = self.zh;
        let left = clock(self.state.remaining().ceil() as u64);
        let mut line = match zh {
            false => format!("{left} left"),
            true => format!("剩余 {left}"),
        };
        if let Some((job, _, _)) = &self.judging {
            line.push_str(&format!(" · {} {}…", tr(zh, "judging", "正在判定"), job.name));
        }
        line.push_str(&match zh {
            false => format!(" · {}/{} passing", self.state.passed(), self.state.katas.len()),
            true => format!(" · 已通过 {}/{}", self.state.passed(), self.state.katas.len()),
        });
        if self.state.katas.len() > 1 {
            line.push_str(&format!(" · h → {}", self.state.katas[focus].name));
        }
        let warn = near_the_end(&self.state);
        session.status(&line, |t| match warn {
            true => t.yellow().bold().to_string(),
            false => t.to_string(),
        });
    }

    /// `── layer_norm · check 3 · 12:04:31 ──`.
    fn rule(&self, i: usize) -> String {
        let slot = &self.state.katas[i];
        let label = match self.zh {
            false => format!("{} · check {} · {}", slot.name, slot.checks, watch::time_of_day()),
            true => format!("{} · 第 {} 次判定 · {}", slot.name, slot.checks, watch::time_of_day()),
        };
        watch::rule(&label, self.cols)
    }

    /// Shows a verdict (or, with `text` empty, the last one again, as after a
    /// resize). On a terminal the screen is redrawn: the files, the verdict
    /// cut to what fits (`f` shows it all), the status line; elsewhere the
    /// verdict is printed whole.
    fn show_verdict(&mut self, session: &Session, text: &str, focus: usize) {
        if !text.is_empty() {
            self.last_verdict = text.to_string();
        }
        if !session.interactive() {
            session.say(text);
            return;
        }
        let (cols, rows) = session.size();
        let keys = report::wrap(&self.keys_line(true), cols.max(20), "");
        let head = format!("{}{}\n", self.files(), keys.dimmed());
        let unsolved = self
            .hints_shown
            .iter()
            .filter(|(i, _)| !self.state.katas[*i].passed())
            .map(|(_, hint)| hint.as_str());
        let hints = watch::kept_hints(unsolved, cols, rows);
        let taken = watch::height(&head, cols) + watch::height(&hints, cols) + 2;
        let (shown, cut) = watch::fit_screen(&self.last_verdict, cols, rows.saturating_sub(taken));
        let mut screen = head;
        screen.push_str(&shown);
        if cut > 0 {
            screen.push_str(&watch::more_lines(cut, cols, self.zh));
        }
        screen.push_str(&hints);
        session.clear();
        session.say(&screen);
        self.show_status(session, focus);
    }

    /// Records the verdict on kata `i` (its file hashed `hash` when judged); returns what to show.
    fn apply(&mut self, i: usize, mut outcome: Outcome, hash: Option<String>, used_secs: f64) -> String {
        let name = self.state.katas[i].name.clone();
        // The file as the user can open it from where they are, not from the interview folder.
        let file = shown_path(&self.room.user_file(&name));
        if let Outcome::Judged(report) = &mut outcome {
            // A failure's `re-run:` lines would judge the user's own katas/
            // file: they must name this interview's folder.
            report.rerun_dir = Some(shown_path(&self.room.root));
            // Where an exception, a panic or a compile error happened, as
            // the file the user edits (`katas/x.py:7` is their practice file).
            relocate(report, &format!("katas/{name}.{}", self.room.track.extension()), &file);
        }
        let mut text = outcome.human_in(self.zh, Some(&file));
        if let Outcome::Judged(report) = &outcome {
            let slot = &mut self.state.katas[i];
            slot.checks += 1;
            slot.status = Some(report.status);
            slot.judged_hash = hash;
            slot.attempted |= report.status != Status::NotImplemented;
            slot.failure = (report.status != Status::Passed).then(|| failure_summary(report, false));
            slot.failure_zh = (report.status != Status::Passed).then(|| failure_summary(report, true));
            if report.status == Status::Passed && slot.first_pass_secs.is_none() {
                slot.first_pass_secs = Some((used_secs * 10.0).round() / 10.0);
            }
            let logged = history::record_checks(
                &self.home,
                std::slice::from_ref(report),
                Via::Interview,
                Some(&self.state.id),
                Scope::Full,
            );
            if let Err(e) = logged {
                text.push_str(&format!("(not logged to the history: {e})\n"));
            }
        }
        format!("{}\n{text}", self.rule(i).dimmed())
    }

    /// Checks kata `i` now if its file changed since its last check; returns what to show.
    fn judge_now(&mut self, i: usize, used_secs: f64) -> String {
        let name = self.state.katas[i].name.clone();
        let hash = fs::read(self.room.user_file(&name)).ok().map(|b| sha256_hex(&b));
        if hash.is_some() && hash == self.state.katas[i].judged_hash {
            return String::new();
        }
        let outcome = self.checker.check(&name);
        self.apply(i, outcome, hash, used_secs)
    }

    /// Kata `i`'s last save was being judged when `q` ended the interview: a
    /// pass before it stands, else it failed and the scorecard says why.
    fn not_judged(&mut self, i: usize) {
        let slot = &mut self.state.katas[i];
        let stub = self.room.track.stub(&slot.name).map(str::as_bytes);
        let source = fs::read(self.room.user_file(&slot.name)).ok();
        slot.attempted |= source.is_some_and(|s| stub != Some(s.as_slice()));
        if !slot.passed() {
            slot.status = Some(Status::Failed);
            slot.failure = Some("its last save was not judged: the interview ended during its check".into());
            slot.failure_zh = Some("最后一次保存未被判定：面试在判定期间结束了".into());
        }
    }

    /// The focused kata's next hint, and whether it is one (not "no more
    /// hints").
    fn hint(&mut self, focus: usize, cols: usize) -> Result<(String, bool), SetupError> {
        let slot = &mut self.state.katas[focus];
        let kata = self.room.load(&slot.name)?;
        let index = slot.hints as usize;
        let new = index < kata.hints.len();
        if new {
            slot.hints += 1;
            self.save()?;
        }
        Ok((watch::hint_text(&kata, index, self.zh, cols), new))
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
                    attempted: k.attempted,
                })
                .collect(),
        };
        history::append(&self.home, &[Record::Interview(record)])?;
        print!("{}", scorecard(s, ending, self.zh));
        let logged = shown_path(&history::path(&self.home));
        let note = match self.zh {
            false => format!("Logged to {logged}.\nThe solutions are unlocked: kata solution <kata>."),
            true => format!("已记录到 {logged}。\n参考答案已解锁：kata solution <题目>。"),
        };
        println!("{}", note.dimmed());
        Ok(match s.passed() == s.katas.len() {
            true => ExitCode::SUCCESS,
            false => ExitCode::from(1),
        })
    }
}

/// What still failed: `forward: failed 3 of 23 cases (looks like: …)`, or
/// `does not compile`, `not implemented yet`; in Chinese with `zh`.
pub fn failure_summary(report: &KataReport, zh: bool) -> String {
    match report.status {
        Status::Passed => String::new(),
        Status::CompileError => tr(zh, "does not compile", "无法编译").into(),
        Status::NotImplemented => tr(zh, "not implemented yet", "尚未实现").into(),
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
                let mut line = match (p.status, zh) {
                    (Status::NotImplemented, false) => format!("{}: not implemented yet", p.name),
                    (Status::NotImplemented, true) => format!("{}：尚未实现", p.name),
                    (_, false) => format!(
                        "{}: failed {failed} of {}",
                        p.name,
                        report::plural(p.cases.len(), "case")
                    ),
                    (_, true) => format!("{}：{} 个用例中 {failed} 个未通过", p.name, p.cases.len()),
                };
                if let Some(d) = &p.looks_like {
                    line.push_str(&match zh {
                        false => format!(" (looks like: {})", d.en),
                        true => format!("（看起来是：{}）", d.zh),
                    });
                }
                line
            })
            .collect::<Vec<_>>()
            .join(tr(zh, "; ", "；")),
    }
}

/// `text` padded with spaces to `width` columns (on the left when `right`),
/// by display width, so Chinese headings line up.
fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(textwrap::core::display_width(text)));
    match right {
        true => format!("{fill}{text}"),
        false => format!("{text}{fill}"),
    }
}

/// The table printed at the end.
fn scorecard(s: &InterviewState, ending: Ending, zh: bool) -> String {
    let why = match (ending, zh) {
        (Ending::AllPassed, false) => "every kata passed",
        (Ending::TimeUp, false) => "time is up",
        (Ending::Quit, false) => "ended early",
        (Ending::AllPassed, true) => "全部通过",
        (Ending::TimeUp, true) => "时间到",
        (Ending::Quit, true) => "提前结束",
    };
    let title = tr(zh, "Scorecard of interview", "面试成绩单");
    let mut out = format!("\n{} {}{}{why}\n", title.bold(), s.id, tr(zh, ": ", "："));
    let heads = match zh {
        false => ["KATA", "RESULT", "FIRST PASS", "CHECKS", "HINTS"],
        true => ["题目", "结果", "首次通过", "判定", "提示"],
    };
    out.push_str(&format!(
        "{} {} {} {} {}\n",
        pad(heads[0], 28, false),
        pad(heads[1], 7, true),
        pad(heads[2], 10, true),
        pad(heads[3], 6, true),
        pad(heads[4], 5, true)
    ));
    for k in &s.katas {
        let result = match k.passed() {
            true => pad(tr(zh, "passed", "通过"), 7, true).green(),
            false => pad(tr(zh, "failed", "未通过"), 7, true).red(),
        };
        let first = k.first_pass_secs.map_or("—".to_string(), |t| clock(t as u64));
        out.push_str(&format!(
            "{:<28} {result} {first:>10} {:>6} {:>5}\n",
            k.name, k.checks, k.hints
        ));
        let failure = if zh {
            k.failure_zh.as_ref().or(k.failure.as_ref())
        } else {
            k.failure.as_ref()
        };
        if let (false, Some(failure)) = (k.passed(), failure) {
            let label = tr(zh, "still failing: ", "仍未通过：");
            out.push_str(&report::wrap(&format!("{label}{failure}"), 74, "    "));
            out.push('\n');
        }
    }
    out.push_str(&match zh {
        false => format!(
            "{} {}/100 · {} of {} passed · clock {} of {}\n",
            "Score".bold(),
            s.score().to_string().bold(),
            s.passed(),
            s.katas.len(),
            clock(s.used_secs as u64),
            clock(s.budget_secs)
        ),
        true => format!(
            "{} {}/100 · 通过 {}/{} · 用时 {}（共 {}）\n",
            "得分".bold(),
            s.score().to_string().bold(),
            s.passed(),
            s.katas.len(),
            clock(s.used_secs as u64),
            clock(s.budget_secs)
        ),
    });
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn locations_in_a_report_name_the_interview_file() {
        let file = ".kata/interviews/20261203-081148/katas/layer_norm.py";
        let text = "raised ValueError at katas/layer_norm.py:7 (`x`)\n  File \"katas/layer_norm.py\", line 4\n\
                    not implemented yet: replace the raise in .kata/interviews/20261203-081148/katas/layer_norm.py\n\
                    (case example, at katas/layer_norm.py:7)";
        let out = rooted(text, "katas/layer_norm.py", file);
        assert_eq!(out.matches(file).count(), 4, "{out}");
        assert!(!out.contains("interviews/20261203-081148/.kata"), "{out}");
        assert_eq!(rooted(text, "katas/layer_norm.py", "katas/layer_norm.py"), text);
    }

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
