//! `kata check`: gather the cases, build and run the user's program, judge
//! every part of every case, and name the mistake when a mutant explains it.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Once;
use std::time::Duration;

use kata_harness::{Inputs, Outputs, Value};
use kata_reference::Rng;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::build::BuildOptions;
use crate::catalog::{Kata, Practice};
use crate::error::SetupError;
use crate::fixture;
use crate::gradcheck::{self, GradientReport};
use crate::hash::Hasher;
use crate::judge::{self, Mismatch, Tolerance};
use crate::run::{self, Crash, Job, Limits, PartRun, Printed, Raised};
use crate::state;
use crate::track::{Built, Toolchain, Track};

/// Random cases per check unless `--random` says otherwise.
pub const DEFAULT_RANDOM_CASES: usize = 20;

/// What to check and how.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Seed of the random cases; `None` uses the kata's fixed default seed.
    pub seed: Option<u64>,
    /// How many random cases.
    pub random_cases: usize,
    /// Run only the case of this name (`example`, `random-3`).
    pub only_case: Option<String>,
    /// Let rustc colour its diagnostics.
    pub color: bool,
    /// Print nothing while building dependencies.
    pub quiet: bool,
}

/// One case as the check runs it.
pub struct Case {
    /// `example`, `diabetes`, `random-3`, …
    pub name: String,
    /// The seed that draws it again, for random cases.
    pub seed: Option<u64>,
    /// The arguments.
    pub inputs: Inputs,
    /// Expected outputs per part.
    pub expected: BTreeMap<String, Outputs>,
}

/// The verdict on one part of one case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// Every output within tolerance.
    Pass,
    /// The function still says `todo!()`.
    NotImplemented,
    /// Some outputs differ.
    Mismatch {
        /// Which outputs and how.
        outputs: Vec<OutputFailure>,
    },
    /// The function panicked.
    Panicked { message: String, location: Option<String> },
    /// The function raised an exception (the Python track).
    Raised {
        /// Its type, message and the user's line.
        raised: Raised,
    },
    /// The program died in this part.
    Crashed { crash: Crash },
    /// The time limit was reached before this part ran.
    NotRun,
    /// The case did not fit the function: a fixture fault, not the user's.
    BadInput { message: String },
}

/// One differing output, with what is needed to show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutputFailure {
    /// The output's name (`layer_norm`, `sgd.w`).
    pub name: String,
    /// How it differs.
    pub mismatch: Mismatch,
    /// What the user's function returned.
    pub got: Option<Value>,
    /// What was expected.
    pub expected: Value,
    /// The tolerance it was judged with.
    pub rtol: f64,
    /// See `rtol`.
    pub atol: f64,
}

/// One part of one case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseReport {
    /// The case's name.
    pub case: String,
    /// The seed of a random case.
    pub seed: Option<u64>,
    /// Input shapes, e.g. `x (2, 3), eps ()`.
    pub shapes: String,
    /// The verdict.
    pub verdict: Verdict,
    /// What the user's code printed.
    pub printed: Option<Printed>,
}

/// A mistake from the catalog that explains a failing part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// The mistake's id.
    pub id: String,
    /// In English.
    pub en: String,
    /// In Chinese.
    pub zh: String,
}

/// Status of a part or a kata.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Everything passed.
    Passed,
    /// Something failed.
    Failed,
    /// Still `todo!()`.
    NotImplemented,
    /// The file does not compile.
    CompileError,
}

/// The verdicts on one part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartReport {
    /// The function's name.
    pub name: String,
    /// Overall.
    pub status: Status,
    /// One entry per case.
    pub cases: Vec<CaseReport>,
    /// The catalogued mistake that explains the failures, if one does.
    pub looks_like: Option<Diagnosis>,
}

/// The verdicts on one kata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KataReport {
    /// The kata's name.
    pub name: String,
    /// Overall.
    pub status: Status,
    /// rustc's diagnostics when the file does not compile.
    pub compile_error: Option<String>,
    /// One entry per part.
    pub parts: Vec<PartReport>,
    /// The seed of the random cases.
    pub seed: u64,
    /// Output bytes dropped past the capture cap.
    pub dropped_bytes: usize,
    /// Served from the verdict cache.
    #[serde(default)]
    pub cached: bool,
    /// The gradient check, when a gradient part failed.
    #[serde(default)]
    pub gradient_check: Option<GradientReport>,
    /// The track the file was written in.
    #[serde(default)]
    pub track: Track,
}

