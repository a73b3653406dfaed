//! The tracks a kata is practised in: Rust (ndarray) and Python (NumPy).
//!
//! Everything that differs between them is here: the user's file, the
//! shipped stubs and reference solutions, how a file becomes something to
//! run ([`Toolchain`]) and how it runs ([`Program`]). Cases, judging,
//! diagnosis, the verdict cache, history and the practice modes are shared
//! and never ask which track they are in.
//!
//! A practice folder remembers its track in `kata.toml` at its root
//! (`track = "python"`), written by `kata init DIR --track python`; a folder
//! without that file (every folder made before the Python track) is Rust.

pub mod python;
pub mod rust;
pub mod text;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use clap::ValueEnum;
use serde::{Deserialize, Serialize};

use crate::build::BuildOptions;
use crate::catalog::{Kata, Practice};
use crate::check::{Case, KataReport};
use crate::embedded;
use crate::error::SetupError;
use crate::run::{Job, Limits, RunOutput};

/// The folder's settings file, at the root of a practice folder.
pub const SETTINGS_FILE: &str = "kata.toml";

/// The language a practice folder's katas are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Track {
    /// Rust with ndarray: `katas/<name>.rs`.
    #[default]
    Rust,
    /// Python with NumPy: `katas/<name>.py`.
    Python,
}

impl fmt::Display for Track {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Track {
    /// `rust` or `python`.
    pub fn name(self) -> &'static str {
        match self {
            Track::Rust => "rust",
            Track::Python => "python",
        }
    }

    /// The extension of a user's file: `rs` or `py`.
    pub fn extension(self) -> &'static str {
        match self {
            Track::Rust => "rs",
            Track::Python => "py",
        }
    }

    /// The pristine stub of a kata in this track.
    pub fn stub(self, kata: &str) -> Option<&'static str> {
        let rel = format!("katas/{kata}.{}", self.extension());
        let bytes = match self {
            Track::Rust => embedded::practice_file(&rel),
            Track::Python => lookup(embedded::PYTHON_FILES, &rel),
        };
        bytes.and_then(|b| std::str::from_utf8(b).ok())
    }

    /// The reference solution of a kata in this track, as a user would write it.
    pub fn solution(self, kata: &str) -> Option<&'static str> {
        match self {
            Track::Rust => kata_reference::find(kata).map(|r| r.solution_source),
            Track::Python => lookup(embedded::PYTHON_SOLUTIONS, kata).and_then(|b| std::str::from_utf8(b).ok()),
        }
    }

    /// What the stub's body says until the user replaces it.
    pub fn todo(self) -> &'static str {
        match self {
            Track::Rust => "todo!()",
            Track::Python => "raise NotImplementedError",
        }
    }

    /// The files `kata init` writes for this track, by path in the folder.
    pub fn practice_files(self) -> Vec<(&'static str, &'static [u8])> {
        match self {
            Track::Rust => embedded::PRACTICE_FILES.to_vec(),
            Track::Python => {
                // The descriptions and fixtures are shared; the Rust stubs and
                // the editor package are not needed.
                let shared = embedded::PRACTICE_FILES.iter().copied().filter(|(rel, _)| {
                    rel.starts_with("fixtures/") || (rel.ends_with(".toml") && !rel.ends_with("Cargo.toml"))
                });
                shared
                    .chain(embedded::PYTHON_FILES.iter().copied())
                    .chain([(SETTINGS_FILE, PYTHON_SETTINGS.as_bytes())])
                    .collect()
            }
        }
    }

    /// The track a folder remembers: its `kata.toml`, else Rust.
    pub fn of_folder(root: &Path) -> Result<Track, SetupError> {
        let path = root.join(SETTINGS_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Track::Rust),
            Err(e) => return Err(SetupError::io(&path, e)),
        };
        let settings: Settings = toml::from_str(&text).map_err(|e| SetupError::Toml {
            path: path.clone(),
            location: String::new(),
            message: e.message().to_string(),
        })?;
        Ok(settings.track)
    }
}

/// `kata.toml` of a Python folder.
pub const PYTHON_SETTINGS: &str =
    "# This practice folder's settings, written by `kata init --track python`.\n# `--track rust|python` on a command overrides the track for that command.\ntrack = \"python\"\n";

/// The schema of `kata.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    #[serde(default)]
    track: Track,
}

fn lookup(table: &'static [(&'static str, &'static [u8])], key: &str) -> Option<&'static [u8]> {
    table.iter().find(|(k, _)| *k == key).map(|(_, b)| *b)
}

/// How the Python track calls one part: the `[parts.python]` table of a
/// kata's description.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PythonPart {
    /// Positional arguments: case input names, with a type suffix
    /// (`:float`, `:int`, `:bool`, `:tuple`, `:bytes`, `:list`, `:linear`,
    /// `:linears`, `:mha`) and `?` when optional.
    pub args: Vec<String>,
    /// The output name of each returned value (a trailing `[]`: a list of arrays).
    #[serde(default)]
    pub returns: Vec<String>,
    /// Arguments updated in place: argument → output name.
    #[serde(default)]
    pub inplace: BTreeMap<String, String>,
}

