//! Helpers for tests that drive the real binary on temporary practice folders.
//!
//! Every test shares one build cache (`target/kata-test-cache`), so the user
//! programs' dependencies are compiled once for the whole suite.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// The build cache shared by every test.
pub fn cache_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("kata-test-cache")
}

/// `kata` with the shared cache and no colours.
pub fn kata(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kata").expect("the kata binary is built");
    cmd.current_dir(dir)
        .env("KATA_CACHE_DIR", cache_dir())
        .env("NO_COLOR", "1")
        // The tests read English unless they ask otherwise.
        .env_remove("KATA_LANG");
    cmd
}

/// A fresh practice folder written by `kata init`.
pub fn practice() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = kata(dir.path()).args(["init", "."]).output().expect("kata runs");
    assert!(out.status.success(), "init failed: {}", text(&out));
    dir
}

/// A fresh Python practice folder, written by `kata init --track python`.
pub fn python_practice() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = kata(dir.path())
        .args(["init", ".", "--track", "python"])
        .output()
        .expect("kata runs");
    assert!(out.status.success(), "init failed: {}", text(&out));
    dir
}

/// Writes `source` as the user's file of `name`.
pub fn write_kata(dir: &Path, name: &str, source: &str) {
    std::fs::write(dir.join("katas").join(format!("{name}.rs")), source).expect("the kata file is writable");
}

/// Writes `source` as the user's Python file of `name`.
pub fn write_py(dir: &Path, name: &str, source: &str) {
    std::fs::write(dir.join("katas").join(format!("{name}.py")), source).expect("the kata file is writable");
}

/// Runs `kata check` with extra arguments.
pub fn check(dir: &Path, args: &[&str]) -> Output {
    kata(dir).arg("check").args(args).output().expect("kata runs")
}

/// stdout and stderr together.
pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The reference solution of a kata, as a user would write it.
pub fn solution(name: &str) -> &'static str {
    kata_reference::find(name).expect("a known kata").solution_source
}

/// `source` with `from` replaced by `to`; fails the test if `from` is absent,
/// so a test never silently runs the unedited source.
pub fn edit(source: &str, from: &str, to: &str) -> String {
    assert!(
        source.contains(from),
        "`{from}` is not in the source any more: update the test"
    );
    source.replacen(from, to, 1)
}
