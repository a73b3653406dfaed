//! The Python track: the user's `katas/<name>.py` is run by one Python
//! process per check, under the same time and memory limits and with the
//! same crash handling as a Rust program ([`crate::run::run_with`]).
//!
//! The harness (`harness.py`, compiled into kata and written to its cache)
//! receives the cases as an `.npz` and a JSON request made from the kata's
//! `[parts.python]` tables, calls each part, and writes each part's outputs
//! as an `.npz` and a JSON line per event. All per-kata knowledge comes from
//! the description, so a kata added with its tables needs no code here.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use kata_harness::{Inputs, Value};
use ndarray::{ArrayD, IxDyn};
use ndarray_npy::NpzWriter;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::json;

use crate::build::write_atomic;
use crate::catalog::{Kata, Practice};
use crate::check::{self, Case, CaseReport, KataReport, OutputFailure, Status, Verdict};
use crate::diagnosis::{Finding, Kind};
use crate::error::SetupError;
use crate::fixture;
use crate::hash::Hasher;
use crate::judge::{Mismatch, Tolerance};
use crate::run::{self, Attempt, Crash, Event, Job, Limits, PartRun, Raised, RunOutput};
use crate::track::{Built, PythonPart};

/// The harness, written into the cache on first use.
const HARNESS: &str = include_str!("harness.py");

/// The interpreter that runs user code: `$KATA_PYTHON`, else `python3`.
#[derive(Clone, Debug)]
pub struct Interpreter {
    /// As given (a name looked up on `PATH`, or a path).
    pub path: PathBuf,
}

impl Interpreter {
    /// `$KATA_PYTHON` if set and not empty, else `python3`.
    pub fn from_env() -> Interpreter {
        let path = std::env::var_os("KATA_PYTHON")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("python3"));
        Interpreter { path }
    }

    /// Which interpreter this is, for the verdict cache: the path given, or
    /// the first `python3` on `PATH` (an activated virtualenv's, say). Not
    /// resolved through symlinks: a virtualenv's `python` links to the
    /// base interpreter, and its packages are its own.
    pub fn identity(&self) -> PathBuf {
        if self.path.components().count() > 1 {
            return std::path::absolute(&self.path).unwrap_or_else(|_| self.path.clone());
        }
        std::env::var_os("PATH")
            .iter()
            .flat_map(std::env::split_paths)
            .map(|dir| dir.join(&self.path))
            .find(|candidate| candidate.is_file())
            .unwrap_or_else(|| self.path.clone())
    }

    /// Whether it runs and imports NumPy; else why not, in a sentence.
    pub fn probe(&self) -> Result<(), String> {
        let probe = "import sys, numpy\nsys.exit(0 if sys.version_info >= (3, 9) else 3)";
        match Command::new(&self.path).args(["-c", probe]).output() {
            Ok(out) if out.status.success() => Ok(()),
            Ok(out) if out.status.code() == Some(3) => Err(format!("{} is older than Python 3.9", self.path.display())),
            Ok(_) => Err(format!(
                "{} cannot import NumPy (`{} -m pip install -r requirements-python.txt`)",
                self.path.display(),
                self.path.display()
            )),
            Err(e) => Err(format!("cannot run {} ({e}); set KATA_PYTHON", self.path.display())),
        }
    }

    /// The setup error for an interpreter that cannot be started.
    fn missing(&self, e: std::io::Error) -> SetupError {
        SetupError::toolchain(
            format!(
                "cannot run `{}` ({e}): the Python track needs Python 3.9 or newer with NumPy 1.24 or newer; \
                 install them (e.g. `sudo apt install python3 python3-numpy` on Debian or Ubuntu, elsewhere \
                 `python3 -m pip install numpy`), or point KATA_PYTHON at an interpreter that has them",
                self.path.display()
            ),
            format!(
                "无法运行 `{}`（{e}）：Python 练习需要 Python 3.9 或更新版本以及 NumPy 1.24 或更新版本；\
                 请安装它们（例如 Debian 或 Ubuntu 上用 `sudo apt install python3 python3-numpy`，\
                 其他系统用 `python3 -m pip install numpy`），或让 KATA_PYTHON 指向装有它们的解释器",
                self.path.display()
            ),
        )
    }
}

