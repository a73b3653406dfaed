//! The practice folder and the kata descriptions in it.
//!
//! A practice folder holds `katas/` (one `<name>.toml` description and one
//! `<name>.rs` user file per kata, plus the Cargo package that lets editors
//! understand them) and `fixtures/<name>/*.npz`.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnosis::invariants::InvariantSpec;
use crate::error::SetupError;
use crate::gradcheck::GradientCheckSpec;
use crate::track::{PythonPart, Track};

/// Per-part tolerance defaults: `|got − exp| ≤ atol + rtol·|exp|`.
pub const DEFAULT_RTOL: f64 = 1e-6;
/// See [`DEFAULT_RTOL`].
pub const DEFAULT_ATOL: f64 = 1e-9;
/// Wall-clock limit for one kata's program, unless its description says otherwise.
pub const DEFAULT_TIME_LIMIT_SECS: f64 = 10.0;
/// Address-space limit for one kata's program, unless its description says otherwise.
pub const DEFAULT_MEMORY_MB: u64 = 2048;
/// The least address space a program starts in: its 64 MiB stack and the rest.
pub const MIN_MEMORY_MB: u64 = 128;

/// How hard a kata is.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase", try_from = "String")]
pub enum Difficulty {
    /// A warm-up.
    Easy,
    /// A typical interview question.
    Medium,
    /// A long or subtle one.
    Hard,
}

/// Read through a string, so that a value of the wrong type is reported as
/// such rather than as serde's "wanted string or table".
impl TryFrom<String> for Difficulty {
    type Error = String;

    fn try_from(s: String) -> Result<Difficulty, String> {
        match s.as_str() {
            "easy" => Ok(Difficulty::Easy),
            "medium" => Ok(Difficulty::Medium),
            "hard" => Ok(Difficulty::Hard),
            _ => Err(format!(
                "unknown difficulty {s:?}, expected \"easy\", \"medium\" or \"hard\""
            )),
        }
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        })
    }
}

/// A text in English and Chinese.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

/// A hint in English and Chinese, with its Python-track wording when the
/// hint names Rust APIs or syntax (see [`crate::track::text`]).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hint {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
    /// English, on the Python track.
    #[serde(default)]
    pub python_en: Option<String>,
    /// Chinese, on the Python track.
    #[serde(default)]
    pub python_zh: Option<String>,
}

/// One function of a kata, checked and reported on its own.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// The function's name.
    pub name: String,
    /// Relative tolerance.
    #[serde(default = "default_rtol")]
    pub rtol: f64,
    /// Absolute tolerance.
    #[serde(default = "default_atol")]
    pub atol: f64,
    /// How the Python track calls it.
    #[serde(default)]
    pub python: Option<PythonPart>,
}

/// A catalogued mistake, recognised by comparing a failing output with the
/// output of the reference's mutant of the same id, or by a pattern in the
/// numbers.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mistake {
    /// Matches a mutant in `reference/src/katas/<kata>/mutants.toml`, if any.
    pub id: String,
    /// Completes "This looks like: …".
    pub en: String,
    /// The same in Chinese.
    pub zh: String,
    /// Also named when the diagnosis finds this pattern (see
    /// `diagnosis::patterns`: `non_finite_rows`, `integers_as_floats`, …).
    #[serde(default)]
    pub pattern: Option<String>,
    /// The output the pattern must be found on (any when absent).
    #[serde(default)]
    pub output: Option<String>,
}

