//! Errors that stop a command before any verdict: exit code 2.

use std::path::{Path, PathBuf};

use thiserror::Error;

/// A usage or setup problem, shown as one line naming the file and the problem.
#[derive(Debug, Error)]
pub enum SetupError {
    /// A TOML file does not parse or does not fit the schema.
    #[error("{}:{location}: {message}", path.display())]
    Toml {
        /// The file.
        path: PathBuf,
        /// `line:column`, when known.
        location: String,
        /// What is wrong.
        message: String,
    },
    /// A description parses but says something impossible.
    #[error("{}: {message}", path.display())]
    Description {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No kata of that name.
    #[error("no kata named `{name}`{}", did_you_mean(suggestions))]
    UnknownKata {
        /// The name asked for.
        name: String,
        /// Near names.
        suggestions: Vec<String>,
    },
    /// A name that is not an identifier, such as `../x`.
    #[error("`{0}` is not a kata name (names use a-z, 0-9 and _)")]
    BadName(String),
    /// `--dir` does not point at a practice folder.
    #[error("{} is not a practice folder (it needs katas/Cargo.toml and fixtures/); `kata init DIR` makes one", .0.display())]
    NotAPracticeFolder(PathBuf),
    /// No practice folder at or above the current directory.
    #[error("no practice folder at or above {} (looked for fixtures/ beside katas/Cargo.toml or kata.toml); run inside one, pass --dir, or make one with `kata init DIR`", .0.display())]
    NoPracticeFolder(PathBuf),
    /// A file is not UTF-8.
    #[error("{}: not UTF-8 text (invalid byte at offset {offset})", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the valid text ends.
        offset: usize,
    },
    /// A fixture is missing, truncated or malformed.
    #[error("{}: {message}", path.display())]
    Fixture {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Any other I/O failure, with the path involved.
    #[error("{}: {message}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The system's message.
        message: String,
    },
    /// A tool the check needs (cargo, rustc) is missing or failed.
    #[error("{0}")]
    Toolchain(String),
    /// The binary has no reference for a described kata.
    #[error("kata `{0}` has a description but this build of kata has no reference for it; update kata")]
    NoReference(String),
    /// Anything else the user must fix before a check can run.
    #[error("{0}")]
    Usage(String),
}

impl SetupError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, e: std::io::Error) -> SetupError {
        SetupError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => "; `kata list` shows them all".to_string(),
        [one] => format!("; did you mean `{one}`?"),
        many => format!("; did you mean one of: {}?", many.join(", ")),
    }
}
