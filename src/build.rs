//! Compiling a user's kata into a program.
//!
//! The dependencies (ndarray, the prelude and the harness) are built once per
//! machine and toolchain by cargo, in a cache folder shared by every practice
//! folder. After that, a check calls `rustc` directly on a two-line `main.rs`
//! that includes the user's file: no cargo start-up, no dependency
//! resolution, and only the user's own code is compiled.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

use crate::catalog::{Kata, Practice};
use crate::embedded::HARNESS_FILES;
use crate::error::SetupError;
use crate::hash::Hasher;

/// The crates a user program links against.
const EXTERNS: [&str; 3] = ["ndarray", "kata_prelude", "kata_harness"];

/// How to link against the prebuilt dependencies.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Deps {
    /// `--extern name=path` pairs.
    pub externs: BTreeMap<String, PathBuf>,
    /// The `-L dependency=` folder.
    pub deps_dir: PathBuf,
    /// Identifies this build of the dependencies (part of every cache key).
    pub key: String,
}

/// Where builds go: `$KATA_CACHE_DIR`, else `$XDG_CACHE_HOME/kata`, else
/// `~/.cache/kata`, else `.kata/cache` in the practice folder.
pub fn cache_dir(practice: &Practice) -> PathBuf {
    if let Some(dir) = std::env::var_os("KATA_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir).join("kata");
    }
    match std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        Some(home) => PathBuf::from(home).join(".cache").join("kata"),
        None => practice.state_dir().join("cache"),
    }
}

/// The key of the embedded harness sources and this tool's version.
fn deps_key() -> String {
    let mut h = Hasher::new();
    h.add(env!("CARGO_PKG_VERSION").as_bytes());
    for (path, bytes) in HARNESS_FILES {
        h.add(path.as_bytes());
        h.add(bytes);
    }
    h.short()
}

/// Returns the prebuilt dependencies, building them first if needed (once
/// per machine; cargo shows its progress on the terminal).
pub fn ensure_deps(cache: &Path, quiet: bool) -> Result<Deps, SetupError> {
    let key = deps_key();
    let dir = cache.join(format!("deps-{key}"));
    let manifest = dir.join("externs.json");
    if let Ok(text) = fs::read_to_string(&manifest) {
        if let Ok(deps) = serde_json::from_str::<Deps>(&text) {
            if deps.externs.values().all(|p| p.is_file()) {
                return Ok(deps);
            }
        }
    }
    write_deps_package(&dir)?;
    if !quiet {
        eprintln!("Building the dependencies of user programs (ndarray, harness) once for this machine…");
    }
    let mut child = Command::new(cargo())
        .args([
            "build",
            "--release",
            "--message-format=json-render-diagnostics",
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        // Ours, whatever the user's CARGO_TARGET_DIR, CARGO_BUILD_TARGET_DIR or
        // `build.target-dir` in a cargo config say: the flag outranks them all,
        // and the variables are dropped so no build script sees them either.
        .arg("--target-dir")
        .arg(dir.join("target"))
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .stdout(Stdio::piped())
        .stderr(if quiet { Stdio::null() } else { Stdio::inherit() })
        .spawn()
        .map_err(|e| {
            SetupError::toolchain(
                format!("cannot run cargo ({e}); install Rust from https://rustup.rs"),
                format!("无法运行 cargo（{e}）；请从 https://rustup.rs 安装 Rust"),
            )
        })?;
    let mut externs = BTreeMap::new();
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        let Some(name) = msg["target"]["name"].as_str() else {
            continue;
        };
        if !EXTERNS.contains(&name) {
            continue;
        }
        let rlib = msg["filenames"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str())
            .find(|f| f.ends_with(".rlib"));
        if let Some(rlib) = rlib {
            externs.insert(name.to_string(), PathBuf::from(rlib));
        }
    }
    let status = child
        .wait()
        .map_err(|e| SetupError::toolchain(format!("cargo did not finish: {e}"), format!("cargo 没有正常结束：{e}")))?;
    if !status.success() || externs.len() != EXTERNS.len() {
        return Err(SetupError::toolchain(
            format!(
                "building the dependencies failed (cargo in {}); is the network reachable for crates.io?",
                dir.display()
            ),
            format!(
                "构建依赖失败（在 {} 中运行 cargo）；能否连上 crates.io？",
                dir.display()
            ),
        ));
    }
    // The folder cargo put them in, as its messages say (a `build.target`
    // in a cargo config adds a level, for one).
    let Some(deps_dir) = externs.values().next().and_then(|p| p.parent()).map(Path::to_path_buf) else {
        return Err(SetupError::toolchain(
            "cargo named no dependency it built",
            "cargo 没有报告它构建的任何依赖",
        ));
    };
    let deps = Deps { externs, deps_dir, key };
    let json = serde_json::to_string_pretty(&deps).expect("plain data");
    write_atomic(&manifest, json.as_bytes())?;
    Ok(deps)
}

fn write_deps_package(dir: &Path) -> Result<(), SetupError> {
    for (rel, bytes) in HARNESS_FILES {
        write_if_changed(&dir.join(rel), bytes)?;
    }
    let manifest = "[package]\nname = \"kata-user-deps\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
        [lib]\npath = \"lib.rs\"\n\n\
        [dependencies]\nndarray = \"0.17\"\nkata-prelude = { path = \"katas/prelude\" }\nkata-harness = { path = \"crates/harness\" }\n\n\
        [profile.release]\ndebug = false\nincremental = false\n\n[workspace]\n";
    write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
    write_if_changed(&dir.join("lib.rs"), b"//! Builds the dependencies of user programs.\n")
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<(), SetupError> {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| SetupError::io(parent, e))?;
    }
    fs::write(path, bytes).map_err(|e| SetupError::io(path, e))
}

