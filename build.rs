//! Embeds what `kata init`, `kata reset` and the dependency build need:
//! the practice folder as shipped (descriptions, pristine stubs, fixtures,
//! the editor package and its prelude) and the harness sources.
//!
//! Files are listed one by one, never by directory, so that a user's edits to
//! `katas/*.rs` in a clone never make cargo rebuild the CLI.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut practice: Vec<(String, PathBuf)> = Vec::new();
    for name in [
        "katas/Cargo.toml",
        "katas/lib.rs",
        "katas/prelude/Cargo.toml",
        "katas/prelude/src/lib.rs",
    ] {
        practice.push((name.into(), root.join(name)));
    }
    for path in files_with(&root.join("katas"), "toml") {
        if path.file_name().is_some_and(|n| n != "Cargo.toml") {
            practice.push((format!("katas/{}", file_name(&path)), path));
        }
    }
    for path in files_with(&root.join("reference/stubs"), "rs") {
        practice.push((format!("katas/{}", file_name(&path)), path));
    }
    for dir in subdirs(&root.join("fixtures")) {
        for path in files_with(&dir, "npz") {
            practice.push((format!("fixtures/{}/{}", file_name(&dir), file_name(&path)), path));
        }
    }
    practice.push(("fixtures/README.md".into(), root.join("fixtures/README.md")));

    let mut harness: Vec<(String, PathBuf)> = vec![
        (
            "crates/harness/Cargo.toml".into(),
            root.join("crates/harness/Cargo.toml"),
        ),
        ("katas/prelude/Cargo.toml".into(), root.join("katas/prelude/Cargo.toml")),
        ("katas/prelude/src/lib.rs".into(), root.join("katas/prelude/src/lib.rs")),
        ("Cargo.lock".into(), root.join("Cargo.lock")),
    ];
    for path in walk(&root.join("crates/harness/src")) {
        let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        harness.push((rel, path));
    }

    // The Python track: stubs and prelude (written by `kata init --track
    // python`), and the reference solutions (`kata solution`, `kata verify`).
    let mut python: Vec<(String, PathBuf)> = vec![("katas/prelude.py".into(), root.join("katas/prelude.py"))];
    for path in files_with(&root.join("reference/stubs"), "py") {
        python.push((format!("katas/{}", file_name(&path)), path));
    }
    let mut solutions: Vec<(String, PathBuf)> = Vec::new();
    for path in files_with(&root.join("reference/python"), "py") {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        solutions.push((stem, path));
    }

    let mut code = String::new();
    table(
        &mut code,
        "PRACTICE_FILES",
        "The practice folder as shipped.",
        &practice,
    );
    table(
        &mut code,
        "HARNESS_FILES",
        "The sources the user programs' dependencies are built from.",
        &harness,
    );
    table(
        &mut code,
        "PYTHON_FILES",
        "The Python track's stubs and prelude, by path in a practice folder.",
        &python,
    );
    table(
        &mut code,
        "PYTHON_SOLUTIONS",
        "The Python track's reference solutions, by kata.",
        &solutions,
    );
    fs::write(PathBuf::from(env::var("OUT_DIR").unwrap()).join("embedded.rs"), code).unwrap();
    println!("cargo::rerun-if-changed=reference/stubs");
    println!("cargo::rerun-if-changed=reference/python");
    println!("cargo::rerun-if-changed=fixtures");
    println!("cargo::rerun-if-changed=crates/harness/src");
}

fn table(code: &mut String, name: &str, doc: &str, files: &[(String, PathBuf)]) {
    writeln!(code, "/// {doc}\npub static {name}: &[(&str, &[u8])] = &[").unwrap();
    for (rel, path) in files {
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(code, "    ({rel:?}, include_bytes!({:?})),", path.display().to_string()).unwrap();
    }
    code.push_str("];\n");
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    paths
}

fn files_with(dir: &Path, ext: &str) -> Vec<PathBuf> {
    sorted(dir)
        .into_iter()
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == ext))
        .collect()
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    sorted(dir).into_iter().filter(|p| p.is_dir()).collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    sorted(dir)
        .into_iter()
        .flat_map(|p| if p.is_dir() { walk(&p) } else { vec![p] })
        .collect()
}