/// What a check needs before it can build anything: the Rust track's
/// prebuilt dependencies, or the Python track's interpreter.
pub enum Toolchain {
    /// Prebuilt ndarray, prelude and harness.
    Rust(crate::build::Deps),
    /// The interpreter that runs the user's file.
    Python(python::Interpreter),
}

impl Toolchain {
    /// Readies the practice folder's track (for Rust, builds the
    /// dependencies once per machine).
    pub fn prepare(practice: &Practice, cache: &Path, quiet: bool) -> Result<Toolchain, SetupError> {
        match practice.track {
            Track::Rust => rust::prepare(cache, quiet).map(Toolchain::Rust),
            Track::Python => Ok(Toolchain::Python(python::Interpreter::from_env())),
        }
    }

    /// Makes the user's file of `kata` runnable.
    pub fn build(
        &self,
        practice: &Practice,
        kata: &Kata,
        cache: &Path,
        opts: BuildOptions,
    ) -> Result<Built, SetupError> {
        match self {
            Toolchain::Rust(deps) => rust::build(practice, kata, deps, cache, opts),
            Toolchain::Python(interpreter) => python::build(practice, kata, interpreter, cache),
        }
    }
}

/// A user's file made runnable, or why it is not.
pub enum Built {
    /// Ready to run.
    Program(Program),
    /// The compiler's diagnostics (the Python track reports a syntax error
    /// from its run instead: see [`crate::run::Event::DoesNotCompile`]).
    CompileError(String),
}

/// A user's kata, ready to run on cases.
pub enum Program {
    /// A compiled program.
    Rust(std::path::PathBuf),
    /// A Python file and the harness that calls it.
    Python(python::Program),
}

impl Program {
    /// Runs every job within the limits.
    pub fn run(&self, jobs: &[Job<'_>], limits: Limits) -> Result<RunOutput, SetupError> {
        match self {
            Program::Rust(path) => crate::run::run(path, jobs, limits),
            Program::Python(p) => p.run(jobs, limits),
        }
    }

    /// Brings the outputs to the form the judge compares, where the track
    /// allows more than one (Python: an integer array for a real one,
    /// booleans for integers, a one-element array for a scalar).
    pub fn settle(&self, cases: &[Case], output: &mut RunOutput) {
        if let Program::Python(_) = self {
            python::settle(cases, output)
        }
    }

    /// [`Program::settle`] for one call's outputs (`kata bench`).
    pub fn settle_outputs(&self, got: &mut kata_harness::Outputs, expected: &kata_harness::Outputs) {
        if let Program::Python(_) = self {
            python::settle_outputs(got, expected)
        }
    }

    /// Names mistakes only this track can make (Python: a rebinding where
    /// an in-place update was asked, float token ids, float32 arithmetic,
    /// outputs returned in each other's place).
    pub fn explain(&self, kata: &Kata, cases: &[Case], report: &mut KataReport) {
        if let Program::Python(_) = self {
            python::explain(kata, cases, report)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_settings_is_rust_and_settings_name_the_track() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Track::of_folder(dir.path()).unwrap(), Track::Rust);
        std::fs::write(dir.path().join(SETTINGS_FILE), PYTHON_SETTINGS).unwrap();
        assert_eq!(Track::of_folder(dir.path()).unwrap(), Track::Python);
        std::fs::write(dir.path().join(SETTINGS_FILE), "track = \"cobol\"\n").unwrap();
        let err = Track::of_folder(dir.path()).unwrap_err().to_string();
        assert!(err.contains("kata.toml") && err.contains("cobol"), "{err}");
    }

    #[test]
    fn a_python_folder_gets_python_stubs_and_no_rust_files() {
        let files = Track::Python.practice_files();
        let has = |rel: &str| files.iter().any(|(p, _)| *p == rel);
        assert!(has("katas/prelude.py") && has(SETTINGS_FILE) && has("katas/layer_norm.toml"));
        assert!(!files
            .iter()
            .any(|(p, _)| p.ends_with(".rs") || p.ends_with("Cargo.toml")));
        for (rel, _) in embedded::PRACTICE_FILES
            .iter()
            .filter(|(p, _)| p.ends_with(".rs") && p.starts_with("katas/"))
        {
            let Some(name) = rel.strip_prefix("katas/").and_then(|n| n.strip_suffix(".rs")) else {
                continue;
            };
            if name == "lib" || name.contains('/') {
                continue;
            }
            let stub = Track::Python
                .stub(name)
                .unwrap_or_else(|| panic!("no Python stub of {name}"));
            assert!(stub.contains("raise NotImplementedError"), "{name}");
            assert!(Track::Python.solution(name).is_some(), "no Python reference of {name}");
        }
    }
}
