//! `kata bench`: how fast the user's code is against the reference, on a
//! case large enough for speed to matter.
//!
//! The user's file and the reference solution are compiled alike, in release
//! mode, and each program runs through the usual child protocol on the
//! kata's bench case (`bench_case` in the reference's `cases.rs`), several
//! times in one process. The programs time each call themselves, so process
//! start and the transfer of inputs and outputs are left out. The medians are
//! shown with their ratio, and the user's outputs are compared with the
//! reference's, since a fast wrong answer is no win. Where PyTorch has the
//! same operation, its time on the same case (recorded by
//! `fixtures/generate.py --timings`) shows how fast the reference itself is.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use colored::Colorize;
use kata_harness::{Inputs, Outputs, Value};
use kata_reference::Rng;
use rand::SeedableRng;
use serde::Deserialize;

use crate::build::{self, BuildOptions, Built};
use crate::catalog::{Kata, Part, Practice};
use crate::check;
use crate::error::SetupError;
use crate::judge::{self, Mismatch, Tolerance};
use crate::report;
use crate::run::{self, Job, Limits, PartRun};
use crate::track::{self, python, Toolchain, Track};

/// Timed calls per part unless `--runs` says otherwise.
pub const DEFAULT_RUNS: u32 = 5;

/// Beyond this many times the reference's time, the advice is shown.
pub const ADVICE_RATIO: f64 = 10.0;

/// Wall-clock limit for all the runs of one program together: generous, as
/// slow code is what the command is for.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The least address space each program gets: a large case may need more
/// than the kata's checks do.
const MEMORY_MB: u64 = 4096;

/// PyTorch's times on the bench cases, recorded on this project's machines
/// by `python3 fixtures/generate.py --timings`.
const PYTORCH_TIMINGS: &str = include_str!("../fixtures/pytorch_timings.toml");

/// The fixture generator, whose `timing_cases()` PyTorch is timed with live.
const GENERATE_PY: &str = include_str!("../fixtures/generate.py");

/// Runs `timing_cases()[kata]` of the generator given as the first argument
/// and prints `{"torch": version, "seconds": median}`. scikit-learn, which
/// only the fixtures need, is stood in for when it is missing.
const TIME_PYTORCH_PY: &str = r#"
import json, runpy, sys, types
try:
    import sklearn.cluster, sklearn.datasets
except ImportError:
    for name in ("sklearn", "sklearn.cluster", "sklearn.datasets"):
        sys.modules[name] = types.ModuleType(name)
    sys.modules["sklearn.cluster"].KMeans = None
    sys.modules["sklearn.datasets"].load_diabetes = None
    sys.modules["sklearn.datasets"].load_iris = None
g = runpy.run_path(sys.argv[1])
entry = g["timing_cases"]().get(sys.argv[2])
if entry is None:
    sys.exit(3)
seconds = g["median_seconds"](entry[-1])
print(json.dumps({"torch": g["torch"].__version__.split("+")[0], "seconds": seconds}))
"#;

/// What to time and how to show it.
#[derive(Clone, Copy, Debug)]
pub struct BenchOptions {
    /// Timed calls per part, for the user's code and for the reference.
    pub runs: u32,
    /// Multiplies the bench case's main sizes (1 in use; less in tests).
    pub scale: f64,
    /// Let rustc colour its diagnostics.
    pub color: bool,
    /// Show the advice in Chinese.
    pub zh: bool,
}

/// Parses `--scale`: a number in (0, 1].
pub fn parse_scale(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 1.0 => Ok(s),
        _ => Err(format!("`{text}` is not a number in (0, 1]")),
    }
}

/// How the user's code fared on one part.
#[derive(Clone, Debug, PartialEq)]
pub enum UserResult {
    /// At least one call returned.
    Timed {
        /// The median over the calls that returned.
        median: Duration,
        /// The outputs that differ from the reference's, described in
        /// English and Chinese.
        differs: Vec<(String, String)>,
        /// Why the other calls did not return, if some did not (English,
        /// Chinese).
        cut_short: Option<(String, String)>,
    },
    /// The function still says `todo!()`.
    NotImplemented,
    /// No call returned, for this reason.
    Failed(String),
}

/// One part's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct PartBench {
    /// The function's name.
    pub name: String,
    /// The reference's median time.
    pub reference: Duration,
    /// The user's.
    pub user: UserResult,
    /// PyTorch's time on the same case and what was timed (`PyTorch 2.15.0
    /// F.conv2d`, in English and Chinese), when recorded.
    pub pytorch: Option<(Duration, String, String)>,
}

impl PartBench {
    /// The user's median over the reference's, when the user's code was timed.
    pub fn ratio(&self) -> Option<f64> {
        match &self.user {
            UserResult::Timed { median, .. } => Some(median.as_secs_f64() / self.reference.as_secs_f64().max(1e-9)),
            _ => None,
        }
    }

    /// Timed, with the reference's outputs, on every call.
    fn ok(&self) -> bool {
        matches!(&self.user, UserResult::Timed { differs, cut_short: None, .. } if differs.is_empty())
    }
}