/// A user's Python file, ready to run.
pub struct Program {
    interpreter: Interpreter,
    harness: PathBuf,
    root: PathBuf,
    user_file: PathBuf,
    kata: String,
    parts: BTreeMap<String, PythonPart>,
}

/// The `[parts.python]` tables of a kata; an error names the part without one.
pub fn calls(practice: &Practice, kata: &Kata) -> Result<BTreeMap<String, PythonPart>, SetupError> {
    kata.parts
        .iter()
        .map(|p| match &p.python {
            Some(call) => Ok((p.name.clone(), call.clone())),
            None => Err(SetupError::Description {
                path: practice.description_file(&kata.name),
                message: format!(
                    "part `{}` has no [parts.python] table, so the Python track cannot call it",
                    p.name
                ),
            }),
        })
        .collect()
}

/// Readies the harness for `katas/<kata>.py`. Nothing is started here: the
/// harness compiles the file before any case, so a syntax error costs no
/// interpreter start of its own (see [`Event::DoesNotCompile`]).
pub fn build(practice: &Practice, kata: &Kata, interpreter: &Interpreter, cache: &Path) -> Result<Built, SetupError> {
    let parts = calls(practice, kata)?;
    let harness = cache
        .join("python")
        .join(format!("harness-{}.py", hash(HARNESS.as_bytes())));
    if !harness.is_file() {
        write_atomic(&harness, HARNESS.as_bytes())?;
    }
    let root = fs::canonicalize(&practice.root).map_err(|e| SetupError::io(&practice.root, e))?;
    Ok(Built::Program(super::Program::Python(Program {
        interpreter: interpreter.clone(),
        harness,
        user_file: root.join("katas").join(format!("{}.py", kata.name)),
        root,
        kata: kata.name.clone(),
        parts,
    })))
}

fn hash(bytes: &[u8]) -> String {
    let mut h = Hasher::new();
    h.add(bytes);
    h.short()
}

