//! `.kata/history.jsonl`: the practice log that `kata stats` and `kata next`
//! read. It is only ever appended to, one JSON object per line, so a crash
//! can at worst leave one torn last line (which readers skip).
//!
//! Every line has `kind`, `unix` (seconds since 1970, UTC) and `at` (the same
//! instant as RFC 3339, for people). Two kinds exist:
//!
//! - `"kind": "check"`, one per judged check of a kata:
//!   `kata` (name), `status` (`passed`, `failed`, `not_implemented`,
//!   `compile_error`, or `partial_pass`), `via` (`check` for `kata check`,
//!   `watch` for `kata watch`, `interview` for a check inside `kata
//!   interview`), for `via: "interview"`, `interview` (the interview's id),
//!   and `partial: true` for a partial check (`--case`, or fewer random cases
//!   than the default). Only a full check is ever `passed`: a partial check
//!   that passed is `partial_pass`, an attempt but not a pass.
//!   `not_implemented` is not an attempt (the functions still say `todo!()`),
//!   so readers skip it. A verdict served from the verdict cache (the file
//!   unchanged since it was last judged) is not a new attempt and is not
//!   logged.
//! - `"kind": "interview"`, one per finished interview: `id` (its folder under
//!   `.kata/interviews/`), `budget_secs`, `used_secs` (clock time used; a
//!   paused interview's pause does not count), `ended` (`all_passed`,
//!   `time_up` or `quit`), `score` (0–100) and `katas`, one object per kata
//!   with `kata`, `passed`, `first_pass_secs` (clock seconds from the
//!   interview's start to the first pass, or null), `checks`, `hints`,
//!   `failure` (what still failed, or null) and `attempted` (false when
//!   every check of it was "not implemented yet": a kata left untouched was
//!   not practised; lines without it were written before it existed and
//!   count as attempted).
//!
//! ```json
//! {"kind":"check","unix":1764466560,"at":"2025-11-30T01:36:00Z","kata":"layer_norm","status":"failed","via":"check"}
//! {"kind":"interview","unix":1764468000,"at":"2025-11-30T02:00:00Z","id":"20251130-013500","budget_secs":2100,"used_secs":1430.2,"ended":"time_up","score":70,"katas":[…]}
//! ```

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::catalog::Practice;
use crate::check::{KataReport, Scope, Status};
use crate::error::SetupError;
use crate::track::Track;

/// Which command judged a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// `kata check`.
    Check,
    /// `kata watch`.
    Watch,
    /// A check inside `kata interview`.
    Interview,
}

/// Why an interview ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// Every kata passed.
    AllPassed,
    /// The clock ran out (a final check was run).
    TimeUp,
    /// The candidate pressed `q`.
    Quit,
}

/// A check's verdict as logged: the kata's [`Status`], except that a partial
/// check that passed is [`Logged::PartialPass`], never a pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Logged {
    /// A full check passed.
    Passed,
    /// A partial check (`--case`, fewer random cases) passed.
    PartialPass,
    /// Something failed.
    Failed,
    /// Still `todo!()`.
    NotImplemented,
    /// The file does not compile.
    CompileError,
}

impl Logged {
    /// How a check of `scope` that ended in `status` is logged.
    pub fn of(status: Status, scope: Scope) -> Logged {
        match (status, scope) {
            (Status::Passed, Scope::Full) => Logged::Passed,
            (Status::Passed, Scope::Partial) => Logged::PartialPass,
            (Status::Failed, _) => Logged::Failed,
            (Status::NotImplemented, _) => Logged::NotImplemented,
            (Status::CompileError, _) => Logged::CompileError,
        }
    }

    /// Whether the check was an attempt at the kata: "not implemented yet"
    /// is not one (an untouched stub, or functions that still say `todo!()`).
    pub fn is_attempt(self) -> bool {
        self != Logged::NotImplemented
    }
}

/// One judged check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// Seconds since 1970, UTC.
    pub unix: u64,
    /// The same instant, RFC 3339.
    pub at: String,
    /// The kata.
    pub kata: String,
    /// Its verdict.
    pub status: Logged,
    /// Which command judged it.
    pub via: Via,
    /// The interview's id, for checks inside one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<String>,
    /// A partial check (`--case`, fewer random cases): never a pass.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    /// The track the checked file was written in (`rust` in lines written
    /// before the Python track).
    #[serde(default)]
    pub track: Track,
}

/// One kata's result in an interview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewKata {
    /// The kata.
    pub kata: String,
    /// Whether its last check passed.
    pub passed: bool,
    /// Clock seconds from the start to the first pass.
    pub first_pass_secs: Option<f64>,
    /// How many times a changed file was judged.
    pub checks: u32,
    /// Hints asked for.
    pub hints: u32,
    /// What still failed, for a kata that did not pass.
    pub failure: Option<String>,
    /// Whether any check of it was more than "not implemented yet": an
    /// untouched kata was not practised.
    #[serde(default = "attempted_before_the_field")]
    pub attempted: bool,
}

/// Lines written before `attempted` existed counted every kata as practised.
fn attempted_before_the_field() -> bool {
    true
}