/// `kata bench NAME`: prints the figures; exit 0 when every part returned the
/// reference's outputs, 1 otherwise.
pub fn run(practice: &Practice, name: &str, opts: &BenchOptions) -> Result<ExitCode, SetupError> {
    let kata = practice.load(name)?;
    let reference = kata_reference::find(name).ok_or_else(|| SetupError::NoReference(name.to_string()))?;
    let draw = reference.bench_case.ok_or_else(|| {
        SetupError::usage(
            format!("`{name}` has no bench case yet (a `bench_case` in its reference's cases.rs)"),
            format!("`{name}` 还没有计时用例（参考实现 cases.rs 中的 `bench_case`）"),
        )
    })?;
    let runs = opts.runs.max(1) as usize;
    let mut rng = Rng::seed_from_u64(check::default_seed(name));
    // Apart from the streams of the random cases (0, 1, 2, …).
    rng.set_stream(u64::MAX);
    let inputs = draw(&mut rng, opts.scale);
    let cache = build::cache_dir(practice);
    let deps = build::ensure_deps(&cache, false)?;
    let release = BuildOptions {
        release: true,
        color: opts.color,
    };

    progress(&format!(
        "Building the reference and katas/{name}.{} in release mode…",
        practice.track.extension()
    ));
    let reference_program = build_reference(reference, &kata, &deps, &cache, release)?;
    // Your file in its own track (Python code is timed against the same
    // Rust reference), the reference always in Rust.
    let toolchain = match practice.track {
        Track::Rust => Toolchain::Rust(deps.clone()),
        Track::Python => Toolchain::Python(python::Interpreter::from_env()),
    };
    let does_not_compile = |text: &str| {
        println!("{} {}: does not compile", "✗".red().bold(), name.bold());
        print!("{text}");
        Ok(ExitCode::from(1))
    };
    let program = match toolchain.build(practice, &kata, &cache, release)? {
        track::Built::Program(program) => program,
        track::Built::CompileError(text) => return does_not_compile(&text),
    };
    let parts: Vec<String> = kata.parts.iter().map(|p| p.name.clone()).collect();
    let jobs: Vec<Job<'_>> = (0..runs)
        .map(|index| Job {
            index,
            parts: parts.clone(),
            inputs: &inputs,
        })
        .collect();
    let limits = Limits {
        time: TIME_LIMIT,
        memory_mb: kata.memory_mb.max(MEMORY_MB),
    };
    progress(&format!("Timing the reference ({runs} runs)…"));
    let mut reference_run = run::run(&reference_program, &jobs, limits)?;
    progress(&format!(
        "Timing your code ({runs} runs, at most {} s)…",
        TIME_LIMIT.as_secs()
    ));
    let mut user_run = program.run(&jobs, limits)?;
    if let Some(text) = &user_run.compile_error {
        return does_not_compile(text);
    }

    let torch = pytorch_timings();
    // PyTorch on this machine now, when it is installed; else the recorded time, so labelled.
    let fits = torch
        .as_ref()
        .and_then(|t| t.katas.get(name))
        .is_some_and(|c| c.fits(&inputs));
    let live = match fits {
        true => {
            progress("Timing PyTorch on the same case…");
            pytorch_live(&cache, name)
        }
        false => None,
    };
    let mut results = Vec::new();
    for part in &kata.parts {
        let mut expected = calls(&part.name, &mut reference_run, runs, Track::Rust);
        let (Some(outputs), None) = (expected.first.take(), &expected.failure) else {
            let why = expected.failure.unwrap_or_default();
            return Err(SetupError::usage(
                format!(
                    "{name}: the reference failed on the bench case in `{}` ({why}); this is a bug in kata",
                    part.name
                ),
                format!(
                    "{name}：参考实现在 `{}` 的计时用例上出错（{why}）；这是 kata 的缺陷",
                    part.name
                ),
            ));
        };
        results.push(PartBench {
            name: part.name.clone(),
            reference: median(&mut expected.times),
            user: user_result(
                part,
                &outputs,
                settled(
                    &program,
                    calls(&part.name, &mut user_run, runs, practice.track),
                    &outputs,
                ),
                runs,
            ),
            pytorch: torch
                .as_ref()
                .and_then(|t| t.katas.get(name).map(|c| (t, c)))
                .filter(|(_, c)| c.part == part.name && c.fits(&inputs))
                .map(|(t, c)| match &live {
                    Some((version, seconds)) => (
                        Duration::from_secs_f64(*seconds),
                        format!("PyTorch {version} {} (float64, 1 thread), timed now,", c.call),
                        format!("PyTorch {version} {}（float64，单线程，刚刚计时）", c.call),
                    ),
                    None => (
                        Duration::from_secs_f64(c.seconds),
                        format!(
                            "PyTorch {} {} (float64, 1 thread), as recorded {} (PyTorch could not be run here),",
                            t.torch,
                            c.call,
                            t.provenance()
                        ),
                        format!(
                            "PyTorch {} {}（float64，单线程，记录于 {}；这里无法运行 PyTorch）",
                            t.torch,
                            c.call,
                            t.provenance_zh()
                        ),
                    ),
                }),
        });
    }
    let stale = opts.scale == 1.0
        && torch
            .as_ref()
            .and_then(|t| t.katas.get(name))
            .is_some_and(|c| !c.fits(&inputs));
    print!(
        "{}",
        render(&kata, &inputs, &results, runs, stale, practice.track, opts.zh)
    );
    Ok(match results.iter().all(PartBench::ok) {
        true => ExitCode::SUCCESS,
        false => ExitCode::from(1),
    })
}