/// Writes through a temporary file and a rename, so readers never see half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SetupError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| SetupError::io(parent, e))?;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    // The error names the file meant, not its temporary stand-in.
    fs::write(&tmp, bytes).map_err(|e| SetupError::io(path, e))?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        SetupError::io(path, e)
    })
}

fn cargo() -> PathBuf {
    std::env::var_os("CARGO")
        .map(PathBuf::from)
        .unwrap_or_else(|| "cargo".into())
}

fn rustc() -> PathBuf {
    std::env::var_os("RUSTC")
        .map(PathBuf::from)
        .unwrap_or_else(|| "rustc".into())
}

/// A compiled user program, or why there is none.
pub enum Built {
    /// The program to run.
    Program(PathBuf),
    /// rustc's diagnostics, as it printed them.
    CompileError(String),
}

/// Options of one build.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// Optimise (for `kata bench`).
    pub release: bool,
    /// Let rustc colour its diagnostics.
    pub color: bool,
}

/// Compiles `katas/<kata>.rs` with the harness, unless an identical build exists.
pub fn build(
    practice: &Practice,
    kata: &Kata,
    deps: &Deps,
    cache: &Path,
    opts: BuildOptions,
) -> Result<Built, SetupError> {
    let user_file = practice.user_file(&kata.name);
    let source = fs::read(&user_file).map_err(|e| SetupError::io(&user_file, e))?;
    let root = fs::canonicalize(&practice.root).map_err(|e| SetupError::io(&practice.root, e))?;
    let mut folder = Hasher::new();
    folder.add(root.to_string_lossy().as_bytes());
    let profile = if opts.release { "release" } else { "debug" };
    let dir = cache
        .join("programs")
        .join(folder.short())
        .join(&kata.name)
        .join(profile);
    let main_rs = dir.join("main.rs");
    let program = dir.join(&kata.name);
    let stamp_file = dir.join("stamp");

    let main = main_source(&root.join("katas").join(format!("{}.rs", kata.name)), kata);
    let mut stamp = Hasher::new();
    stamp.add(&source);
    stamp.add(main.as_bytes());
    stamp.add(deps.key.as_bytes());
    stamp.add(&[opts.release as u8, opts.color as u8]);
    let stamp = stamp.short();
    if program.is_file() && fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) {
        return Ok(Built::Program(program));
    }
    write_if_changed(&main_rs, main.as_bytes())?;
    let _ = fs::remove_file(&stamp_file);

    let mut cmd = Command::new(rustc());
    cmd.arg("--edition=2021")
        .arg("--crate-type=bin")
        .arg(format!("--crate-name={}", kata.name))
        .arg(format!("--color={}", if opts.color { "always" } else { "never" }))
        .arg(format!("--remap-path-prefix={}/=", root.display()))
        .args([
            "-A",
            "unused_variables",
            "-A",
            "dead_code",
            "-A",
            "unused_imports",
            "-A",
            "unused_mut",
        ])
        .args(["-C", "debuginfo=line-tables-only"])
        .arg("-L")
        .arg(format!("dependency={}", deps.deps_dir.display()));
    if opts.release {
        cmd.args(["-C", "opt-level=3"]);
    } else {
        cmd.args(["-C", "opt-level=0"])
            .arg("-C")
            .arg(format!("incremental={}", dir.join("incremental").display()));
    }
    for (name, path) in &deps.externs {
        cmd.arg("--extern").arg(format!("{name}={}", path.display()));
    }
    cmd.arg("-o").arg(&program).arg(&main_rs);
    let output = cmd.output().map_err(|e| {
        SetupError::toolchain(
            format!("cannot run rustc ({e}); install Rust from https://rustup.rs"),
            format!("无法运行 rustc（{e}）；请从 https://rustup.rs 安装 Rust"),
        )
    })?;
    if !output.status.success() {
        let text = String::from_utf8_lossy(&output.stderr).into_owned();
        return Ok(Built::CompileError(explain_compile_error(text, &main_rs, &main)));
    }
    fs::write(&stamp_file, &stamp).map_err(|e| SetupError::io(&stamp_file, e))?;
    Ok(Built::Program(program))
}

