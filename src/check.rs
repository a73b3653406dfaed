//! `kata check`: gather the cases, build and run the user's program, judge
//! every part of every case, and diagnose the failing parts.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Duration;

use kata_harness::{Inputs, Outputs, Value};
use kata_reference::Rng;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::build::BuildOptions;
use crate::catalog::{Kata, Practice};
use crate::diagnosis::{self, Finding, Kind};
use crate::error::SetupError;
use crate::fixture;
use crate::gradcheck::{self, GradientReport};
use crate::hash::Hasher;
use crate::judge::{self, Mismatch, Tolerance};
use crate::run::{self, Crash, Job, Limits, PartRun, Printed, Raised};
use crate::signature::Signature;
use crate::state;
use crate::track::{Built, Toolchain, Track};

pub use crate::quiet::run_quietly;

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

/// Whether a check ran everything a pass needs: only a full check passes a
/// kata (in `kata list`, the history and `kata solution`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every fixture and at least [`DEFAULT_RANDOM_CASES`] random cases (of any seed).
    Full,
    /// One case (`--case`) or fewer random cases (`--random N`): a pass says
    /// only that those cases pass.
    Partial,
}

impl CheckOptions {
    /// Whether these options make a full check.
    pub fn scope(&self) -> Scope {
        match self.only_case.is_none() && self.random_cases >= DEFAULT_RANDOM_CASES {
            true => Scope::Full,
            false => Scope::Partial,
        }
    }
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
    /// The inputs in the signature's order, e.g. `x (2×3), eps = 1e-5`.
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
    /// The catalogued mistake that explains the failures, if one does (the
    /// first mistake among `diagnoses`, kept for tools that read it).
    pub looks_like: Option<Diagnosis>,
    /// What the diagnosis found, most specific first.
    #[serde(default)]
    pub diagnoses: Vec<Finding>,
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
    /// The practice folder a re-run command names with `--dir`, when it is
    /// not the one the user is in (an interview's).
    #[serde(skip)]
    pub rerun_dir: Option<String>,
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
    let fixtures = fixture::load_dir(&dir)?;
    validate_fixtures(practice, kata, reference, &fixtures)?;
    let mut cases = Vec::new();
    for fx in fixtures {
        let path = dir.join(format!("{}.npz", fx.name));
        let expected = split_by_part(kata, &fx.expected).map_err(|message| SetupError::Fixture {
            path: path.clone(),
            message,
        })?;
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
                SetupError::usage(
                    format!(
                        "{}: the reference cannot run random case {index} of seed {seed} ({why}); this is a bug in kata",
                        kata.name
                    ),
                    format!(
                        "{}：参考实现无法运行种子 {seed} 的随机用例 {index}（{why}）；这是 kata 的缺陷",
                        kata.name
                    ),
                )
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
        if !cases.iter().any(|c| &c.name == only) {
            let fixtures: Vec<&str> = cases
                .iter()
                .filter(|c| c.seed.is_none())
                .map(|c| c.name.as_str())
                .collect();
            let random = match opts.random_cases {
                0 => String::new(),
                1 => "random-0".to_string(),
                n => format!("random-0 … random-{}", n - 1),
            };
            let all = |comma: &str| {
                let mut all = fixtures.clone();
                all.extend((!random.is_empty()).then_some(random.as_str()));
                all.join(comma)
            };
            return Err(SetupError::usage(
                format!("kata `{}` has no case `{only}`; its cases are {}", kata.name, all(", ")),
                format!("题目 `{}` 没有用例 `{only}`；它的用例有 {}", kata.name, all("、")),
            ));
        }
        cases.retain(|c| &c.name == only);
    }
    Ok(cases)
}

/// Stops the check on a fixture the reference cannot take: the user's
/// program reads its arguments through the same adapter as the reference, so
/// such a case would fail the user for the fixture's fault. A set found valid
/// is remembered by its hash (fixture files, parts, this binary) in
/// `.kata/valid-fixtures/<kata>`, so re-checks skip the reference runs; where
/// `.kata/` cannot be written, every check validates again.
fn validate_fixtures(
    practice: &Practice,
    kata: &Kata,
    reference: &kata_reference::Kata,
    fixtures: &[fixture::FixtureCase],
) -> Result<(), SetupError> {
    let dir = practice.fixture_dir(&kata.name);
    let marker = practice.state_dir().join("valid-fixtures").join(&kata.name);
    let mut h = Hasher::new();
    if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
        // A rebuilt binary may carry a changed reference or adapter.
        h.add(format!("{:?}{}", meta.modified().ok(), meta.len()).as_bytes());
    }
    for part in &kata.parts {
        h.add(part.name.as_bytes());
    }
    for fx in fixtures {
        let path = dir.join(format!("{}.npz", fx.name));
        h.add(fx.name.as_bytes());
        h.add(&fs::read(&path).map_err(|e| SetupError::io(&path, e))?);
    }
    let key = h.short();
    if fs::read_to_string(&marker).is_ok_and(|k| k == key) {
        return Ok(());
    }
    for fx in fixtures {
        for part in &kata.parts {
            let message = match run_quietly(|| reference.reference.run(&part.name, &fx.inputs)) {
                Some(Ok(_)) => continue,
                Some(Err(e)) => format!("it does not fit `{}` ({e})", part.name),
                None => format!(
                    "the reference panicked on it in `{}`: its arrays do not fit together",
                    part.name
                ),
            };
            let path = dir.join(format!("{}.npz", fx.name));
            return Err(SetupError::Fixture { path, message });
        }
    }
    // Only a speed-up: a folder that cannot remember it validates each time.
    let _ = crate::build::write_atomic(&marker, key.as_bytes());
    Ok(())
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

