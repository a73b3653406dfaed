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
    /// A tool the check needs (cargo, rustc, Python) is missing or failed.
    #[error("{}", .0.en)]
    Toolchain(Said),
    /// The binary has no reference for a described kata.
    #[error("kata `{0}` has a description but this build of kata has no reference for it; update kata")]
    NoReference(String),
    /// Anything else the user must fix before a check can run.
    #[error("{}", .0.en)]
    Usage(Said),
}

/// A message written in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    /// In English.
    pub en: String,
    /// In Chinese.
    pub zh: String,
}

impl SetupError {
    /// A usage problem, said in both languages.
    pub fn usage(en: impl Into<String>, zh: impl Into<String>) -> SetupError {
        SetupError::Usage(Said {
            en: en.into(),
            zh: zh.into(),
        })
    }

    /// A missing or failing tool, said in both languages.
    pub fn toolchain(en: impl Into<String>, zh: impl Into<String>) -> SetupError {
        SetupError::Toolchain(Said {
            en: en.into(),
            zh: zh.into(),
        })
    }

    /// The error as shown, in Chinese when `zh` (messages that come from
    /// elsewhere, a TOML parser's or the system's, stay as they were said).
    pub fn shown(&self, zh: bool) -> String {
        if !zh {
            return self.to_string();
        }
        match self {
            SetupError::UnknownKata { name, suggestions } => {
                let hint = match &suggestions[..] {
                    [] => "；`kata list` 列出全部题目".to_string(),
                    [one] => format!("；你是不是想找 `{one}`？"),
                    many => format!("；你是不是想找其中之一：{}？", many.join("、")),
                };
                format!("没有名为 `{name}` 的题目{hint}")
            }
            SetupError::BadName(name) => format!("`{name}` 不是题目名（题目名只用 a-z、0-9 和 _）"),
            SetupError::NotAPracticeFolder(path) => format!(
                "{} 不是练习文件夹（它需要 katas/Cargo.toml 和 fixtures/）；`kata init DIR` 可以新建一个",
                path.display()
            ),
            SetupError::NoPracticeFolder(path) => format!(
                "在 {} 及其上级目录中找不到练习文件夹（找的是与 katas/Cargo.toml 或 kata.toml 同在的 fixtures/）；\
                 请在练习文件夹内运行，或传入 --dir，或用 `kata init DIR` 新建一个",
                path.display()
            ),
            SetupError::NotUtf8 { path, offset } => {
                format!("{}：不是 UTF-8 文本（偏移 {offset} 处的字节无效）", path.display())
            }
            SetupError::NoReference(name) => {
                format!("题目 `{name}` 有描述文件，但这个版本的 kata 没有它的参考实现；请更新 kata")
            }
            SetupError::Usage(said) | SetupError::Toolchain(said) => said.zh.clone(),
            SetupError::Toml { .. }
            | SetupError::Description { .. }
            | SetupError::Fixture { .. }
            | SetupError::Io { .. } => {
                // "path:line: message": the message is the parser's or the system's.
                self.to_string()
            }
        }
    }

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
