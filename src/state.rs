//! What the tool remembers in `.kata/`: last verdicts (for `kata list`),
//! hints shown, and the verdict cache.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::build::write_atomic;
use crate::catalog::Practice;
use crate::check::{KataReport, Status};
use crate::error::SetupError;

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

    /// The entry of one kata, created if absent.
    pub fn kata(&mut self, name: &str) -> &mut KataState {
        self.katas.entry(name.to_string()).or_default()
    }
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

/// Caches a report under its key.
pub fn store_report(practice: &Practice, key: &str, report: &KataReport) -> Result<(), SetupError> {
    let entry = CacheEntry {
        key: key.to_string(),
        report: report.clone(),
    };
    let json = serde_json::to_string(&entry).expect("plain data");
    write_atomic(&cache_file(practice, &report.name), json.as_bytes())
}