/// Progress on the terminal only; the figures go to standard output.
fn progress(message: &str) {
    if std::io::stderr().is_terminal() {
        eprintln!("{}", message.dimmed());
    }
}

/// Compiles the reference solution as a user program, in release mode.
///
/// The reference is timed as the user's code is, in a program of its own
/// built by the same compiler with the same flags, and not in this process:
/// there the allocator's state differs (its heap is trimmed and faulted in
/// again between calls), which made identical code 2.4x slower on
/// batch_norm, and a debug build of kata would time an unoptimized reference.
fn build_reference(
    reference: &kata_reference::Kata,
    kata: &Kata,
    deps: &build::Deps,
    cache: &Path,
    opts: BuildOptions,
) -> Result<PathBuf, SetupError> {
    // A practice folder of its own in the cache, holding only the reference's file.
    let shadow = Practice {
        root: cache.join("bench-reference"),
        track: Track::Rust,
    };
    let file = shadow.user_file(&kata.name);
    if fs::read_to_string(&file).ok().as_deref() != Some(reference.solution_source) {
        build::write_atomic(&file, reference.solution_source.as_bytes())?;
    }
    match build::build(&shadow, kata, deps, cache, opts)? {
        Built::Program(program) => Ok(program),
        Built::CompileError(text) => Err(SetupError::toolchain(
            format!(
                "the reference of `{}` does not compile in release mode; this is a bug in kata:\n{text}",
                kata.name
            ),
            format!(
                "`{}` 的参考实现在 release 模式下无法编译；这是 kata 的缺陷：\n{text}",
                kata.name
            ),
        )),
    }
}

/// One part's calls in a run of `runs` cases.
struct Calls {
    /// The times of the calls that returned.
    times: Vec<Duration>,
    /// The outputs of the first call that returned.
    first: Option<Outputs>,
    /// Why the first call that did not return did not.
    failure: Option<String>,
    /// A call panicked in `todo!()`.
    todo: bool,
}

/// Collects one part's calls from a run.
fn calls(part: &str, output: &mut run::RunOutput, runs: usize, track: Track) -> Calls {
    let mut calls = Calls {
        times: Vec::new(),
        first: None,
        failure: None,
        todo: false,
    };
    for index in 0..runs {
        let key = (index, part.to_string());
        let why = match output.parts.remove(&key) {
            Some(PartRun::Returned(got)) => {
                calls.times.extend(output.timings.get(&key));
                calls.first.get_or_insert(got);
                continue;
            }
            Some(PartRun::Panicked { message, .. }) if check::is_todo(&message) => {
                calls.todo = true;
                "not implemented yet".to_string()
            }
            Some(PartRun::Panicked { message, location }) => {
                report::panicked_line(&message, location.as_deref(), false)
            }
            Some(PartRun::Raised(raised)) => report::raised_line(&raised, false),
            Some(PartRun::Crashed(crash)) => report::crash_line(&crash, track, false),
            Some(PartRun::BadInput(message)) => format!("the bench case does not fit (a bug in kata): {message}"),
            Some(PartRun::NotRun) | None => "not run: the time limit was reached first".to_string(),
        };
        calls.failure.get_or_insert(why);
    }
    calls
}

/// The calls with their first outputs in the form the judge compares (see
/// [`track::Program::settle`]).
fn settled(program: &track::Program, mut calls: Calls, expected: &Outputs) -> Calls {
    if let Some(got) = calls.first.as_mut() {
        program.settle_outputs(got, expected);
    }
    calls
}

/// The median (the mean of the middle two for an even count); zero for none.
fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    match times.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => times[n / 2],
        n => (times[n / 2 - 1] + times[n / 2]) / 2,
    }
}

/// How the user's calls of one part fared against the reference's outputs.
fn user_result(part: &Part, expected: &Outputs, mut calls: Calls, requested: usize) -> UserResult {
    if calls.todo {
        return UserResult::NotImplemented;
    }
    let Some(got) = calls.first else {
        return UserResult::Failed(calls.failure.unwrap_or_default());
    };
    let tol = Tolerance {
        rtol: part.rtol,
        atol: part.atol,
    };
    let differs = judge::compare_all(&got, expected, tol)
        .iter()
        .map(|(name, m)| describe_mismatch(name, m))
        .collect();
    let returned = calls.times.len();
    let cut_short = calls.failure.map(|why| {
        (
            format!("only {returned} of {requested} runs returned; the others: {why}"),
            format!("{requested} 次运行中只有 {returned} 次返回；其余的：{why}"),
        )
    });
    UserResult::Timed {
        median: median(&mut calls.times),
        differs,
        cut_short,
    }
}