/// The wall-clock limit for running `cases`: the kata's `time_limit_secs`
/// covers a full check (its fixtures and [`DEFAULT_RANDOM_CASES`] random
/// cases); `--random N` beyond that stretches it in proportion, or a correct
/// solution asked for 2000 cases would time out on the per-case overhead
/// alone (one `.npz` written per part on the Python track).
fn time_limit(kata: &Kata, cases: &[Case]) -> Duration {
    let fixtures = cases.iter().filter(|c| c.seed.is_none()).count();
    stretched(kata.time_limit_secs, fixtures, cases.len())
}

fn stretched(limit_secs: f64, fixtures: usize, cases: usize) -> Duration {
    let full = (fixtures + DEFAULT_RANDOM_CASES) as f64;
    Duration::from_secs_f64(limit_secs * (cases as f64 / full).max(1.0))
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
        Built::CompileError(text) => return Ok(does_not_compile(kata, practice, seed, text)),
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
        time: time_limit(kata, &cases),
        memory_mb: kata.memory_mb,
    };
    let mut output = program.run(&jobs, limits)?;
    if let Some(text) = output.compile_error.take() {
        return Ok(does_not_compile(kata, practice, seed, text));
    }
    program.settle(&cases, &mut output);
    let mut report = judge_run(kata, &cases, &mut output, seed);
    program.explain(kata, &cases, &mut report);
    report.track = practice.track;
    if let Some(spec) = &kata.gradient_check {
        report.gradient_check = gradcheck::run_check(spec, &report, &cases, &program, limits)?;
        if let Some(g) = &report.gradient_check {
            if let Some(part) = report.parts.iter_mut().find(|p| p.name == g.gradient) {
                part.diagnoses.push(Finding {
                    kind: Kind::Gradient,
                    id: "gradient_check".into(),
                    en: gradcheck::explain(g, false),
                    zh: gradcheck::explain(g, true),
                    rank: 30,
                    output: None,
                });
            }
        }
    }
    Ok(report)
}

/// The report of a file that does not compile.
fn does_not_compile(kata: &Kata, practice: &Practice, seed: u64, text: String) -> KataReport {
    KataReport {
        name: kata.name.clone(),
        status: Status::CompileError,
        compile_error: Some(text),
        parts: Vec::new(),
        seed,
        dropped_bytes: 0,
        cached: false,
        gradient_check: None,
        track: practice.track,
        rerun_dir: None,
    }
}