/// The program's `main.rs`: the user's file as a module, and a table of its
/// functions handed to the harness. A function with the wrong signature fails
/// to compile here, in the table.
fn main_source(user_file: &Path, kata: &Kata) -> String {
    let name = &kata.name;
    let fields: Vec<String> = kata
        .parts
        .iter()
        .map(|p| format!("    {0}: user::{0},", p.name))
        .collect();
    format!(
        "// Generated by kata: your functions, handed to the harness.\n\
         #[path = {path:?}]\nmod user;\n\n\
         static API: kata_harness::adapters::{name}::Api = kata_harness::adapters::{name}::Api {{\n{fields}\n}};\n\n\
         fn main() {{\n    kata_harness::child::main(&API)\n}}\n",
        path = user_file.display().to_string(),
        fields = fields.join("\n"),
    )
}

/// Adds a plain-words note when an error points into the generated table of
/// functions: the user's signature differs from the kata's, or a function is
/// missing. Errors elsewhere (in the user's own file, or rustc unable to read
/// it) get no note, as it would send the user looking in the wrong place.
fn explain_compile_error(text: String, main_rs: &Path, main: &str) -> String {
    let Some(table) = table_lines(main) else {
        return text;
    };
    let plain = strip_ansi(&text);
    let in_table = plain
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .filter_map(|location| {
            // `path:line:column`; the path may hold colons, the numbers do not.
            let mut fields = location.rsplitn(3, ':');
            let (_column, line, path) = (fields.next()?, fields.next()?, fields.next()?);
            // rustc shows the path as given, or made relative by --remap-path-prefix.
            let ours = Path::new(path) == main_rs || (path.ends_with("main.rs") && main_rs.ends_with(path));
            ours.then(|| line.parse::<usize>().ok()).flatten()
        })
        .any(|line| table.contains(&line));
    if !in_table {
        return text;
    }
    format!(
        "{text}\nnote: the errors above that point at the generated main.rs mean that a function in\n      your file is missing or its signature differs from the one in the stub;\n      `kata show <name>` prints the expected signatures.\n"
    )
}

/// The 1-based lines of the table of functions in the generated `main.rs`.
fn table_lines(main: &str) -> Option<std::ops::RangeInclusive<usize>> {
    let first = main.lines().position(|l| l.starts_with("static API"))? + 1;
    let last = first + main.lines().skip(first).position(|l| l == "};")? + 1;
    Some(first..=last)
}

/// rustc's text without its colour codes (`ESC [ … m`).
fn strip_ansi(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // Skip the parameters up to the final byte of the sequence.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated `main.rs` of layer_norm, and where it would be.
    fn layer_norm_main() -> (String, PathBuf) {
        let path = Path::new("katas/layer_norm.toml");
        let kata =
            crate::catalog::parse(path, include_str!("../katas/layer_norm.toml")).expect("the shipped description");
        let main = main_source(Path::new("/p/katas/layer_norm.rs"), &kata);
        (main, PathBuf::from("/cache/programs/ab12/layer_norm/debug/main.rs"))
    }

    const NOTE: &str = "is missing or its signature differs";

    #[test]
    fn an_error_in_the_table_of_functions_gets_the_note() {
        let (main, main_rs) = layer_norm_main();
        let line = main.lines().position(|l| l.contains("user::layer_norm")).unwrap() + 1;
        let text = format!(
            "error[E0308]: mismatched types\n --> {}:{line}:17\n  |\n",
            main_rs.display()
        );
        assert!(explain_compile_error(text.clone(), &main_rs, &main).contains(NOTE));
        // Also when rustc colours its output.
        let coloured = text.replace(" --> ", "\u{1b}[0m\u{1b}[1m\u{1b}[38;5;12m --> \u{1b}[0m");
        assert!(explain_compile_error(coloured, &main_rs, &main).contains(NOTE));
    }

    #[test]
    fn other_errors_get_no_note() {
        let (main, main_rs) = layer_norm_main();
        // rustc cannot read the user's file: it points at `mod user;`.
        let unreadable = format!(
            "error: couldn't read `katas/layer_norm.rs`: stream did not contain valid UTF-8\n --> {}:3:1\n",
            main_rs.display()
        );
        // An error in the user's own file, even one named like the generated file.
        let in_users_file = "error[E0425]: cannot find value `y`\n --> katas/layer_norm.rs:7:5\n";
        let main_named = "error: expected `;`\n --> katas/main.rs:6:1\n";
        for text in [unreadable.as_str(), in_users_file, main_named] {
            let explained = explain_compile_error(text.to_string(), &main_rs, &main);
            assert_eq!(explained, text);
        }
    }
}