/// How an output differs, in English and Chinese.
fn describe_mismatch(name: &str, m: &Mismatch) -> (String, String) {
    match m {
        Mismatch::Missing => (format!("`{name}` is missing"), format!("`{name}` 缺失")),
        Mismatch::Dtype { got, expected } => (
            format!("`{name}` is {got}, expected {expected}"),
            format!("`{name}` 的类型是 {got}，应为 {expected}"),
        ),
        Mismatch::Shape { got, expected } => (
            format!("`{name}` has shape {got:?}, expected {expected:?}"),
            format!("`{name}` 的形状是 {got:?}，应为 {expected:?}"),
        ),
        Mismatch::Values(d) => (
            format!("`{name}` differs in {} of {} elements", d.mismatched, d.total),
            format!("`{name}` 的 {} 个元素中有 {} 个不同", d.total, d.mismatched),
        ),
    }
}

/// The figures as a person reads them, in 80 columns.
pub fn render(
    kata: &Kata,
    inputs: &Inputs,
    parts: &[PartBench],
    runs: usize,
    stale: bool,
    track: Track,
    zh: bool,
) -> String {
    let mut out = String::new();
    let runs = match (runs, zh) {
        (1, false) => "one run".to_string(),
        (n, false) => format!("median of {n} runs"),
        (1, true) => "运行一次".to_string(),
        (n, true) => format!("{n} 次运行的中位数"),
    };
    let builds = match (track, zh) {
        (Track::Rust, false) => "release builds",
        (Track::Python, false) => "your Python, the reference's release build",
        (Track::Rust, true) => "均为 release 构建",
        (Track::Python, true) => "你的 Python 代码，参考答案的 release 构建",
    };
    let head = match zh {
        false => format!("{}: your code vs the reference ({builds}, {runs})", kata.name),
        true => format!("{}：你的代码与参考答案对比（{builds}，{runs}）", kata.name),
    };
    let head = report::wrap(&head, 78, "");
    // Bold the name only after wrapping: colour codes would count as width.
    let _ = writeln!(out, "{}", head.replacen(&kata.name, &kata.name.bold().to_string(), 1));
    let _ = writeln!(
        out,
        "{}",
        report::wrap(
            &format!("{}{}", report::tr(zh, "case: ", "用例："), describe(inputs)),
            76,
            "  "
        )
    );
    out.push('\n');
    let width = parts.iter().map(|p| p.name.chars().count()).max().unwrap_or(0).max(4);
    // Padded by display width: a Chinese label is two columns a character.
    let pad = |label: &str, to: usize, left: bool| {
        let fill = " ".repeat(to.saturating_sub(report::display_width(label)));
        match left {
            true => format!("{}{fill}", label.bold()),
            false => format!("{fill}{}", label.bold()),
        }
    };
    let _ = writeln!(
        out,
        "  {}  {}  {}  {}",
        pad(report::tr(zh, "part", "函数"), width, true),
        pad(report::tr(zh, "yours", "你的"), 10, false),
        pad(report::tr(zh, "reference", "参考答案"), 10, false),
        pad(report::tr(zh, "ratio", "倍数"), 7, false)
    );
    for p in parts {
        let yours = match &p.user {
            UserResult::Timed { median, .. } => fmt_duration(*median),
            _ => "—".to_string(),
        };
        let ratio = match p.ratio() {
            Some(r) if r > ADVICE_RATIO => fmt_ratio(r).red().bold().to_string(),
            Some(r) => fmt_ratio(r),
            None => "—".to_string(),
        };
        // Pad by hand: colour codes would count towards the width.
        let ratio_pad = " ".repeat(7usize.saturating_sub(colored_len(&ratio)));
        let _ = writeln!(
            out,
            "  {:<width$}  {:>10}  {:>10}  {ratio_pad}{ratio}",
            p.name,
            yours,
            fmt_duration(p.reference)
        );
    }
    out.push('\n');
    for p in parts {
        for line in verdict_lines(p, &kata.name, track, zh) {
            let _ = writeln!(out, "{}", report::wrap(&line, 76, "  "));
        }
    }
    for p in parts {
        if let Some((torch, what, what_zh)) = &p.pytorch {
            let vs = p.reference.as_secs_f64() / torch.as_secs_f64().max(1e-9);
            let line = match zh {
                false => format!(
                    "{what} took {} on this case: the reference takes {} its time.",
                    fmt_duration(*torch),
                    fmt_ratio(vs)
                ),
                true => format!(
                    "{what_zh}在这个用例上用时 {}：参考答案用时是它的 {}。",
                    fmt_duration(*torch),
                    fmt_ratio(vs)
                ),
            };
            let _ = writeln!(out, "{}", report::wrap(&line, 76, "  "));
        }
    }
    if stale {
        let line = report::tr(
            zh,
            "PyTorch was timed on another case: fixtures/pytorch_timings.toml needs \
             `python3 fixtures/generate.py --timings` again.",
            "PyTorch 是在另一个用例上计时的：fixtures/pytorch_timings.toml 需要重新运行 \
             `python3 fixtures/generate.py --timings`。",
        );
        let _ = writeln!(out, "{}", report::wrap(line, 76, "  ").yellow());
    }
    let slow: Vec<&PartBench> = parts
        .iter()
        .filter(|p| p.ratio().is_some_and(|r| r > ADVICE_RATIO))
        .collect();
    if !slow.is_empty() {
        out.push('\n');
        out.push_str(&advice(kata, &slow, track, zh));
    }
    out
}