impl Program {
    /// Runs every job in one Python process (another after a crash), within the limits.
    pub fn run(&self, jobs: &[Job<'_>], limits: Limits) -> Result<RunOutput, SetupError> {
        let tmp = tempfile::tempdir().map_err(|e| SetupError::io(Path::new("(temporary folder)"), e))?;
        let inputs = tmp.path().join("inputs.npz");
        write_inputs(&inputs, jobs)?;
        let results = tmp.path().join("results");
        fs::create_dir_all(&results).map_err(|e| SetupError::io(&results, e))?;
        let records = tmp.path().join("records.jsonl");
        let request_file = tmp.path().join("request.json");
        run::run_with(jobs, limits, |pending, marker, deadline| {
            let mut cases: Vec<(usize, Vec<&str>)> = Vec::new();
            for (index, part) in pending {
                match cases.last_mut() {
                    Some((i, parts)) if i == index => parts.push(part),
                    _ => cases.push((*index, vec![part])),
                }
            }
            let request = json!({
                "kata": self.kata,
                "user_file": self.user_file,
                "shown_file": format!("katas/{}.py", self.kata),
                "katas_dir": self.root.join("katas"),
                "inputs": inputs,
                "results": results,
                "records": records,
                "marker": marker,
                "memory_mb": limits.memory_mb,
                "parts": self.parts,
                "cases": cases.iter().map(|(index, parts)| json!({"index": index, "parts": parts})).collect::<Vec<_>>(),
            });
            write_atomic(&request_file, request.to_string().as_bytes())?;
            let _ = fs::remove_file(&records);
            let mut cmd = Command::new(&self.interpreter.path);
            cmd.args(["-u", "-B"])
                .arg(&self.harness)
                .arg(&request_file)
                .current_dir(&self.root)
                // One thread each: the cases are small, and the machine is shared.
                .env("OPENBLAS_NUM_THREADS", "1")
                .env("OMP_NUM_THREADS", "1")
                .env("MKL_NUM_THREADS", "1")
                .env("PYTHONDONTWRITEBYTECODE", "1");
            let attempt: Attempt = run::supervise(cmd, Vec::new(), marker, deadline, limits, || {
                read_lines(&records).iter().any(|l| matches!(l, Line::Done { .. }))
            })
            .map_err(|e| self.interpreter.missing(e))?;
            let mut events = Vec::new();
            for line in read_lines(&records) {
                events.push(match line {
                    Line::SetupError {
                        setup_error,
                        setup_error_zh,
                    } => return Err(SetupError::toolchain(setup_error, setup_error_zh)),
                    Line::CompileError { compile_error } => Event::DoesNotCompile(compile_error),
                    Line::Started { started: (index, part) } => Event::Started(index, part),
                    Line::Finished {
                        finished: (index, part),
                        outcome,
                        nanos,
                    } => Event::Finished(index, part, part_run(outcome, limits), Duration::from_nanos(nanos)),
                    Line::Done { .. } => Event::Done,
                });
            }
            Ok((events, attempt))
        })
    }
}

/// Every job's inputs in one `.npz`, keyed `<case index>/<input name>`.
fn write_inputs(path: &Path, jobs: &[Job<'_>]) -> Result<(), SetupError> {
    let fail = |e: &dyn std::fmt::Display| SetupError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let file = File::create(path).map_err(|e| SetupError::io(path, e))?;
    let mut npz = NpzWriter::new(file);
    for job in jobs {
        for (name, value) in &job.inputs.0 {
            let key = format!("{}/{name}", job.index);
            match value {
                Value::F64(a) => npz.add_array(key, a),
                Value::Int(a) => npz.add_array(key, a),
                Value::Bool(a) => npz.add_array(key, a),
            }
            .map_err(|e| fail(&e))?;
        }
    }
    npz.finish().map_err(|e| fail(&e))?;
    Ok(())
}

/// One line of the harness's records.
#[derive(Deserialize)]
#[serde(untagged)]
enum Line {
    SetupError {
        setup_error: String,
        setup_error_zh: String,
    },
    CompileError {
        compile_error: String,
    },
    Started {
        started: (usize, String),
    },
    Finished {
        finished: (usize, String),
        outcome: Outcome,
        nanos: u64,
    },
    Done {
        #[allow(dead_code)] // Only its presence matters.
        done: IgnoredAny,
    },
}

/// How one call ended, as the harness reports it.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Outcome {
    Returned(PathBuf),
    NotImplemented(IgnoredAny),
    Raised(Raised),
    Crash(String),
    BadInput(String),
}

/// Every complete line; a torn last line (the process died writing it) is dropped.
fn read_lines(path: &Path) -> Vec<Line> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines().map_while(|l| serde_json::from_str(l).ok()).collect()
}

fn part_run(outcome: Outcome, limits: Limits) -> PartRun {
    match outcome {
        Outcome::Returned(path) => {
            let read = File::open(&path).map_err(|e| e.to_string()).and_then(fixture::read_npz);
            match read {
                Ok(arrays) => PartRun::Returned(Inputs(arrays.into_iter().collect())),
                Err(message) => PartRun::BadInput(format!("the harness's outputs are unreadable: {message}")),
            }
        }
        // The message `check::is_todo` knows.
        Outcome::NotImplemented(_) => PartRun::Panicked {
            message: "not implemented".into(),
            location: None,
        },
        Outcome::Raised(raised) => PartRun::Raised(raised),
        Outcome::Crash(kind) if kind == "stack_overflow" => PartRun::Crashed(Crash::StackOverflow),
        Outcome::Crash(_) => PartRun::Crashed(Crash::OutOfMemory {
            limit_mb: limits.memory_mb,
        }),
        Outcome::BadInput(message) => PartRun::BadInput(message),
    }
}

/// Python allows more than one form of a right answer (and an empty result
/// matches an expected empty one on both tracks, in the judge): a
/// one-element array (`keepdims=True`, `r.T @ r`) is the scalar expected,
/// integers where reals are expected are compared as reals, and booleans
/// where integers are expected as 0 and 1. Only the form changes, never a
/// value. (Reals where integers are expected stay reals, and fail: token
/// ids must be integers.)
pub fn settle(cases: &[Case], output: &mut RunOutput) {
    for ((index, part), run) in output.parts.iter_mut() {
        let (PartRun::Returned(outputs), Some(case)) = (run, cases.get(*index)) else {
            continue;
        };
        if let Some(expected) = case.expected.get(part) {
            settle_outputs(outputs, expected);
        }
    }
}

