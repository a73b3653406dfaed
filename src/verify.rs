//! `kata verify`: the checks a kata author runs. For each kata, the reference
//! passes every fixture and random case, every mutant fails at least one case
//! (mutation adequacy must be 100%), the stub compiles and is judged "not
//! implemented yet", and the worked example (the `example` fixture) holds.

use colored::Colorize;
use serde::Serialize;

use crate::build;
use crate::catalog::{Kata, Practice};
use crate::check::{self, Case, CheckOptions, Status};
use crate::error::SetupError;
use crate::files;
use crate::judge::{self, Tolerance};
use crate::track::{python, Toolchain, Track};

/// What verify found for one kata.
#[derive(Debug, Serialize)]
pub struct Verification {
    /// The kata.
    pub name: String,
    /// Cases the reference was run on.
    pub cases: usize,
    /// Cases (or parts) where the reference disagreed with the expected outputs.
    pub reference_failures: Vec<String>,
    /// Mutants caught, out of all.
    pub mutants_caught: usize,
    /// All mutants.
    pub mutants: usize,
    /// Mutants no case catches.
    pub escaped: Vec<String>,
    /// Whether the stub was judged "not implemented yet".
    pub stub_ok: bool,
    /// Whether an `example` fixture exists and the reference reproduces it.
    pub example_ok: bool,
    /// The Python track: its reference passes and its stub is "not
    /// implemented yet"; `None` when Python with NumPy is not available.
    pub python: Option<PythonVerification>,
    /// Why the Python track was not verified.
    pub python_skipped: Option<String>,
}

/// What verify found for a kata's Python files.
#[derive(Debug, Serialize)]
pub struct PythonVerification {
    /// `reference/python/<kata>.py` passes every case of a check.
    pub reference_ok: bool,
    /// The Python stub is judged "not implemented yet".
    pub stub_ok: bool,
    /// The reference's failures, as the check reported them.
    pub failure: Option<String>,
}

impl Verification {
    /// Whether everything holds.
    pub fn ok(&self) -> bool {
        self.reference_failures.is_empty()
            && self.escaped.is_empty()
            && self.stub_ok
            && self.example_ok
            && self.python.as_ref().is_none_or(|p| p.reference_ok && p.stub_ok)
    }
}

/// Verifies the given katas.
pub fn verify(practice: &Practice, katas: &[Kata], opts: &CheckOptions) -> Result<Vec<Verification>, SetupError> {
    let cache = build::cache_dir(practice);
    let deps = Toolchain::Rust(build::ensure_deps(&cache, opts.quiet)?);
    // The stubs are judged in a pristine folder, whatever the user's files hold.
    let pristine = tempfile::tempdir().map_err(|e| SetupError::io(&practice.root, e))?;
    files::init(pristine.path(), false, Track::Rust)?;
    let pristine = Practice {
        root: pristine.path().to_path_buf(),
        track: Track::Rust,
    };
    // The Python track in a pristine Python folder of its own, when Python
    // with NumPy is there to run it.
    let interpreter = python::Interpreter::from_env();
    let python_folder = tempfile::tempdir().map_err(|e| SetupError::io(&practice.root, e))?;
    let python_room = match interpreter.probe() {
        Ok(()) => {
            files::init(python_folder.path(), false, Track::Python)?;
            Ok(Practice {
                root: python_folder.path().to_path_buf(),
                track: Track::Python,
            })
        }
        Err(why) => Err(why),
    };
    let python_toolchain = Toolchain::Python(interpreter);
    katas
        .iter()
        .map(|k| {
            let mut v = verify_one(practice, &pristine, k, &deps, &cache, opts)?;
            match &python_room {
                Ok(room) => v.python = Some(verify_python(room, k, &python_toolchain, &cache, opts)?),
                Err(why) => v.python_skipped = Some(why.clone()),
            }
            Ok(v)
        })
        .collect()
}

/// The Python stub is "not implemented yet" and the Python reference passes.
fn verify_python(
    room: &Practice,
    kata: &Kata,
    toolchain: &Toolchain,
    cache: &std::path::Path,
    opts: &CheckOptions,
) -> Result<PythonVerification, SetupError> {
    let stub_opts = CheckOptions {
        random_cases: 0,
        only_case: None,
        ..opts.clone()
    };
    let stub = check::check(room, kata, toolchain, cache, &stub_opts)?;
    let Some(source) = Track::Python.solution(&kata.name) else {
        return Ok(PythonVerification {
            reference_ok: false,
            stub_ok: stub.status == Status::NotImplemented,
            failure: Some(format!("no reference/python/{}.py in this build", kata.name)),
        });
    };
    let file = room.user_file(&kata.name);
    build::write_atomic(&file, source.as_bytes())?;
    let checked = check::check(room, kata, toolchain, cache, opts)?;
    let reference_ok = checked.status == Status::Passed;
    Ok(PythonVerification {
        reference_ok,
        stub_ok: stub.status == Status::NotImplemented,
        failure: (!reference_ok).then(|| crate::report::human(&checked, false)),
    })
}