/// Turns a run into verdicts and diagnoses.
pub fn judge_run(kata: &Kata, cases: &[Case], output: &mut run::RunOutput, seed: u64) -> KataReport {
    let signature = Signature::of(kata);
    let mut parts = Vec::new();
    for part in &kata.parts {
        let tol = Tolerance {
            rtol: part.rtol,
            atol: part.atol,
        };
        let mut reports = Vec::new();
        let mut returned: Vec<(usize, Outputs)> = Vec::new();
        for case in cases {
            let index = reports.len();
            let key = (index, part.name.clone());
            let run = output.parts.remove(&key).unwrap_or(PartRun::NotRun);
            let expected = &case.expected[&part.name];
            let verdict = match run {
                PartRun::Returned(got) => {
                    let failures = failures(&got, expected, tol, &signature);
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
                shapes: shapes(&signature, &case.inputs, part),
                verdict,
                printed: output.printed.remove(&key),
            });
        }
        let status = part_status(&reports);
        let diagnoses = match status {
            Status::Failed => diagnose(kata, part, cases, &reports, &returned),
            _ => Vec::new(),
        };
        let looks_like = looks_like(&diagnoses);
        parts.push(PartReport {
            name: part.name.clone(),
            status,
            cases: reports,
            looks_like,
            diagnoses,
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
        rerun_dir: None,
    }
}

/// The outputs that differ, in the order the function returns them.
fn failures(got: &Outputs, expected: &Outputs, tol: Tolerance, signature: &Signature) -> Vec<OutputFailure> {
    let mut differing = judge::compare_all(got, expected, tol);
    let order = signature.order_outputs(differing.iter().map(|(name, _)| name.as_str()));
    let order: Vec<String> = order.into_iter().map(str::to_string).collect();
    differing.sort_by_key(|(name, _)| order.iter().position(|n| n == name));
    differing
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

/// The first mistake among a part's findings, as `looks_like` keeps it for
/// tools that read that field.
pub fn looks_like(diagnoses: &[Finding]) -> Option<Diagnosis> {
    diagnoses.iter().find(|f| f.kind == Kind::Mistake).map(|f| Diagnosis {
        id: f.id.clone(),
        en: f.en.clone(),
        zh: f.zh.clone(),
    })
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

/// The inputs in the signature's order: arrays with their shapes, scalars
/// with their values (`x (2×3), normalized_shape (1), eps = 1e-5`). A shape
/// holds no space, so a wrapped line never splits one.
fn shapes(signature: &Signature, inputs: &Inputs, part: &crate::catalog::Part) -> String {
    // Only the part's own arguments (a kata's parts share their cases, and
    // `moe_forward` does not take `route`'s router_logits), as its
    // `[parts.python]` table names them, in its order; all inputs where it
    // has none.
    let roots: Vec<&str> = part
        .python
        .iter()
        .flat_map(|p| &p.args)
        .map(|a| a.trim_end_matches('?').split(':').next().unwrap_or_default())
        .collect();
    let root_of = |name: &str| {
        roots
            .iter()
            .position(|r| name == *r || name.strip_prefix(r).is_some_and(|rest| rest.starts_with('.')))
    };
    let mut names = signature.order_inputs(
        inputs
            .0
            .keys()
            .map(String::as_str)
            .filter(|n| roots.is_empty() || root_of(n).is_some()),
    );
    // In the part's own parameter order (`k` last in moe_forward(x, router,
    // experts, k), though route takes it first).
    names.sort_by_key(|n| root_of(n));
    names
        .into_iter()
        .map(|name| {
            let v = &inputs.0[name];
            match v {
                Value::F64(a) if a.ndim() == 0 => format!("{name} = {}", crate::report::fmt_f64(a.iter().sum())),
                Value::Int(a) if a.ndim() == 0 => format!("{name} = {}", a.iter().sum::<i64>()),
                Value::Bool(a) if a.ndim() == 0 => format!("{name} = {}", a.iter().any(|&b| b)),
                _ => {
                    let dims: Vec<String> = v.shape().iter().map(usize::to_string).collect();
                    format!("{name} ({})", dims.join("×"))
                }
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Hands a failing part's cases to the diagnosis: the outputs where the
/// user's function returned, the panic where it panicked; and the
/// exceptions it raised to their explanations.
fn diagnose(
    kata: &Kata,
    part: &crate::catalog::Part,
    cases: &[Case],
    reports: &[CaseReport],
    returned: &[(usize, Outputs)],
) -> Vec<Finding> {
    let observed = reports
        .iter()
        .zip(cases)
        .enumerate()
        .filter_map(|(index, (report, case))| {
            let outcome = match &report.verdict {
                Verdict::Panicked { message, location } => diagnosis::Outcome::Panicked {
                    message,
                    location: location.as_deref(),
                },
                Verdict::Pass | Verdict::Mismatch { .. } => {
                    let got = &returned.iter().find(|(i, _)| *i == index)?.1;
                    diagnosis::Outcome::Returned {
                        got,
                        passed: report.verdict == Verdict::Pass,
                    }
                }
                _ => return None,
            };
            Some(diagnosis::Observed {
                case: &case.name,
                inputs: &case.inputs,
                expected: &case.expected[&part.name],
                outcome,
            })
        })
        .collect();
    let mut findings = diagnosis::diagnose(&diagnosis::Context { kata, part, observed });
    // Exceptions say nothing about the numbers; they are explained apart.
    findings.extend(diagnosis::exceptions::findings(reports.iter().filter_map(
        |report| match &report.verdict {
            Verdict::Raised { raised } => Some((report.case.as_str(), raised)),
            _ => None,
        },
    )));
    findings.sort_by_key(|f| f.rank);
    findings
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
    if practice.track == Track::Python {
        // Another interpreter has other packages (NumPy's version, a module
        // the file imports).
        let python = crate::track::python::Interpreter::from_env().identity();
        h.add(python.as_os_str().as_encoded_bytes());
    }
    if let Ok(meta) = std::env::current_exe().and_then(fs::metadata) {
        // A rebuilt binary may carry a changed reference.
        h.add(format!("{:?}{}", meta.modified().ok(), meta.len()).as_bytes());
    }
    let user = practice.user_file(&kata.name);
    h.add(&fs::read(&user).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SetupError::usage(
            format!(
                "{} is missing: `kata reset {}` writes the stub again",
                user.display(),
                kata.name
            ),
            format!("{} 不见了：`kata reset {}` 会重新写入桩文件", user.display(), kata.name),
        ),
        _ => SetupError::io(&user, e),
    })?);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_limit_grows_with_random_cases_past_a_full_check() {
        let secs = |fixtures, cases| stretched(10.0, fixtures, cases).as_secs_f64();
        assert_eq!(secs(8, 28), 10.0);
        assert_eq!(secs(8, 1), 10.0, "--case and --random 0 keep the limit");
        assert!((secs(8, 2008) - 10.0 * 2008.0 / 28.0).abs() < 1e-6);
    }
}