/// [`settle`] for one call's outputs.
pub fn settle_outputs(outputs: &mut Inputs, expected: &Inputs) {
    for (name, got) in outputs.0.iter_mut() {
        let Some(exp) = expected.get(name) else { continue };
        match (&*got, exp) {
            (Value::Int(a), Value::F64(_)) => *got = Value::F64(a.mapv(|v| v as f64)),
            (Value::Bool(a), Value::F64(_)) => *got = Value::F64(a.mapv(|v| f64::from(u8::from(v)))),
            (Value::Bool(a), Value::Int(_)) => *got = Value::Int(a.mapv(i64::from)),
            _ => {}
        }
        if exp.shape().is_empty() && !got.shape().is_empty() {
            if let Some(scalar) = only_element(got) {
                *got = scalar;
            }
        }
    }
}

/// A one-element array's element, as a 0-d array.
fn only_element(v: &Value) -> Option<Value> {
    if v.shape().iter().product::<usize>() != 1 {
        return None;
    }
    let zero = IxDyn(&[]);
    Some(match v {
        Value::F64(a) => Value::F64(ArrayD::from_elem(zero, *a.iter().next()?)),
        Value::Int(a) => Value::Int(ArrayD::from_elem(zero, *a.iter().next()?)),
        Value::Bool(a) => Value::Bool(ArrayD::from_elem(zero, *a.iter().next()?)),
    })
}

/// Names the mistakes of the Python track that no mutant of the reference
/// makes: an argument rebound where an in-place update was asked (its
/// output equals the input, unchanged), two outputs returned in each
/// other's place, reals where integers are expected, and float32
/// arithmetic. Each is certain when it shows, so it comes first (one a
/// part, in that order of precedence).
pub fn explain(kata: &Kata, cases: &[Case], report: &mut KataReport) {
    for part in &mut report.parts {
        if part.status != Status::Failed {
            continue;
        }
        let Some(call) = kata
            .parts
            .iter()
            .find(|p| p.name == part.name)
            .and_then(|p| p.python.as_ref())
        else {
            continue;
        };
        let mut found = None;
        let part_name = part.name.clone();
        let short = |name: &'_ str| -> String {
            name.strip_prefix(part_name.as_str())
                .and_then(|n| n.strip_prefix('.'))
                .unwrap_or(name)
                .to_string()
        };
        // Only two values of the returned tuple can be put back in order;
        // items of one list, or in-place arguments, are not returned so.
        let returned = |name: &str| call.returns.iter().any(|r| r == name);
        let pair = swapped(part.cases.iter().map(|c| &c.verdict)).filter(|(a, b)| returned(a) && returned(b));
        if let Some((a, b)) = pair {
            found = Some(swapped_outputs(&short(&a), &short(&b), call));
        }
        if let Some(arg) = rebound_argument(call, &part.cases, cases) {
            found = Some(not_in_place(&arg, call));
        }
        for (case, _) in part.cases.iter().zip(cases) {
            let Verdict::Mismatch { outputs } = &case.verdict else {
                continue;
            };
            if found.as_ref().is_some_and(|f: &Finding| f.id == NOT_IN_PLACE) {
                break;
            }
            for failure in outputs {
                if let Mismatch::Dtype { got, expected } = &failure.mismatch {
                    let same_shape = failure.got.as_ref().map(Value::shape) == Some(failure.expected.shape());
                    if got == "float64" && expected == "int64" && same_shape && found.is_none() {
                        found = Some(float_integers(&short(&failure.name)));
                    }
                }
                if matches!(failure.mismatch, Mismatch::Values(_))
                    && found.is_none()
                    && single_precision(failure.got.as_ref(), &failure.expected)
                {
                    found = Some(float32(&short(&failure.name), failure.rtol));
                }
            }
        }
        let Some(found) = found else {
            continue;
        };
        // The diagnosis may already say the same of floats (a pattern, or a
        // catalogued mistake); a rebound argument is news, and comes first.
        let said = |f: &Finding| f.id == "integers_as_floats" || f.id == "token_ids_as_floats";
        if found.id == FLOAT_INTEGERS && part.diagnoses.iter().any(said) {
            continue;
        }
        part.diagnoses.insert(0, found);
        part.looks_like = check::looks_like(&part.diagnoses);
    }
}