/// A kata description, `katas/<name>.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kata {
    /// Identifier; equals the file stem.
    pub name: String,
    /// Title in English.
    pub title: String,
    /// Title in Chinese.
    pub title_zh: String,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// A fair budget in a mock interview.
    pub minutes: u32,
    /// Topics.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where the kata comes from.
    pub origin: String,
    /// The task in English; once loaded for a practice folder, in its
    /// track's words ([`crate::track::text`]).
    pub statement: String,
    /// The task in Chinese, likewise.
    pub statement_zh: String,
    /// Prose around the `example` fixture case, in English.
    pub example: String,
    /// The same in Chinese.
    pub example_zh: String,
    /// Hints, each giving away more; once loaded for a practice folder, in
    /// its track's words.
    #[serde(default)]
    pub hints: Vec<Hint>,
    /// The mistakes of the snippet the kata comes from.
    #[serde(default)]
    pub errata: Vec<Bilingual>,
    /// The functions to check, in order.
    pub parts: Vec<Part>,
    /// The mistake catalog.
    #[serde(default)]
    pub mistakes: Vec<Mistake>,
    /// Properties of the outputs the diagnosis checks on failing cases.
    #[serde(default)]
    pub invariants: Vec<InvariantSpec>,
    /// Wall-clock limit for the program, seconds.
    #[serde(default = "default_time_limit")]
    pub time_limit_secs: f64,
    /// Memory limit for the program, MiB.
    #[serde(default = "default_memory_mb")]
    pub memory_mb: u64,
    /// How to check a gradient part against the user's own function.
    #[serde(default)]
    pub gradient_check: Option<GradientCheckSpec>,
    /// Where slow code for this kata usually loses its time: `kata bench`
    /// shows it beyond 10x the reference's time (a general list otherwise).
    #[serde(default)]
    pub bench_advice: Vec<Bilingual>,
}

fn default_rtol() -> f64 {
    DEFAULT_RTOL
}
fn default_atol() -> f64 {
    DEFAULT_ATOL
}
fn default_time_limit() -> f64 {
    DEFAULT_TIME_LIMIT_SECS
}
fn default_memory_mb() -> u64 {
    DEFAULT_MEMORY_MB
}

/// A kata name is an identifier: it is used in paths and Rust module names.
pub fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.len() <= 64
}

/// Parses and validates one description.
pub fn parse(path: &Path, text: &str) -> Result<Kata, SetupError> {
    let kata: Kata = toml::from_str(text).map_err(|e| SetupError::Toml {
        path: path.to_path_buf(),
        location: e
            .span()
            .map(|s| line_col(text, s.start))
            .map(|(l, c)| format!("{l}:{c}"))
            .unwrap_or_default(),
        message: e.message().to_string(),
    })?;
    let bad = |message: String| SetupError::Description {
        path: path.to_path_buf(),
        message,
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if !is_valid_name(&kata.name) {
        return Err(bad(format!(
            "`name = {:?}` is not an identifier (a-z, 0-9, _)",
            kata.name
        )));
    }
    if kata.name != stem {
        return Err(bad(format!(
            "`name = {:?}` differs from the file name `{stem}`",
            kata.name
        )));
    }
    if kata.parts.is_empty() {
        return Err(bad("`parts` is empty: name at least one function to check".into()));
    }
    for part in &kata.parts {
        if !is_valid_name(&part.name) {
            return Err(bad(format!("part `{}` is not an identifier", part.name)));
        }
        if !(part.rtol >= 0.0 && part.atol >= 0.0) {
            return Err(bad(format!("part `{}`: rtol and atol must be ≥ 0", part.name)));
        }
    }
    for (i, hint) in kata.hints.iter().enumerate() {
        if hint.python_en.is_some() != hint.python_zh.is_some() {
            return Err(bad(format!(
                "hint {}: give both `python_en` and `python_zh`, or neither",
                i + 1
            )));
        }
    }
    if let Some(g) = &kata.gradient_check {
        // A reference's function is a part of that other kata.
        let own = match g.reference {
            Some(_) => vec![&g.gradient],
            None => vec![&g.gradient, &g.function],
        };
        for part in own {
            if !kata.parts.iter().any(|p| &p.name == part) {
                return Err(bad(format!("[gradient_check] names `{part}`, which is not a part")));
            }
        }
        if !g.outputs.is_empty() && g.outputs.len() != g.params.len() {
            return Err(bad(
                "[gradient_check] `outputs` needs one entry per `params` entry".into()
            ));
        }
    }
    if !(kata.time_limit_secs > 0.0 && kata.time_limit_secs <= 600.0) {
        return Err(bad("`time_limit_secs` must be in (0, 600]".into()));
    }
    if kata.memory_mb < MIN_MEMORY_MB {
        return Err(bad(format!(
            "`memory_mb` must be at least {MIN_MEMORY_MB}: the program's 64 MiB stack counts against it"
        )));
    }
    Ok(kata)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.chars().count(), |i| before[i + 1..].chars().count())
        + 1;
    (line, col)
}