/// The default seed of a kata's random cases: fixed, so a check is repeatable.
pub fn default_seed(name: &str) -> u64 {
    let mut h = Hasher::new();
    h.add(name.as_bytes());
    u64::from_str_radix(&h.short()[..12], 16).unwrap_or(0)
}

/// Draws random case `index` of `seed`, the same on every machine.
pub fn random_inputs(reference: &kata_reference::Kata, seed: u64, index: usize) -> Inputs {
    let mut rng = Rng::seed_from_u64(seed);
    rng.set_stream(index as u64);
    (reference.random_case)(&mut rng, index)
}

/// Collects the fixture cases and the random cases, with expected outputs.
pub fn gather_cases(practice: &Practice, kata: &Kata, opts: &CheckOptions) -> Result<Vec<Case>, SetupError> {
    let reference = kata_reference::find(&kata.name).ok_or_else(|| SetupError::NoReference(kata.name.clone()))?;
    let dir = practice.fixture_dir(&kata.name);
    let mut cases = Vec::new();
    for fx in fixture::load_dir(&dir)? {
        let path = dir.join(format!("{}.npz", fx.name));
        let expected = split_by_part(kata, &fx.expected).map_err(|message| SetupError::Fixture {
            path: path.clone(),
            message,
        })?;
        // The user's program reads its arguments through the same adapter as
        // the reference: a case the reference cannot take would fail the
        // user for the fixture's fault, so it stops the check here instead.
        for part in &kata.parts {
            let message = match run_quietly(|| reference.reference.run(&part.name, &fx.inputs)) {
                Some(Ok(_)) => continue,
                Some(Err(e)) => format!("it does not fit `{}` ({e})", part.name),
                None => format!(
                    "the reference panicked on it in `{}`: its arrays do not fit together",
                    part.name
                ),
            };
            return Err(SetupError::Fixture { path, message });
        }
        cases.push(Case {
            name: fx.name,
            seed: None,
            inputs: fx.inputs,
            expected,
        });
    }
    let seed = opts.seed.unwrap_or_else(|| default_seed(&kata.name));
    for index in 0..opts.random_cases {
        let inputs = random_inputs(reference, seed, index);
        let mut expected = BTreeMap::new();
        for part in &kata.parts {
            let fault = |why: String| {
                SetupError::Usage(format!(
                    "{}: the reference cannot run random case {index} of seed {seed} ({why}); this is a bug in kata",
                    kata.name
                ))
            };
            let outputs = match run_quietly(|| reference.reference.run(&part.name, &inputs)) {
                Some(Ok(outputs)) => outputs,
                Some(Err(e)) => return Err(fault(e.to_string())),
                None => return Err(fault("it panicked".into())),
            };
            expected.insert(part.name.clone(), outputs);
        }
        cases.push(Case {
            name: format!("random-{index}"),
            seed: Some(seed),
            inputs,
            expected,
        });
    }
    if let Some(only) = &opts.only_case {
        cases.retain(|c| &c.name == only);
        if cases.is_empty() {
            return Err(SetupError::Usage(format!("kata `{}` has no case `{only}`", kata.name)));
        }
    }
    Ok(cases)
}

/// Splits a fixture's expected outputs by the part they belong to
/// (`sgd.w` → `sgd`); every part must have at least one.
fn split_by_part(kata: &Kata, expected: &Outputs) -> Result<BTreeMap<String, Outputs>, String> {
    let mut by_part: BTreeMap<String, Outputs> = BTreeMap::new();
    for (name, value) in &expected.0 {
        let part = kata
            .parts
            .iter()
            .find(|p| name == &p.name || name.starts_with(&format!("{}.", p.name)))
            .ok_or_else(|| format!("`expected.{name}` belongs to no part of `{}`", kata.name))?;
        by_part
            .entry(part.name.clone())
            .or_default()
            .insert(name.clone(), value.clone());
    }
    match kata.parts.iter().find(|p| !by_part.contains_key(&p.name)) {
        Some(p) => Err(format!("no `expected.{}…` array", p.name)),
        None => Ok(by_part),
    }
}