const NOT_IN_PLACE: &str = "python_not_in_place";
const FLOAT_INTEGERS: &str = "python_float_integers";

/// The in-place argument that was rebound: every output of it that failed,
/// on every case, came back exactly as it went in. One such case alone
/// proves nothing: a wrong update can leave an argument unchanged too (a
/// step divided by an infinity, on one late step of adamw).
fn rebound_argument(call: &PythonPart, judged: &[CaseReport], cases: &[Case]) -> Option<String> {
    call.inplace.iter().find_map(|(arg, out)| {
        let mut failed = 0;
        for (case, input) in judged.iter().zip(cases) {
            let Verdict::Mismatch { outputs } = &case.verdict else {
                continue;
            };
            for failure in outputs {
                let key = if failure.name == *out {
                    arg.clone()
                } else {
                    match failure
                        .name
                        .strip_prefix(out.as_str())
                        .and_then(|n| n.strip_prefix('.'))
                    {
                        Some(item) => format!("{arg}.{item}"),
                        None => continue,
                    }
                };
                match (input.inputs.get(&key), failure.got.as_ref()) {
                    (Some(given), Some(got)) if given == got => failed += 1,
                    _ => return None,
                }
            }
        }
        (failed > 0).then(|| arg.clone())
    })
}

fn not_in_place(arg: &str, call: &PythonPart) -> Finding {
    let list = call.args.iter().any(|a| a.starts_with(&format!("{arg}:list")));
    let (how, how_zh) = if list {
        (
            format!("update its arrays in place ({arg}[i] -= …) or replace its items ({arg}[i] = …)"),
            format!("原地更新其中的数组（{arg}[i] -= …）或替换其元素（{arg}[i] = …）"),
        )
    } else {
        (
            format!("assign in place, {arg}[:] = … (or {arg} *= …, {arg} += …)"),
            format!("请原地赋值：{arg}[:] = …（或 {arg} *= …、{arg} += …）"),
        )
    };
    // Where the function returns nothing, new arrays returned instead are
    // never read: a common reading of "update" that deserves saying.
    let (returned, returned_zh) = match call.returns.is_empty() {
        true => ("; a value returned is not read either", "；返回的值也不会被读取"),
        false => ("", ""),
    };
    mistake(
        NOT_IN_PLACE,
        format!(
            "`{arg}` did not change: {how}. `{arg} = …` only rebinds the name inside your function, so the caller's array keeps its old values{returned}"
        ),
        format!("`{arg}` 没有变化：{how_zh}。`{arg} = …` 只是在函数内部重新绑定了名字，调用方的数组仍是旧值{returned_zh}"),
    )
}

fn float_integers(output: &str) -> Finding {
    mistake(
        FLOAT_INTEGERS,
        format!(
            "`{output}` holds floats where integers are expected: token ids, labels and indices must have an integer dtype \
             (np.argmax and np.argsort return one; convert with .astype(np.int64))"
        ),
        format!(
            "`{output}` 应为整数却是浮点数：词元 id、标签和下标必须是整数类型（np.argmax、np.argsort 返回的就是；可用 .astype(np.int64) 转换）"
        ),
    )
}

/// Two outputs returned in each other's place: on every failing case,
/// each holds the values the other should.
fn swapped<'a>(verdicts: impl Iterator<Item = &'a Verdict>) -> Option<(String, String)> {
    let mut pair = None;
    for verdict in verdicts {
        let Verdict::Mismatch { outputs } = verdict else {
            continue;
        };
        let here = outputs.iter().enumerate().find_map(|(i, a)| {
            outputs[i + 1..]
                .iter()
                .find(|b| holds(a, b) && holds(b, a))
                .map(|b| (a.name.clone(), b.name.clone()))
        });
        match (&pair, here) {
            (_, None) => return None,
            (None, here) => pair = here,
            (Some(p), Some(q)) if *p == q => {}
            _ => return None,
        }
    }
    pair
}