/// A practice folder: descriptions, user files and fixtures.
#[derive(Clone, Debug)]
pub struct Practice {
    /// The folder holding `katas/` and `fixtures/`.
    pub root: PathBuf,
    /// The language its katas are written in.
    pub track: Track,
}

impl Practice {
    /// Uses `dir` if given, else the nearest folder at or above the current
    /// one that holds `katas/Cargo.toml` (Rust) or `kata.toml` (any track)
    /// and `fixtures/`.
    pub fn locate(dir: Option<&Path>) -> Result<Practice, SetupError> {
        if let Some(dir) = dir {
            let root = dir.to_path_buf();
            return match is_practice(&root) {
                true => Practice::open(root),
                false => Err(SetupError::NotAPracticeFolder(root)),
            };
        }
        let cwd = std::env::current_dir().map_err(|e| SetupError::Io {
            path: PathBuf::from("."),
            message: e.to_string(),
        })?;
        match cwd.ancestors().find(|d| is_practice(d)) {
            Some(d) => Practice::open(d.to_path_buf()),
            None => Err(SetupError::NoPracticeFolder(cwd)),
        }
    }

    /// The folder at `root`, on the track it remembers.
    pub fn open(root: PathBuf) -> Result<Practice, SetupError> {
        let track = Track::of_folder(&root)?;
        Ok(Practice { root, track })
    }

    /// The same folder on `track` instead, when given (`--track`).
    pub fn with_track(self, track: Option<Track>) -> Practice {
        Practice {
            track: track.unwrap_or(self.track),
            ..self
        }
    }

    /// `katas/`.
    pub fn katas_dir(&self) -> PathBuf {
        self.root.join("katas")
    }

    /// `katas/<name>.rs` or `katas/<name>.py`, by the track.
    pub fn user_file(&self, name: &str) -> PathBuf {
        self.katas_dir().join(format!("{name}.{}", self.track.extension()))
    }

    /// `katas/<name>.toml`.
    pub fn description_file(&self, name: &str) -> PathBuf {
        self.katas_dir().join(format!("{name}.toml"))
    }

    /// `fixtures/<name>/`.
    pub fn fixture_dir(&self, name: &str) -> PathBuf {
        self.root.join("fixtures").join(name)
    }

    /// `.kata/`, the tool's own state in this folder.
    pub fn state_dir(&self) -> PathBuf {
        self.root.join(".kata")
    }