fn verify_one(
    practice: &Practice,
    pristine: &Practice,
    kata: &Kata,
    deps: &Toolchain,
    cache: &std::path::Path,
    opts: &CheckOptions,
) -> Result<Verification, SetupError> {
    let reference = kata_reference::find(&kata.name).ok_or_else(|| SetupError::NoReference(kata.name.clone()))?;
    let cases = check::gather_cases(practice, kata, opts)?;
    let mut reference_failures = Vec::new();
    for case in &cases {
        for part in &kata.parts {
            if !passes(reference.reference, kata, &part.name, case) {
                reference_failures.push(format!("{}/{}", case.name, part.name));
            }
        }
    }
    let example_ok =
        cases.iter().any(|c| c.name == "example") && !reference_failures.iter().any(|f| f.starts_with("example/"));
    let escaped: Vec<String> = reference
        .mutants
        .iter()
        .filter(|m| {
            cases
                .iter()
                .all(|case| kata.parts.iter().all(|p| passes(m.solution, kata, &p.name, case)))
        })
        .map(|m| m.id.to_string())
        .collect();
    let stub_opts = CheckOptions {
        random_cases: 0,
        only_case: None,
        ..opts.clone()
    };
    let stub = check::check(pristine, kata, deps, cache, &stub_opts)?;
    Ok(Verification {
        name: kata.name.clone(),
        cases: cases.len(),
        reference_failures,
        mutants_caught: reference.mutants.len() - escaped.len(),
        mutants: reference.mutants.len(),
        escaped,
        stub_ok: stub.status == Status::NotImplemented,
        example_ok,
        python: None,
        python_skipped: None,
    })
}

/// Whether `solution` reproduces the case's expected outputs for `part`; a
/// panic counts as not reproducing.
fn passes(solution: &dyn kata_harness::Solution, kata: &Kata, part: &str, case: &Case) -> bool {
    let p = kata.parts.iter().find(|p| p.name == part).expect("a described part");
    let tol = Tolerance {
        rtol: p.rtol,
        atol: p.atol,
    };
    matches!(check::run_quietly(|| solution.run(part, &case.inputs)), Some(Ok(got)) if judge::matches(&got, &case.expected[part], tol))
}

/// The table `kata verify` prints.
pub fn table(results: &[Verification]) -> String {
    let mut out = format!(
        "{:<30} {:>6} {:>10} {:>9} {:>5} {:>8} {:>7}\n",
        "KATA".bold(),
        "CASES".bold(),
        "REFERENCE".bold(),
        "MUTANTS".bold(),
        "STUB".bold(),
        "EXAMPLE".bold(),
        "PYTHON".bold()
    );
    let mark = |ok: bool| if ok { "ok".green() } else { "FAIL".red() };
    for v in results {
        let adequacy = format!("{}/{}", v.mutants_caught, v.mutants);
        let python = match &v.python {
            Some(p) if p.reference_ok && p.stub_ok => "ok".green(),
            Some(_) => "FAIL".red(),
            None => "skip".yellow(),
        };
        out += &format!(
            "{:<30} {:>6} {:>10} {:>9} {:>5} {:>8} {:>7}\n",
            v.name,
            v.cases,
            mark(v.reference_failures.is_empty()),
            if v.escaped.is_empty() {
                adequacy.green()
            } else {
                adequacy.red()
            },
            mark(v.stub_ok),
            mark(v.example_ok),
            python
        );
        for f in &v.reference_failures {
            out += &format!("  reference fails {f}\n");
        }
        for id in &v.escaped {
            out += &format!("  mutant `{id}` fails no case\n");
        }
        if let Some(p) = &v.python {
            if !p.stub_ok {
                out += "  the Python stub is not judged \"not implemented yet\"\n";
            }
            if let Some(f) = &p.failure {
                out += &format!("  the Python reference fails:\n{f}");
            }
        }
    }
    if let Some(why) = results.iter().find_map(|v| v.python_skipped.as_ref()) {
        out += &format!("Python track not verified: {why}\n");
    }
    let caught: usize = results.iter().map(|v| v.mutants_caught).sum();
    let total: usize = results.iter().map(|v| v.mutants).sum();
    let pct = if total == 0 {
        100.0
    } else {
        100.0 * caught as f64 / total as f64
    };
    out += &format!("mutation adequacy: {caught}/{total} ({pct:.0}%)\n");
    out
}