/// Whether `a` returned the values `b` expects.
fn holds(a: &OutputFailure, b: &OutputFailure) -> bool {
    let Some(got) = &a.got else {
        return false;
    };
    let tol = Tolerance {
        rtol: b.rtol,
        atol: b.atol,
    };
    // As reals, whatever the dtypes: k-means centers returned in the
    // labels' place are floats, the labels expected integers.
    got.shape() == b.expected.shape() && reals(got).zip(reals(&b.expected)).all(|(g, e)| tol.close(g, e))
}

fn reals(v: &Value) -> Box<dyn Iterator<Item = f64> + '_> {
    match v {
        Value::F64(a) => Box::new(a.iter().copied()),
        Value::Int(a) => Box::new(a.iter().map(|&x| x as f64)),
        Value::Bool(a) => Box::new(a.iter().map(|&x| f64::from(u8::from(x)))),
    }
}

fn swapped_outputs(a: &str, b: &str, call: &PythonPart) -> Finding {
    let order = call
        .returns
        .iter()
        .map(|n| n.rsplit('.').next().unwrap_or(n).trim_end_matches("[]"))
        .collect::<Vec<_>>()
        .join(", ");
    mistake(
        "python_outputs_swapped",
        format!("`{a}` and `{b}` are swapped: each holds what the other should; return ({order}) in that order"),
        format!("`{a}` 与 `{b}` 位置颠倒了：各自装着对方应有的值；请按 ({order}) 的顺序返回"),
    )
}

/// Whether `got` was computed in single precision: every finite value is
/// a float32 number, and every one of them (at least
/// [`SINGLE_PRECISION_EVIDENCE`]) that says so is one: a float32 number
/// whose last 8 bits are not all zero, where a float32 is not expected. A
/// float64 result is such a number by chance about once in 2^29; a value
/// like 0, 1 or 0.5 (a zeroed or constant wrong answer) says nothing.
fn single_precision(got: Option<&Value>, expected: &Value) -> bool {
    let (Some(Value::F64(got)), Value::F64(expected)) = (got, expected) else {
        return false;
    };
    if got.shape() != expected.shape() {
        return false;
    }
    let single = |v: f64| f64::from(v as f32) == v;
    let mut evidence = 0;
    for (&g, &e) in got.iter().zip(expected) {
        if !g.is_finite() {
            continue;
        }
        if !single(g) {
            return false;
        }
        if (g as f32).to_bits() & 0xFF != 0 && e.is_finite() && !single(e) {
            evidence += 1;
        }
    }
    evidence > 0 && evidence >= SINGLE_PRECISION_EVIDENCE.min(got.len())
}

/// See [`single_precision`].
const SINGLE_PRECISION_EVIDENCE: usize = 4;

fn float32(output: &str, rtol: f64) -> Finding {
    mistake(
        "python_float32",
        format!(
            "`{output}` was computed in float32 or narrower (every value returned is exactly a float32 number): float32 keeps about \
             7 significant digits, fewer after cancellation, and the cases are judged in float64 to {rtol:e}·|expected|; \
             keep the arrays float64 (no dtype=np.float32, .astype(np.float32) or np.float32(...))"
        ),
        format!(
            "`{output}` 是用 float32（或更窄的类型）计算的（返回的每个值都恰好是 float32 数）：float32 只有约 7 位有效数字，\
             相减抵消后更少，而用例按 float64 判定，容差为 {rtol:e}·|期望值|；请保持 float64\
             （不要用 dtype=np.float32、.astype(np.float32) 或 np.float32(...)）"
        ),
    )
}