    /// The names of every kata described here, sorted.
    pub fn names(&self) -> Result<Vec<String>, SetupError> {
        let dir = self.katas_dir();
        let entries = fs::read_dir(&dir).map_err(|e| SetupError::io(&dir, e))?;
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.file_name().is_some_and(|n| n != "Cargo.toml"))
            .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
            .collect();
        names.sort();
        Ok(names)
    }

    /// Loads one description, its statements and hints in the words of the
    /// folder's track; an unknown name is an error that suggests the nearest
    /// names.
    pub fn load(&self, name: &str) -> Result<Kata, SetupError> {
        if !is_valid_name(name) {
            // A path to a kata's file (`katas/layer_norm.py`, as a shell
            // completes it): the kata's name is its stem.
            let path = Path::new(name);
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let source = matches!(path.extension().and_then(|e| e.to_str()), Some("rs" | "py"));
            if source && is_valid_name(stem) && self.description_file(stem).is_file() {
                return Err(SetupError::usage(
                    format!("`{name}` is a file: name its kata instead, `{stem}`"),
                    format!("`{name}` 是一个文件：请写它的题目名 `{stem}`"),
                ));
            }
            return Err(SetupError::BadName(name.to_string()));
        }
        let path = self.description_file(name);
        if !path.is_file() {
            let suggestions = suggest(name, &self.names().unwrap_or_default());
            return Err(SetupError::UnknownKata {
                name: name.to_string(),
                suggestions,
            });
        }
        let text = read_text(&path)?;
        let mut kata = parse(&path, &text)?;
        // A kata the binary does not ship takes its `def` lines from the user's file.
        let own;
        let source = match self.track.stub(name) {
            Some(stub) => Some(stub),
            None => {
                own = fs::read_to_string(self.user_file(name)).ok();
                own.as_deref()
            }
        };
        crate::track::text::localize(&mut kata, self.track, source);
        Ok(kata)
    }

    /// Loads every description.
    pub fn load_all(&self) -> Result<Vec<Kata>, SetupError> {
        self.names()?.iter().map(|n| self.load(n)).collect()
    }
}

fn is_practice(dir: &Path) -> bool {
    (dir.join("katas").join("Cargo.toml").is_file() || dir.join(crate::track::SETTINGS_FILE).is_file())
        && dir.join("fixtures").is_dir()
}

/// Reads a UTF-8 text file, naming the file in any error.
pub fn read_text(path: &Path) -> Result<String, SetupError> {
    let bytes = fs::read(path).map_err(|e| SetupError::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| SetupError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Up to three known names close to `name`, closest first.
pub fn suggest(name: &str, known: &[String]) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> = known
        .iter()
        .map(|k| {
            let mut score = strsim::jaro_winkler(name, k);
            if k.contains(name) || name.contains(k.as_str()) {
                score += 0.2;
            }
            (score, k)
        })
        .filter(|(s, _)| *s > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, k)| k.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_identifiers() {
        assert!(is_valid_name("layer_norm"));
        assert!(is_valid_name("conv2d"));
        for bad in ["", "../etc", "Layer", "a b", "2d", "a/b", "a.b"] {
            assert!(!is_valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn suggestions_find_typos() {
        let known = vec!["layer_norm".to_string(), "batch_norm".to_string(), "kmeans".to_string()];
        assert_eq!(suggest("layernorm", &known)[0], "layer_norm");
        assert_eq!(suggest("kmean", &known)[0], "kmeans");
        assert!(suggest("zzzz", &known).is_empty());
    }

    #[test]
    fn a_python_hint_needs_both_languages() {
        let text = "name = \"x\"\ntitle = \"X\"\ntitle_zh = \"X\"\ndifficulty = \"easy\"\nminutes = 10\norigin = \"o\"\nstatement = \"s\"\nstatement_zh = \"s\"\nexample = \"e\"\nexample_zh = \"e\"\n[[hints]]\nen = \"a\"\nzh = \"b\"\npython_en = \"c\"\n[[parts]]\nname = \"x\"\n";
        let err = parse(Path::new("katas/x.toml"), text).unwrap_err().to_string();
        assert!(err.contains("hint 1: give both `python_en` and `python_zh`"), "{err}");
        let both = text.replace("python_en = \"c\"\n", "python_en = \"c\"\npython_zh = \"d\"\n");
        let kata = parse(Path::new("katas/x.toml"), &both).expect("valid");
        assert_eq!(kata.hints[0].python_zh.as_deref(), Some("d"));
    }

    #[test]
    fn toml_errors_name_line_and_column() {
        let err = parse(Path::new("katas/x.toml"), "name = \"x\"\ntitle = 3\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("katas/x.toml:2:"), "{text}");
    }
}
