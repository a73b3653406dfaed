//! Writing into a practice folder without ever losing the user's code:
//! `kata init`, `kata reset` and the backups they make.

use std::fs;
use std::path::{Path, PathBuf};

use crate::catalog::Practice;
use crate::error::SetupError;
use crate::track::Track;

/// Copies `file` to `.kata/backups/<stem>-<UTC time>.<ext>` and returns the copy's path.
pub fn backup(practice: &Practice, file: &Path) -> Result<PathBuf, SetupError> {
    let dir = practice.state_dir().join("backups");
    fs::create_dir_all(&dir).map_err(|e| SetupError::io(&dir, e))?;
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("file");
    let ext = file.extension().and_then(|s| s.to_str()).unwrap_or("bak");
    let format = time::macros::format_description!("[year][month][day]-[hour][minute][second]");
    let now = time::OffsetDateTime::now_utc()
        .format(&format)
        .unwrap_or_else(|_| "now".into());
    let mut target = dir.join(format!("{stem}-{now}.{ext}"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = dir.join(format!("{stem}-{now}-{n}.{ext}"));
    }
    fs::copy(file, &target).map_err(|e| SetupError::io(&target, e))?;
    Ok(target)
}

/// Restores a kata's stub, first saving the user's file. Returns the backup's
/// path, or `None` when the file already was the stub (or did not exist).
pub fn reset(practice: &Practice, name: &str) -> Result<Option<PathBuf>, SetupError> {
    let stub = practice
        .track
        .stub(name)
        .ok_or_else(|| SetupError::NoReference(name.to_string()))?;
    let file = practice.user_file(name);
    let saved = match fs::read(&file) {
        Ok(old) if old == stub.as_bytes() => return Ok(None),
        Ok(_) => Some(backup(practice, &file)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(SetupError::io(&file, e)),
    };
    fs::write(&file, stub).map_err(|e| SetupError::io(&file, e))?;
    Ok(saved)
}

/// What `kata init` did.
#[derive(Debug, Default)]
pub struct InitSummary {
    /// Files written.
    pub written: usize,
    /// Files that existed with other content and were left alone.
    pub kept: Vec<PathBuf>,
    /// Backups made before overwriting (with `--force`).
    pub backups: Vec<PathBuf>,
}

/// Writes the shipped practice folder of `track` into `dir`. Existing files
/// that differ are kept unless `force`, in which case they are backed up first.
pub fn init(dir: &Path, force: bool, track: Track) -> Result<InitSummary, SetupError> {
    fs::create_dir_all(dir).map_err(|e| SetupError::io(dir, e))?;
    let practice = Practice {
        root: dir.to_path_buf(),
        track,
    };
    let mut summary = InitSummary::default();
    for (rel, bytes) in track.practice_files() {
        let path = dir.join(rel);
        match fs::read(&path) {
            Ok(old) if old == bytes => continue,
            Ok(_) if !force => {
                summary.kept.push(path);
                continue;
            }
            Ok(_) => summary.backups.push(backup(&practice, &path)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(SetupError::io(&path, e)),
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| SetupError::io(parent, e))?;
        }
        fs::write(&path, bytes).map_err(|e| SetupError::io(&path, e))?;
        summary.written += 1;
    }
    Ok(summary)
}