/// What the user's run of one part says beyond its times.
fn verdict_lines(p: &PartBench, kata: &str, track: Track, zh: bool) -> Vec<String> {
    let name = &p.name;
    match &p.user {
        UserResult::Timed { differs, cut_short, .. } => {
            let mut lines = Vec::new();
            match (differs.is_empty(), zh) {
                (true, false) => lines.push(format!(
                    "{} {name}: your outputs match the reference's.",
                    "✓".green().bold()
                )),
                (true, true) => lines.push(format!("{} {name}：你的输出与参考答案一致。", "✓".green().bold())),
                (false, false) => lines.push(format!(
                    "{} {name}: your outputs differ from the reference's on this case ({}); a fast wrong \
                     answer is no win: `kata check {kata}` shows where.",
                    "✗".red().bold(),
                    differs.iter().map(|(en, _)| en.as_str()).collect::<Vec<_>>().join("; ")
                )),
                (false, true) => lines.push(format!(
                    "{} {name}：在这个用例上你的输出与参考答案不同（{}）；又快又错不算赢：`kata check {kata}` \
                     会显示哪里不同。",
                    "✗".red().bold(),
                    differs.iter().map(|(_, zh)| zh.as_str()).collect::<Vec<_>>().join("；")
                )),
            }
            if let Some((why_en, why_zh)) = cut_short {
                let why = if zh { why_zh } else { why_en };
                lines.push(format!("{} {name}: {why}", "!".yellow().bold()));
            }
            lines
        }
        UserResult::NotImplemented => vec![match zh {
            false => format!(
                "{} {name}: not implemented yet: replace the {} in katas/{kata}.{}",
                "·".yellow().bold(),
                track.todo(),
                track.extension()
            ),
            true => format!(
                "{} {name}：尚未实现：请替换 katas/{kata}.{} 中的 {}",
                "·".yellow().bold(),
                track.extension(),
                track.todo()
            ),
        }],
        UserResult::Failed(why) => vec![format!("{} {name}: {why}", "✗".red().bold())],
    }
}

/// Where slow code of this kind usually loses time: the kata's own list
/// (`bench_advice` in its description), else a general one. The kata's
/// own lists name ndarray's APIs: the Python track gets NumPy's instead.
fn advice(kata: &Kata, slow: &[&PartBench], track: Track, zh: bool) -> String {
    let names: Vec<String> = slow.iter().map(|p| format!("`{}`", p.name)).collect();
    let worst = slow.iter().filter_map(|p| p.ratio()).fold(0.0, f64::max);
    let head = match zh {
        true => format!(
            "你的 {} 比参考实现慢 {ADVICE_RATIO}x 以上（最慢 {}）。这类代码通常把时间花在：",
            names.join("、"),
            fmt_ratio(worst)
        ),
        false => format!(
            "Your {} {} more than {ADVICE_RATIO}x slower than the reference (at worst {}). Code like \
             it usually loses its time in:",
            names.join(", "),
            if names.len() == 1 { "is" } else { "are" },
            fmt_ratio(worst)
        ),
    };
    let mut out = format!("{}\n", report::wrap(&head, 76, "  "));
    let general = |list: &[(&'static str, &'static str)]| -> Vec<&'static str> {
        list.iter().map(|(en, cn)| if zh { *cn } else { *en }).collect()
    };
    let items: Vec<&str> = match (track, kata.bench_advice.is_empty()) {
        (Track::Python, _) => general(&NUMPY_ADVICE),
        (Track::Rust, true) => general(&GENERAL_ADVICE),
        (Track::Rust, false) => kata
            .bench_advice
            .iter()
            .map(|a| if zh { a.zh.as_str() } else { a.en.as_str() })
            .collect(),
    };
    for item in items {
        let wrapped = report::wrap(item, 72, "    ");
        let _ = writeln!(out, "  - {}", wrapped.trim_start());
    }
    out
}