/// A mistake of the Python track's own: certain when it shows, so ranked first.
fn mistake(id: &str, en: String, zh: String) -> Finding {
    Finding {
        kind: Kind::Mistake,
        id: id.into(),
        en,
        zh,
        rank: 0,
        output: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{arr1, Array1, Array2, ArrayD, IxDyn};

    fn case(expected: Value) -> Case {
        Case {
            name: "c".into(),
            seed: None,
            inputs: Inputs::new(),
            expected: [("p".to_string(), Inputs::new().with("p", expected))].into(),
        }
    }

    fn settled(got: Value, expected: Value) -> Value {
        let mut output = RunOutput::default();
        output
            .parts
            .insert((0, "p".into()), PartRun::Returned(Inputs::new().with("p", got)));
        settle(&[case(expected)], &mut output);
        match output.parts.remove(&(0, "p".to_string())) {
            Some(PartRun::Returned(o)) => o.get("p").cloned().unwrap(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn integers_count_as_reals_but_reals_never_as_integers() {
        let got = Value::Int(arr1(&[1i64, 2]).into_dyn());
        assert_eq!(
            settled(got, Value::from(arr1(&[0.0, 0.0]))),
            Value::from(arr1(&[1.0, 2.0]))
        );
        let floats = Value::from(Array2::<f64>::zeros((1, 2)));
        let ints = Value::Int(ArrayD::zeros(IxDyn(&[1, 2])));
        assert_eq!(settled(floats.clone(), ints), floats);
    }

    #[test]
    fn booleans_count_as_integers_and_one_element_as_a_scalar() {
        let got = Value::Bool(arr1(&[true, false]).into_dyn());
        let ints = Value::Int(arr1(&[0i64, 0]).into_dyn());
        assert_eq!(settled(got, ints), Value::Int(arr1(&[1i64, 0]).into_dyn()));
        let column = Value::from(Array2::from_elem((1, 1), 2.5));
        assert_eq!(settled(column, Value::scalar(0.0)), Value::scalar(2.5));
        // Only one element makes a scalar, and only where a scalar is expected.
        let two = Value::from(arr1(&[1.0, 2.0]));
        assert_eq!(settled(two.clone(), Value::scalar(0.0)), two);
        let one = Value::from(arr1(&[1.0]));
        assert_eq!(settled(one.clone(), Value::from(arr1(&[0.0]))), one);
    }

    fn failure(name: &str, got: Value, expected: Value) -> OutputFailure {
        OutputFailure {
            name: name.into(),
            mismatch: Mismatch::Missing,
            got: Some(got),
            expected,
            rtol: 1e-6,
            atol: 1e-9,
        }
    }

    #[test]
    fn single_precision_needs_every_value_a_float32_and_the_expected_ones_not() {
        let single = |a: &Array1<f64>| Value::from(a.mapv(|v| f64::from(v as f32)));
        let expected = arr1(&[0.1, 0.2, 0.3, 0.7, 1.0]);
        assert!(single_precision(
            Some(&single(&expected)),
            &Value::from(expected.clone())
        ));
        // One float64 value clears it.
        let mut mixed = expected.mapv(|v| f64::from(v as f32));
        mixed[0] = 0.1;
        assert!(!single_precision(
            Some(&Value::from(mixed)),
            &Value::from(expected.clone())
        ));
        // Zeros, integers and halves are float32 numbers in any precision:
        // a zeroed or constant wrong answer is not named.
        let zeros = Value::from(Array1::<f64>::zeros(5));
        assert!(!single_precision(Some(&zeros), &Value::from(expected.clone())));
        let coarse = Value::from(arr1(&[0.5, 1.0, 2.0, 0.25, 3.0]));
        assert!(!single_precision(Some(&coarse), &Value::from(expected)));
        // A scalar is evidence enough on its own.
        let loss = arr1(&[0.4837]).into_shape_with_order(()).unwrap();
        let narrowed = Value::from(loss.mapv(|v| f64::from(v as f32)));
        assert!(single_precision(Some(&narrowed), &Value::from(loss)));
    }

    #[test]
    fn swapped_outputs_need_each_to_hold_the_other_on_every_failing_case() {
        let labels = Value::Int(arr1(&[0i64, 1, 1]).into_dyn());
        let centers = Value::from(Array2::from_elem((2, 2), 0.5));
        let swap = Verdict::Mismatch {
            outputs: vec![
                failure("k.labels", centers.clone(), labels.clone()),
                failure("k.centers", labels.clone(), centers.clone()),
            ],
        };
        assert_eq!(
            swapped([&swap, &Verdict::Pass].into_iter()),
            Some(("k.labels".into(), "k.centers".into()))
        );
        // A case failing otherwise rules it out.
        let other = Verdict::Mismatch {
            outputs: vec![failure(
                "k.centers",
                Value::from(Array2::<f64>::zeros((2, 2))),
                centers.clone(),
            )],
        };
        assert_eq!(swapped([&swap, &other].into_iter()), None);
    }
}