/// Checks one kata end to end, in the practice folder's track.
pub fn check(
    practice: &Practice,
    kata: &Kata,
    toolchain: &Toolchain,
    cache: &Path,
    opts: &CheckOptions,
) -> Result<KataReport, SetupError> {
    let cases = gather_cases(practice, kata, opts)?;
    let seed = opts.seed.unwrap_or_else(|| default_seed(&kata.name));
    let program = match toolchain.build(
        practice,
        kata,
        cache,
        BuildOptions {
            release: false,
            color: opts.color,
        },
    )? {
        Built::Program(p) => p,
        Built::CompileError(text) => {
            return Ok(KataReport {
                name: kata.name.clone(),
                status: Status::CompileError,
                compile_error: Some(text),
                parts: Vec::new(),
                seed,
                dropped_bytes: 0,
                cached: false,
                gradient_check: None,
                track: practice.track,
            })
        }
    };
    let parts: Vec<String> = kata.parts.iter().map(|p| p.name.clone()).collect();
    let jobs: Vec<Job<'_>> = cases
        .iter()
        .enumerate()
        .map(|(index, c)| Job {
            index,
            parts: parts.clone(),
            inputs: &c.inputs,
        })
        .collect();
    let limits = Limits {
        time: Duration::from_secs_f64(kata.time_limit_secs),
        memory_mb: kata.memory_mb,
    };
    let mut output = program.run(&jobs, limits)?;
    program.settle(&cases, &mut output);
    let mut report = judge_run(kata, &cases, &mut output, seed);
    program.explain(kata, &cases, &mut report);
    report.track = practice.track;
    if let Some(spec) = &kata.gradient_check {
        report.gradient_check = gradcheck::run_check(spec, &report, &cases, &program, limits)?;
    }
    Ok(report)
}

/// Turns a run into verdicts and diagnoses.
pub fn judge_run(kata: &Kata, cases: &[Case], output: &mut run::RunOutput, seed: u64) -> KataReport {
    let mut parts = Vec::new();
    for part in &kata.parts {
        let tol = Tolerance {
            rtol: part.rtol,
            atol: part.atol,
        };
        let mut reports = Vec::new();
        let mut returned: Vec<(usize, Outputs)> = Vec::new();
        for (index, case) in cases.iter().enumerate() {
            let key = (index, part.name.clone());
            let run = output.parts.remove(&key).unwrap_or(PartRun::NotRun);
            let expected = &case.expected[&part.name];
            let verdict = match run {
                PartRun::Returned(got) => {
                    let failures = failures(&got, expected, tol);
                    returned.push((index, got));
                    match failures.is_empty() {
                        true => Verdict::Pass,
                        false => Verdict::Mismatch { outputs: failures },
                    }
                }
                PartRun::Panicked { message, .. } if is_todo(&message) => Verdict::NotImplemented,
                PartRun::Panicked { message, location } => Verdict::Panicked { message, location },
                PartRun::Raised(raised) => Verdict::Raised { raised },
                PartRun::Crashed(crash) => Verdict::Crashed { crash },
                PartRun::NotRun => Verdict::NotRun,
                PartRun::BadInput(message) => Verdict::BadInput { message },
            };
            reports.push(CaseReport {
                case: case.name.clone(),
                seed: case.seed,
                shapes: shapes(&case.inputs),
                verdict,
                printed: output.printed.remove(&key),
            });
        }
        let status = part_status(&reports);
        let looks_like = match status {
            Status::Failed => diagnose(kata, &part.name, cases, &returned, tol),
            _ => None,
        };
        parts.push(PartReport {
            name: part.name.clone(),
            status,
            cases: reports,
            looks_like,
        });
    }
    let status = kata_status(&parts);
    KataReport {
        name: kata.name.clone(),
        status,
        compile_error: None,
        parts,
        seed,
        dropped_bytes: output.dropped_bytes,
        cached: false,
        gradient_check: None,
        track: Track::default(),
    }
}

fn failures(got: &Outputs, expected: &Outputs, tol: Tolerance) -> Vec<OutputFailure> {
    judge::compare_all(got, expected, tol)
        .into_iter()
        .map(|(name, mismatch)| OutputFailure {
            got: got.get(&name).cloned(),
            expected: expected.get(&name).cloned().expect("compared outputs are expected"),
            name,
            mismatch,
            rtol: tol.rtol,
            atol: tol.atol,
        })
        .collect()
}