/// Where slow NumPy code loses its time, for every kata: (English, Chinese).
const NUMPY_ADVICE: [(&str, &str); 4] = [
    (
        "Python loops over elements (for i in range(n): … a[i, j] …): every step runs in the \
         interpreter, about a hundred times slower than NumPy; write the loop as whole-array \
         operations (broadcasting, a.sum(axis=…), np.maximum, boolean masks)",
        "用 Python 循环逐元素计算（for i in range(n): … a[i, j] …）：每一步都在解释器里执行，比 NumPy 慢约百倍；\
         应改写为整块数组运算（广播、a.sum(axis=…)、np.maximum、布尔掩码）",
    ),
    (
        "matrix products written as loops or as (a[:, :, None] * b[None]).sum(1): use a @ b \
         (np.matmul, or np.einsum with optimize=True), which calls BLAS",
        "用循环或 (a[:, :, None] * b[None]).sum(1) 手写矩阵乘法：应使用 a @ b（np.matmul，或带 optimize=True \
         的 np.einsum），它调用 BLAS",
    ),
    (
        "arrays grown inside a loop (np.append, np.concatenate or np.vstack on every step): each \
         call copies everything so far; preallocate with np.empty, or collect a list and stack once",
        "在循环里增长数组（每一步都 np.append、np.concatenate 或 np.vstack）：每次调用都复制已有的全部内容；\
         应先用 np.empty 预分配，或先收集到列表里最后一次性拼接",
    ),
    (
        "a fresh full-size temporary at every step (x - m, its exp, the quotient): update in place \
         with out= or the in-place operators (x -= m; np.exp(x, out=x))",
        "每一步都新建一个同样大小的临时数组（x - m、它的 exp、商）：应借助 out= 或原地运算符原地更新\
         （x -= m; np.exp(x, out=x)）",
    ),
];

/// The advice for a kata whose description has none of its own: (English, Chinese).
const GENERAL_ADVICE: [(&str, &str); 4] = [
    (
        "indexing element by element (a[[i, j]]) in the innermost loops: every index is bounds-checked \
         and recomputes an offset; iterate with .iter(), .rows() or Zip, or make the loop one matrix \
         product (.dot)",
        "在最内层循环里逐元素索引（a[[i, j]]）：每次索引都做边界检查并重新计算偏移；改用 .iter()、.rows() 或 Zip \
         遍历，或把整个循环写成一次矩阵乘法（.dot）",
    ),
    (
        "allocating inside loops: .to_owned(), .clone(), collect() or a fresh array on every \
         iteration; allocate once outside the loop, or work on views (.slice(), .view())",
        "在循环里分配内存：每轮都 .to_owned()、.clone()、collect() 或新建数组；在循环外分配一次，或直接用视图\
         （.slice()、.view()）",
    ),
    (
        "matrix products written as triple loops: ndarray's .dot blocks for the cache and uses SIMD, \
         and is often ten times faster",
        "用三重循环手写矩阵乘法：ndarray 的 .dot 做了缓存分块并使用 SIMD，往往快十倍",
    ),
    (
        "walking an array against its memory order (the first axis innermost): keep the last axis \
         innermost, or transpose once into a contiguous copy",
        "逆着内存顺序遍历数组（最内层循环走第一个轴）：让最后一个轴在最内层，或先转置成一份连续的副本",
    ),
];

