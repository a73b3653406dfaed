//! What the tool remembers in `.kata/`: last verdicts (for `kata list`),
//! hints shown, and the verdict cache.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::build::write_atomic;
use crate::catalog::Practice;
use crate::check::{KataReport, Scope, Status, Verdict};
use crate::error::SetupError;
use crate::hash::sha256_hex;

/// What is remembered of one kata.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct KataState {
    /// Status of the last check.
    pub last_status: Option<Status>,
    /// sha256 of the user's file at the last check.
    pub checked_hash: Option<String>,
    /// Whether it has ever passed (unlocks `kata solution`).
    #[serde(default)]
    pub ever_passed: bool,
    /// How many hints have been shown.
    #[serde(default)]
    pub hints_shown: usize,
}

/// `.kata/state.json`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct State {
    /// By kata name.
    #[serde(default)]
    pub katas: BTreeMap<String, KataState>,
}

fn state_file(practice: &Practice) -> PathBuf {
    practice.state_dir().join("state.json")
}

impl State {
    /// Loads the state; a missing or damaged file starts afresh.
    pub fn load(practice: &Practice) -> State {
        fs::read_to_string(state_file(practice))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Saves the state.
    pub fn save(&self, practice: &Practice) -> Result<(), SetupError> {
        let json = serde_json::to_string_pretty(self).expect("plain data");
        write_atomic(&state_file(practice), json.as_bytes())
    }

    /// The status of the last check of `name`, if the user's file is still
    /// the one that was checked.
    pub fn current_status(&self, name: &str, source: &[u8]) -> Option<Status> {
        let entry = self.katas.get(name)?;
        (entry.checked_hash.as_deref() == Some(&sha256_hex(source))).then_some(entry.last_status)?
    }

    /// The entry of one kata, created if absent.
    pub fn kata(&mut self, name: &str) -> &mut KataState {
        self.katas.entry(name.to_string()).or_default()
    }
}

/// Remembers the verdicts for `kata list`, `kata watch` and `kata solution`.
///
/// Only a full check passes a kata: a partial one (`--case`, fewer random
/// cases) that passed says nothing about the others, so it leaves the entry
/// as it was (a file changed since its last full check then shows as
/// "edited, not checked"). A partial check that did not pass is remembered,
/// as the file fails whatever the other cases do.
pub fn remember(practice: &Practice, reports: &[KataReport], scope: Scope) -> Result<(), SetupError> {
    let mut state = State::load(practice);
    for r in reports {
        if scope == Scope::Partial && r.status == Status::Passed {
            continue;
        }
        let source = fs::read(practice.user_file(&r.name)).unwrap_or_default();
        let entry = state.kata(&r.name);
        entry.last_status = Some(r.status);
        entry.checked_hash = Some(sha256_hex(&source));
        entry.ever_passed |= r.status == Status::Passed;
    }
    state.save(practice)
}

#[derive(Serialize, Deserialize)]
struct CacheEntry {
    key: String,
    report: KataReport,
}

fn cache_file(practice: &Practice, name: &str) -> PathBuf {
    practice.state_dir().join("verdicts").join(format!("{name}.json"))
}

/// The cached report of a kata, if its key still matches.
pub fn cached_report(practice: &Practice, name: &str, key: &str) -> Option<KataReport> {
    let text = fs::read_to_string(cache_file(practice, name)).ok()?;
    let entry: CacheEntry = serde_json::from_str(&text).ok()?;
    (entry.key == key).then_some(entry.report)
}

/// Caches a report under its key, unless it might not hold for the same
/// file next time (see [`is_repeatable`]).
pub fn store_report(practice: &Practice, key: &str, report: &KataReport) -> Result<(), SetupError> {
    if !is_repeatable(report) {
        return Ok(());
    }
    let entry = CacheEntry {
        key: key.to_string(),
        report: report.clone(),
    };
    let json = serde_json::to_string(&entry).expect("plain data");
    write_atomic(&cache_file(practice, &report.name), json.as_bytes())
}

/// Whether re-checking the same file would give the same report, so that it
/// may be served from the cache. Not so when a verdict depends on the moment:
/// a timeout (a busy machine slows any program down) and the cases it left
/// unrun; a kill from outside the program (SIGKILL, SIGTERM: the system's
/// out-of-memory killer, a person); a case the kata's own adapter could not
/// take (a fixture fault, fixed without touching the user's file). Crashes
/// the program causes itself (abort, stack overflow, its memory limit) recur,
/// and are cached. Nor when a Python import failed: installing the module
/// changes the verdict without changing the file.
pub fn is_repeatable(report: &KataReport) -> bool {
    report.parts.iter().flat_map(|p| &p.cases).all(|c| match &c.verdict {
        Verdict::Crashed { crash } => !crash.from_outside(),
        Verdict::NotRun | Verdict::BadInput { .. } => false,
        Verdict::Raised { raised } => !matches!(raised.exception.as_str(), "ImportError" | "ModuleNotFoundError"),
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CaseReport, PartReport};
    use crate::run::Crash;

    /// A failed report of one part whose cases got `verdicts`.
    fn report(verdicts: Vec<Verdict>) -> KataReport {
        let cases = verdicts
            .into_iter()
            .enumerate()
            .map(|(i, verdict)| CaseReport {
                case: format!("random-{i}"),
                seed: Some(1),
                shapes: String::new(),
                verdict,
                printed: None,
            })
            .collect();
        KataReport {
            name: "layer_norm".into(),
            status: Status::Failed,
            compile_error: None,
            parts: vec![PartReport {
                name: "layer_norm".into(),
                status: Status::Failed,
                cases,
                looks_like: None,
                diagnoses: Vec::new(),
            }],
            seed: 1,
            dropped_bytes: 0,
            cached: false,
            gradient_check: None,
            track: Default::default(),
            rerun_dir: None,
        }
    }

    fn crashed(crash: Crash) -> Verdict {
        Verdict::Crashed { crash }
    }

    fn signal(name: &str) -> Verdict {
        crashed(Crash::Signal { name: name.into() })
    }

    fn raised(exception: &str) -> Verdict {
        Verdict::Raised {
            raised: crate::run::Raised {
                exception: exception.into(),
                message: "No module named 'torch'".into(),
                message_zh: None,
                location: Some("katas/rope.py:1".into()),
                line: Some("import torch".into()),
            },
        }
    }

    #[test]
    fn what_the_program_did_itself_is_cached() {
        for verdict in [
            Verdict::NotImplemented,
            raised("ValueError"),
            Verdict::Panicked {
                message: "boom".into(),
                location: None,
            },
            crashed(Crash::StackOverflow),
            crashed(Crash::OutOfMemory { limit_mb: 256 }),
            crashed(Crash::Exited { code: 0 }),
            signal("SIGABRT (abort)"),
            signal("SIGSEGV (segmentation fault)"),
        ] {
            assert!(
                is_repeatable(&report(vec![Verdict::Pass, verdict.clone()])),
                "{verdict:?}"
            );
        }
    }

    #[test]
    fn what_depends_on_the_moment_or_the_fixtures_is_not_cached() {
        for verdict in [
            crashed(Crash::Timeout { seconds: 10.0 }),
            Verdict::NotRun,
            signal("SIGKILL (killed)"),
            signal("SIGTERM (terminated)"),
            signal("unknown"),
            Verdict::BadInput {
                message: "`x` should be float64, it is int64".into(),
            },
            raised("ModuleNotFoundError"),
            raised("ImportError"),
        ] {
            assert!(
                !is_repeatable(&report(vec![Verdict::Pass, verdict.clone()])),
                "{verdict:?}"
            );
        }
    }
}