/// `todo!()` and `unimplemented!()` panic with these messages.
pub fn is_todo(message: &str) -> bool {
    message.starts_with("not yet implemented") || message.starts_with("not implemented")
}

fn part_status(cases: &[CaseReport]) -> Status {
    if cases.iter().all(|c| c.verdict == Verdict::Pass) {
        Status::Passed
    } else if cases
        .iter()
        .all(|c| matches!(c.verdict, Verdict::NotImplemented | Verdict::NotRun))
    {
        Status::NotImplemented
    } else {
        Status::Failed
    }
}

fn kata_status(parts: &[PartReport]) -> Status {
    if parts.iter().all(|p| p.status == Status::Passed) {
        Status::Passed
    } else if parts.iter().all(|p| p.status == Status::NotImplemented) {
        Status::NotImplemented
    } else {
        Status::Failed
    }
}

/// Input shapes, e.g. `x (2, 3), eps ()`.
fn shapes(inputs: &Inputs) -> String {
    inputs
        .0
        .iter()
        .map(|(name, v)| {
            let dims: Vec<String> = v.shape().iter().map(usize::to_string).collect();
            format!("{name} ({})", dims.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The catalogued mistake whose mutant reproduces the user's outputs on every
/// case where the user's function returned. Claims nothing when none does.
fn diagnose(
    kata: &Kata,
    part: &str,
    cases: &[Case],
    returned: &[(usize, Outputs)],
    tol: Tolerance,
) -> Option<Diagnosis> {
    if returned.is_empty() {
        return None;
    }
    let reference = kata_reference::find(&kata.name)?;
    let mutant = reference.mutants.iter().find(|mutant| {
        returned.iter().all(|(index, got)| {
            let inputs = &cases[*index].inputs;
            // A mutant may panic on a case; that only means it is not the match.
            matches!(run_quietly(|| mutant.solution.run(part, inputs)), Some(Ok(out)) if judge::matches(got, &out, tol))
        })
    });
    let mutant = mutant?;
    let mistake = kata.mistakes.iter().find(|m| m.id == mutant.id)?;
    Some(Diagnosis {
        id: mistake.id.clone(),
        en: mistake.en.clone(),
        zh: mistake.zh.clone(),
    })
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs in-process code that may panic (a mutant on a case it cannot take)
/// without printing the panic; `None` if it panicked. The hook is installed
/// once and stays silent only on the thread that asked, so checks running on
/// other threads keep their panic messages.
pub fn run_quietly<R>(f: impl FnOnce() -> R) -> Option<R> {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                default(info)
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.ok()
}

/// The kata's verdict-cache key, and its cached report (marked `cached`) if
/// one is filed under that key.
pub fn from_cache(
    practice: &Practice,
    kata: &Kata,
    opts: &CheckOptions,
) -> Result<(String, Option<KataReport>), SetupError> {
    let key = cache_key(practice, kata, opts)?;
    let report = state::cached_report(practice, &kata.name, &key).map(|r| KataReport { cached: true, ..r });
    Ok((key, report))
}

/// The verdict-cache key: everything a verdict depends on.
pub fn cache_key(practice: &Practice, kata: &Kata, opts: &CheckOptions) -> Result<String, SetupError> {
    let mut h = Hasher::new();
    h.add(env!("CARGO_PKG_VERSION").as_bytes());
    h.add(practice.track.name().as_bytes());
    if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
        // A rebuilt binary may carry a changed reference.
        h.add(format!("{:?}{}", meta.modified().ok(), meta.len()).as_bytes());
    }
    let user = practice.user_file(&kata.name);
    h.add(&fs::read(&user).map_err(|e| SetupError::io(&user, e))?);
    let description = practice.description_file(&kata.name);
    h.add(&fs::read(&description).map_err(|e| SetupError::io(&description, e))?);
    let dir = practice.fixture_dir(&kata.name);
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| SetupError::io(&dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for f in files {
        h.add(f.to_string_lossy().as_bytes());
        h.add(&fs::read(&f).map_err(|e| SetupError::io(&f, e))?);
    }
    h.add(format!("{:?} {} {:?}", opts.seed, opts.random_cases, opts.only_case).as_bytes());
    Ok(h.short())
}
