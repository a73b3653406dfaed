//! Generates the kata registry from the files of each kata, so that adding a
//! kata means adding files:
//!
//! - `src/katas/<kata>/solution.rs`: the reference, written exactly as a user
//!   would write `katas/<kata>.rs` (it is what `kata solution` prints);
//! - `src/katas/<kata>/cases.rs`: `pub fn random_case(rng, index) -> Inputs`
//!   and, for `kata bench`, `pub fn bench_case(rng, scale) -> Inputs`;
//! - `src/katas/<kata>/mutants.toml`: one table per catalogued mistake, whose
//!   `replace = [[from, to], …]` edits turn the solution into that mistake;
//! - `../katas/<kata>.toml`: the description, read here for its parts.
//!
//! Each mutant becomes a real source file (the solution with its edits), so
//! a test can also write it into a practice folder as a user would.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
struct Description {
    parts: Vec<Part>,
}

#[derive(Deserialize)]
struct Part {
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MutantSpec {
    replace: Vec<(String, String)>,
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    let katas_dir = root.join("src/katas");
    println!("cargo::rerun-if-changed={}", katas_dir.display());
    let mut names: Vec<String> = fs::read_dir(&katas_dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut code = String::new();
    for name in &names {
        code += &kata_module(&root, &out, name);
    }
    let list: Vec<String> = names.iter().map(|n| format!("&{n}::KATA")).collect();
    writeln!(
        code,
        "/// Every kata, by name.\npub static KATAS: &[&Kata] = &[{}];",
        list.join(", ")
    )
    .unwrap();
    fs::write(out.join("katas.rs"), code).unwrap();
}

fn kata_module(root: &Path, out: &Path, name: &str) -> String {
    let dir = root.join("src/katas").join(name);
    let description_path = root.join("../katas").join(format!("{name}.toml"));
    println!("cargo::rerun-if-changed={}", description_path.display());
    let description: Description =
        toml::from_str(&read(&description_path)).unwrap_or_else(|e| panic!("{}: {e}", description_path.display()));
    let parts: Vec<&str> = description.parts.iter().map(|p| p.name.as_str()).collect();
    let solution_path = dir.join("solution.rs");
    let solution = read(&solution_path);
    let mutants_path = dir.join("mutants.toml");
    let specs: BTreeMap<String, MutantSpec> =
        toml::from_str(&read(&mutants_path)).unwrap_or_else(|e| panic!("{}: {e}", mutants_path.display()));

    // A kata without a large case still checks; only `kata bench` refuses it.
    let bench_case = match read(&dir.join("cases.rs")).contains("pub fn bench_case(") {
        true => "Some(cases::bench_case)",
        false => "None",
    };
    let api = |module: &str| {
        let fields: Vec<String> = parts.iter().map(|p| format!("{p}: {module}::{p}")).collect();
        format!("&Api {{ {} }}", fields.join(", "))
    };
    let mut mutant_mods = String::new();
    let mut mutant_list = String::new();
    fs::create_dir_all(out.join(name)).unwrap();
    for (id, spec) in &specs {
        let mut source = solution.clone();
        for (from, to) in &spec.replace {
            let count = source.matches(from.as_str()).count();
            assert_eq!(
                count,
                1,
                "{}: mutant `{id}`: `{from}` occurs {count} times in the solution",
                mutants_path.display()
            );
            source = source.replacen(from.as_str(), to, 1);
        }
        let file = out.join(name).join(format!("{id}.rs"));
        fs::write(&file, &source).unwrap();
        writeln!(
            mutant_mods,
            "        #[path = {:?}] pub mod {id};",
            file.display().to_string()
        )
        .unwrap();
        writeln!(
            mutant_list,
            "            crate::Mutant {{ id: {id:?}, solution: {}, source: include_str!({:?}) }},",
            api(&format!("mutants::{id}")),
            file.display().to_string()
        )
        .unwrap();
    }
    format!(
        r#"
/// The `{name}` kata.
pub mod {name} {{
    #[path = {solution_file:?}]
    pub mod solution;
    #[path = {cases_file:?}]
    pub mod cases;
    /// The catalogued mistakes, each the solution with its edits.
    #[allow(clippy::all, unused)]
    pub mod mutants {{
{mutant_mods}    }}
    use kata_harness::adapters::{name}::Api;
    /// Everything the checker knows of `{name}`.
    pub static KATA: crate::Kata = crate::Kata {{
        name: {name:?},
        reference: {reference},
        solution_source: include_str!({solution_file:?}),
        mutants: &[
{mutant_list}        ],
        random_case: cases::random_case,
        bench_case: {bench_case},
    }};
}}
"#,
        solution_file = solution_path.display().to_string(),
        cases_file = dir.join("cases.rs").display().to_string(),
        reference = api("solution"),
        bench_case = bench_case,
    )
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