/// One finished interview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewRecord {
    /// Seconds since 1970, UTC, when it ended.
    pub unix: u64,
    /// The same instant, RFC 3339.
    pub at: String,
    /// Its folder's name under `.kata/interviews/`.
    pub id: String,
    /// The clock it was given.
    pub budget_secs: u64,
    /// Clock time used.
    pub used_secs: f64,
    /// Why it ended.
    pub ended: Ending,
    /// 0–100.
    pub score: u32,
    /// Per kata.
    pub katas: Vec<InterviewKata>,
}

/// One line of the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    /// A judged check.
    Check(CheckRecord),
    /// A finished interview.
    Interview(InterviewRecord),
}

impl Record {
    /// When it happened, seconds since 1970.
    pub fn unix(&self) -> u64 {
        match self {
            Record::Check(c) => c.unix,
            Record::Interview(i) => i.unix,
        }
    }
}

/// `.kata/history.jsonl`.
pub fn path(practice: &Practice) -> PathBuf {
    practice.state_dir().join("history.jsonl")
}

/// The current instant as (`unix`, `at`).
pub fn now() -> (u64, String) {
    let now = time::OffsetDateTime::now_utc();
    let unix = u64::try_from(now.unix_timestamp()).unwrap_or(0);
    (unix, rfc3339(unix))
}

/// `unix` as RFC 3339 (`2025-11-30T01:36:00Z`).
pub fn rfc3339(unix: u64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    i64::try_from(unix)
        .ok()
        .and_then(|u| time::OffsetDateTime::from_unix_timestamp(u).ok())
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// Appends records, one line each, in a single write so that concurrent
/// writers (two terminals) never interleave within a line.
pub fn append(practice: &Practice, records: &[Record]) -> Result<(), SetupError> {
    if records.is_empty() {
        return Ok(());
    }
    let file = path(practice);
    let mut text = String::new();
    for r in records {
        text.push_str(&serde_json::to_string(r).expect("plain data"));
        text.push('\n');
    }
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(|e| SetupError::io(dir, e))?;
    }
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(&file)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| SetupError::io(&file, e))
}

/// Logs the judged checks among `reports`, all of `scope`; verdicts served
/// from the cache are not new attempts and are skipped.
pub fn record_checks(
    practice: &Practice,
    reports: &[KataReport],
    via: Via,
    interview: Option<&str>,
    scope: Scope,
) -> Result<(), SetupError> {
    let (unix, at) = now();
    let records: Vec<Record> = reports
        .iter()
        .filter(|r| !r.cached)
        .map(|r| {
            Record::Check(CheckRecord {
                unix,
                at: at.clone(),
                kata: r.name.clone(),
                status: Logged::of(r.status, scope),
                via,
                interview: interview.map(str::to_string),
                partial: scope == Scope::Partial,
                track: r.track,
            })
        })
        .collect();
    append(practice, &records)
}

/// The log, oldest first, and how many lines could not be read (a torn last
/// line after a crash, a line edited by hand). A missing log is empty.
pub fn load(practice: &Practice) -> (Vec<Record>, usize) {
    let Ok(text) = fs::read_to_string(path(practice)) else {
        return (Vec::new(), 0);
    };
    let mut records = Vec::new();
    let mut skipped = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str(line) {
            Ok(r) => records.push(r),
            Err(_) => skipped += 1,
        }
    }
    // Appends from two terminals may land out of order by a second or so.
    records.sort_by_key(Record::unix);
    (records, skipped)
}

/// `m:ss`, for the time an interview took or has left.
pub fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_bad_lines_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let practice = Practice {
            root: dir.path().to_path_buf(),
            track: Default::default(),
        };
        let check = Record::Check(CheckRecord {
            unix: 20,
            at: rfc3339(20),
            kata: "layer_norm".into(),
            status: Logged::Passed,
            via: Via::Check,
            interview: None,
            partial: false,
            track: Track::Python,
        });
        let interview = Record::Interview(InterviewRecord {
            unix: 10,
            at: rfc3339(10),
            id: "20250101-000000".into(),
            budget_secs: 60,
            used_secs: 12.5,
            ended: Ending::TimeUp,
            score: 50,
            katas: vec![InterviewKata {
                kata: "kmeans".into(),
                passed: false,
                first_pass_secs: None,
                checks: 2,
                hints: 1,
                failure: Some("kmeans: failed 1 of 21 cases".into()),
                attempted: true,
            }],
        });
        append(&practice, &[check.clone(), interview.clone()]).unwrap();
        let mut f = OpenOptions::new().append(true).open(path(&practice)).unwrap();
        f.write_all(b"{\"kind\":\"check\",\"unix\":3").unwrap();
        let (records, skipped) = load(&practice);
        assert_eq!(records, vec![interview, check], "sorted by time");
        assert_eq!(skipped, 1);
        let text = fs::read_to_string(path(&practice)).unwrap();
        assert!(
            text.starts_with("{\"kind\":\"check\",\"unix\":20,\"at\":\"1970-01-01T00:00:20Z\""),
            "{text}"
        );
    }
}