/// The inputs in a line, largest first: arrays by shape (`x (8×64×56×56)`,
/// no spaces, so a shape never breaks across lines), scalars and short
/// integer arrays by value.
pub fn describe(inputs: &Inputs) -> String {
    let mut items: Vec<(&String, &Value)> = inputs.0.iter().collect();
    items.sort_by_key(|(name, v)| (std::cmp::Reverse(v.shape().iter().product::<usize>()), *name));
    items
        .iter()
        .map(|(name, v)| match v {
            Value::F64(a) if a.ndim() == 0 => format!("{name} {}", a.sum()),
            Value::Int(a) if a.ndim() == 0 => format!("{name} {}", a.sum()),
            Value::Bool(a) if a.ndim() == 0 => format!("{name} {}", a.iter().any(|&b| b)),
            Value::Int(a) if a.len() <= 4 => {
                let values: Vec<String> = a.iter().map(i64::to_string).collect();
                format!("{name} [{}]", values.join(","))
            }
            other => {
                let dims: Vec<String> = other.shape().iter().map(usize::to_string).collect();
                format!("{name} ({})", dims.join("×"))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A duration in a unit that keeps three or four digits.
pub fn fmt_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

/// A ratio with two or three significant digits: `1.03x`, `13.4x`, `214x`.
pub fn fmt_ratio(r: f64) -> String {
    if r >= 100.0 {
        format!("{r:.0}x")
    } else if r >= 10.0 {
        format!("{r:.1}x")
    } else {
        format!("{r:.2}x")
    }
}

/// The printed width of a string that may hold colour codes.
fn colored_len(s: &str) -> usize {
    let mut len = 0;
    let mut in_escape = false;
    for c in s.chars() {
        match (in_escape, c) {
            (false, '\u{1b}') => in_escape = true,
            (true, c) if c.is_ascii_alphabetic() => in_escape = false,
            (true, _) => {}
            (false, _) => len += 1,
        }
    }
    len
}

/// PyTorch's median time on `kata`'s bench case, measured now by `python3`
/// (or `$KATA_PYTHON`) running the generator's timing code, with PyTorch's
/// version; `None` when PyTorch cannot be imported or the timing fails.
fn pytorch_live(cache: &Path, kata: &str) -> Option<(String, f64)> {
    let script = cache.join("pytorch").join("generate.py");
    if fs::read_to_string(&script).ok().as_deref() != Some(GENERATE_PY) {
        build::write_atomic(&script, GENERATE_PY.as_bytes()).ok()?;
    }
    let python = std::env::var_os("KATA_PYTHON")
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "python3".into());
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(TIME_PYTORCH_PY)
        .arg(&script)
        .arg(kata)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let line = String::from_utf8_lossy(&out.stdout);
    let timed: serde_json::Value = serde_json::from_str(line.lines().last()?).ok()?;
    let seconds = timed["seconds"].as_f64().filter(|s| *s > 0.0)?;
    Some((timed["torch"].as_str()?.to_string(), seconds))
}

/// `fixtures/pytorch_timings.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PytorchTimings {
    /// PyTorch's version.
    torch: String,
    /// When the times were recorded (a date).
    #[serde(default)]
    recorded: String,
    /// On what machine.
    #[serde(default)]
    machine: String,
    /// One entry per kata PyTorch was timed on.
    katas: BTreeMap<String, PytorchCase>,
}

/// PyTorch's time on one kata's bench case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PytorchCase {
    /// The kata's part this is the time of.
    part: String,
    /// What was called, e.g. `F.conv2d`.
    call: String,
    /// The median time, seconds.
    seconds: f64,
    /// The shape of every input of the case.
    shapes: BTreeMap<String, Vec<usize>>,
    /// The values of the case's short integer and boolean inputs (booleans as 0 and 1).
    #[serde(default)]
    values: BTreeMap<String, Vec<i64>>,
}

impl PytorchTimings {
    /// `on 2026-11-30 on AMD EPYC (2 cores, shared)`, as far as the file says.
    fn provenance(&self) -> String {
        let when = match self.recorded.as_str() {
            "" => String::new(),
            date => format!("on {date} "),
        };
        let machine = match self.machine.as_str() {
            "" => "on another machine".to_string(),
            m => format!("on {m}"),
        };
        format!("{when}{machine}")
    }

    /// [`Self::provenance`] in Chinese.
    fn provenance_zh(&self) -> String {
        let machine = match self.machine.as_str() {
            "" => "另一台机器".to_string(),
            m => m.to_string(),
        };
        match self.recorded.as_str() {
            "" => machine,
            date => format!("{date}，{machine}"),
        }
    }
}

impl PytorchCase {
    /// Whether PyTorch was timed on a case of these shapes and parameters.
    fn fits(&self, inputs: &Inputs) -> bool {
        let shapes: BTreeMap<String, Vec<usize>> =
            inputs.0.iter().map(|(k, v)| (k.clone(), v.shape().to_vec())).collect();
        let values: BTreeMap<String, Vec<i64>> = inputs
            .0
            .iter()
            .filter_map(|(k, v)| match v {
                Value::Int(a) if a.len() <= 4 => Some((k.clone(), a.iter().copied().collect())),
                Value::Bool(a) if a.len() <= 4 => Some((k.clone(), a.iter().map(|&b| i64::from(b)).collect())),
                _ => None,
            })
            .collect();
        shapes == self.shapes && values == self.values
    }
}

/// The recorded PyTorch times; `None` if the embedded file does not parse
/// (a test keeps it parsing).
fn pytorch_timings() -> Option<PytorchTimings> {
    toml::from_str(PYTORCH_TIMINGS).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        let ms = Duration::from_millis;
        assert_eq!(median(&mut [ms(5), ms(1), ms(3)]), ms(3));
        assert_eq!(median(&mut [ms(4), ms(1), ms(2), ms(100)]), ms(3));
        assert_eq!(median(&mut []), Duration::ZERO);
    }

    #[test]
    fn durations_and_ratios_read_well() {
        assert_eq!(fmt_duration(Duration::from_micros(950)), "950 µs");
        assert_eq!(fmt_duration(Duration::from_micros(184_250)), "184.2 ms");
        assert_eq!(fmt_duration(Duration::from_millis(2410)), "2.41 s");
        assert_eq!(fmt_ratio(1.034), "1.03x");
        assert_eq!(fmt_ratio(13.44), "13.4x");
        assert_eq!(fmt_ratio(214.2), "214x");
        assert_eq!(colored_len("\u{1b}[1;31m13.4x\u{1b}[0m"), 5);
    }

    #[test]
    fn every_seed_kata_has_a_bench_case() {
        for kata in kata_reference::KATAS {
            let draw = kata
                .bench_case
                .unwrap_or_else(|| panic!("{} has no bench case", kata.name));
            // A tiny one: the reference must take it, at any scale.
            let inputs = draw(&mut Rng::seed_from_u64(1), 0.01);
            for part in kata.reference.parts() {
                let ran = check::run_quietly(|| kata.reference.run(part, &inputs));
                assert!(
                    matches!(ran, Some(Ok(_))),
                    "{}::{part} fails on its bench case",
                    kata.name
                );
            }
        }
    }

    #[test]
    fn pytorch_was_timed_on_the_bench_cases() {
        let timings = pytorch_timings().expect("fixtures/pytorch_timings.toml parses");
        for name in [
            "conv2d",
            "layer_norm",
            "scaled_dot_product_attention",
            "multi_head_attention",
        ] {
            assert!(timings.katas.contains_key(name), "no PyTorch time for {name}");
        }
        for (name, case) in &timings.katas {
            let kata = kata_reference::find(name).unwrap_or_else(|| panic!("{name} is no kata"));
            let draw = kata.bench_case.expect("a bench case");
            let inputs = draw(&mut Rng::seed_from_u64(1), 1.0);
            assert!(
                case.fits(&inputs),
                "{name}: PyTorch was timed on {:?} {:?}, the bench case is {}",
                case.shapes,
                case.values,
                describe(&inputs)
            );
            assert!(kata.reference.parts().contains(&case.part.as_str()));
            assert!(case.seconds > 0.0);
        }
    }

    /// A one-part report of conv2d whose user took `ratio` times the reference's time.
    fn conv2d_report(ratio: f64, advice: bool, track: Track) -> String {
        conv2d_report_in(ratio, advice, track, false)
    }

    fn conv2d_report_in(ratio: f64, advice: bool, track: Track, zh: bool) -> String {
        let description = include_str!("../katas/conv2d.toml");
        let mut kata = crate::catalog::parse(Path::new("katas/conv2d.toml"), description).expect("conv2d.toml");
        if !advice {
            kata.bench_advice.clear();
        }
        let inputs = Inputs::new().with("x", ndarray::Array4::<f64>::zeros((2, 3, 4, 4)));
        let part = PartBench {
            name: "conv2d".into(),
            reference: Duration::from_millis(10),
            user: UserResult::Timed {
                median: Duration::from_secs_f64(0.01 * ratio),
                differs: Vec::new(),
                cut_short: None,
            },
            pytorch: Some((
                Duration::from_millis(20),
                "PyTorch 2.15.0 F.conv2d".into(),
                "PyTorch 2.15.0 F.conv2d".into(),
            )),
        };
        colored::control::set_override(false);
        render(&kata, &inputs, &[part], 5, false, track, zh)
    }

    #[test]
    fn in_chinese_the_whole_report_is_chinese() {
        let zh = conv2d_report_in(24.0, true, Track::Python, true);
        for english in [
            "your code vs",
            "case:",
            "yours",
            "reference ",
            "ratio",
            "match the reference",
            "took ",
        ] {
            assert!(!zh.contains(english), "{english}: {zh}");
        }
        assert!(zh.contains("你的代码与参考答案对比") && zh.contains("倍数"), "{zh}");
        assert!(zh.lines().all(|l| report::display_width(l) <= 80), "{zh}");
    }

    #[test]
    fn advice_beyond_ten_times_the_reference_only() {
        let slow = conv2d_report(24.0, true, Track::Rust);
        assert!(slow.contains("  conv2d    240.0 ms     10.0 ms    24.0x\n"), "{slow}");
        assert!(slow.contains("Your `conv2d` is more than 10x slower than the reference (at worst 24.0x)"));
        assert!(slow.contains("  - no im2col:"), "the kata's own advice: {slow}");
        let flat = slow.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("took 20.0 ms on this case: the reference takes 0.50x its time"),
            "{slow}"
        );
        let general = conv2d_report(24.0, false, Track::Rust);
        assert!(
            general.contains("  - indexing element by element (a[[i, j]])"),
            "{general}"
        );
        // The kata's own advice names ndarray's APIs: NumPy code gets NumPy's.
        let numpy = conv2d_report(24.0, true, Track::Python);
        assert!(numpy.contains("  - Python loops over elements"), "{numpy}");
        assert!(!numpy.contains("im2col") && !numpy.contains(".to_owned()"), "{numpy}");
        let fine = conv2d_report(9.5, true, Track::Rust);
        assert!(
            fine.contains("9.50x") && !fine.contains("slower than the reference"),
            "{fine}"
        );
        for report in [slow, general, numpy, fine] {
            assert!(report.lines().all(|l| l.chars().count() <= 80), "{report}");
        }
    }

    #[test]
    fn scale_is_a_fraction() {
        assert_eq!(parse_scale("0.05"), Ok(0.05));
        assert_eq!(parse_scale("1"), Ok(1.0));
        for bad in ["0", "-1", "1.5", "x", "NaN"] {
            assert!(parse_scale(bad).is_err(), "{bad}");
        }
    }
}
