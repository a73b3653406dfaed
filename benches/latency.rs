//! Latency of `kata check`, as a user feels it: wall-clock time of whole `kata`
//! processes on a temporary practice folder made by `kata init`.
//!
//! Run it with `cargo bench --bench latency`. Cargo builds the release `kata`
//! binary first and hands its path to this program (`CARGO_BIN_EXE_kata`).
//! Under `cargo test --benches` (no `--bench` argument) it only says how to run
//! it, so test runs stay fast.
//!
//! Every scenario runs [`REPS`] times; the median is reported, with the fastest
//! and slowest run (the spread shows how busy the machine was). The kata is
//! `conv2d` with its reference solution as the user's file, so every check
//! compiles, runs and judges a passing program (20 random cases plus the
//! fixtures). The user programs' dependencies live in the shared cache
//! `target/kata-bench-cache` (`KATA_CACHE_DIR`); the first run builds them once.
//!
//! 1. **Warm re-check after an edit**: append a comment line to
//!    `katas/conv2d.rs`, then `kata check conv2d`. Next to it, the *floor*:
//!    after another one-line edit, the very `rustc` command line that `kata`
//!    runs, run by hand (same flags, same incremental folder). The command
//!    line is recorded, not rebuilt from `src/build.rs`, by running one check
//!    with `RUSTC` pointing at a small script that writes its arguments down
//!    before calling the real `rustc`; so the floor follows `src/build.rs`
//!    whatever it passes. The *judging share* is a re-check whose verdict
//!    cache entry (`.kata/verdicts/conv2d.json`) was deleted while the program
//!    still matches its build stamp: no compile, only cases, run and judge.
//! 2. **Re-check with no edit**: the verdict cache answers.
//! 3. **`kata check --all`** with nothing changed (every verdict cached), and
//!    after appending a comment line to every kata file (every kata rebuilt
//!    incrementally and judged; the other katas are the shipped stubs).
//! 4. **Cold first check**, once: a fresh folder and an empty cache folder
//!    (removed afterwards), so the dependencies are built by cargo first. A
//!    second fresh folder on the now-filled cache gives the first check
//!    without that build; the difference is the dependency build.
//!
//! The scenarios of 1 and 2 are interleaved within each repetition (floor,
//! re-check after an edit, judging only, no edit), so a change in the
//! machine's load hits them alike. The figures are printed as
//! a table with the targets and whether they are met.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Repetitions of every scenario but the cold one.
const REPS: usize = 7;
/// The kata of the single-kata scenarios.
const KATA: &str = "conv2d";
/// Target: warm re-check after an edit, in seconds.
const TARGET_WARM_SECS: f64 = 0.5;
/// Target: warm re-check after an edit, over the bare compile.
const TARGET_FLOOR_RATIO: f64 = 1.2;
/// Target: re-check with no edit, and `check --all` with nothing changed, in seconds.
const TARGET_CACHED_SECS: f64 = 0.15;

/// Exit codes of a check that ran: 0 all passed, 1 something failed.
const VERDICT: &[i32] = &[0, 1];
/// Exit code of a check that passed.
const PASSED: &[i32] = &[0];

/// Writes its arguments one per line to `$KATA_BENCH_ARGS`, then runs the real rustc.
const RECORDER: &str = "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$KATA_BENCH_ARGS\"\nexec \"$KATA_BENCH_RUSTC\" \"$@\"\n";

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("latency: run it with `cargo bench --bench latency`");
        return;
    }
    // `cargo bench --bench latency -- diagnosis` times the diagnosis alone.
    if std::env::args().any(|a| a == "diagnosis") {
        diagnosis_latency();
        return;
    }
    let load = load_average();
    let target = target_dir();
    let cache = target.join("kata-bench-cache");

    eprintln!(
        "latency: preparing (the first run builds the user programs' dependencies into {})",
        cache.display()
    );
    let warm = Practice::new(&cache);
    warm.write_solution(KATA);
    warm.time(&["check", KATA], PASSED);
    let rustc = Floor::record(&warm);

    eprintln!("latency: single-kata scenarios, {REPS} repetitions");
    let mut bare_compile = Vec::new();
    let mut edit_check = Vec::new();
    let mut judge_only = Vec::new();
    let mut no_edit = Vec::new();
    let program_time = || {
        fs::metadata(&rustc.program)
            .and_then(|m| m.modified())
            .expect("the program kata built exists")
    };
    let verdict = warm.dir.path().join(".kata/verdicts").join(format!("{KATA}.json"));
    for _ in 0..REPS {
        warm.append_comment(KATA);
        bare_compile.push(rustc.time(&warm));

        warm.append_comment(KATA);
        edit_check.push(warm.time(&["check", KATA], PASSED));

        // The build stamp matches the file, so only the verdict is missing.
        let built = program_time();
        fs::remove_file(&verdict).expect("the check cached its verdict");
        judge_only.push(warm.time(&["check", KATA], PASSED));
        assert_eq!(
            built,
            program_time(),
            "a re-check of an unchanged file rebuilt the program"
        );

        no_edit.push(warm.time(&["check", KATA], PASSED));
    }

    eprintln!("latency: `check --all`, {REPS} repetitions");
    warm.time(&["check", "--all"], VERDICT);
    let mut all_unchanged = Vec::new();
    let mut all_touched = Vec::new();
    let names = warm.names();
    for _ in 0..REPS {
        all_unchanged.push(warm.time(&["check", "--all"], VERDICT));
        for name in &names {
            warm.append_comment(name);
        }
        all_touched.push(warm.time(&["check", "--all"], VERDICT));
    }
    rustc.forget_programs(&cache);

    eprintln!("latency: cold first check on an empty cache (once; cargo builds the dependencies)");
    let cold_cache = tempfile::Builder::new()
        .prefix("kata-bench-cold-")
        .tempdir_in(&target)
        .expect("a temporary cache folder in target/");
    let cold = Practice::new(cold_cache.path());
    cold.write_solution(KATA);
    let cold_first = cold.time(&["check", KATA], PASSED);
    let fresh = Practice::new(cold_cache.path());
    fresh.write_solution(KATA);
    let fresh_first = fresh.time(&["check", KATA], PASSED);

    let warm = Stats::of(&edit_check);
    let floor = Stats::of(&bare_compile);
    let judge = Stats::of(&judge_only);
    let no_edit = Stats::of(&no_edit);
    let all_unchanged = Stats::of(&all_unchanged);
    let cold_secs = cold_first.as_secs_f64();
    let fresh_secs = fresh_first.as_secs_f64();

    println!();
    println!("kata check latency: {KATA} with its reference solution; {REPS} runs per row unless noted");
    if let Some(load) = load {
        println!("load average (1 min) at the start: {load}");
    }
    let rows = [
        Row::sampled("warm re-check after a one-line edit", warm)
            .note(format!("{:.2}x the floor", warm.median / floor.median)),
        Row::sampled("  floor: the same rustc command alone", floor),
        Row::sampled("  judging share (build reused)", judge)
            .note(format!("{:.0}% of the re-check", 100.0 * judge.median / warm.median)),
        Row::sampled("re-check, no edit (verdict cached)", no_edit),
        Row::sampled("check --all, nothing changed", all_unchanged),
        Row::sampled(
            &format!("check --all, {} kata files touched", names.len()),
            Stats::of(&all_touched),
        ),
        Row::single("cold first check, empty cache (1 run)", cold_secs),
        Row::single("  dependency build", cold_secs - fresh_secs),
        Row::single("  the rest: first compile + judging", fresh_secs),
    ];
    println!("{:<42} {:>8} {:>8} {:>8}  ratio", "scenario", "median", "min", "max");
    for row in &rows {
        let (min, max) = match row.range {
            Some((min, max)) => (format!("{min:.3}"), format!("{max:.3}")),
            None => (String::new(), String::new()),
        };
        println!("{:<42} {:>8.3} {min:>8} {max:>8}  {}", row.name, row.secs, row.note);
    }

    println!();
    println!("targets (on medians)");
    let targets = [
        (
            format!("warm re-check after an edit <= {TARGET_WARM_SECS} s"),
            warm.median <= TARGET_WARM_SECS,
        ),
        (
            format!("warm re-check within {TARGET_FLOOR_RATIO}x of the bare compile"),
            warm.median <= TARGET_FLOOR_RATIO * floor.median,
        ),
        (
            format!("re-check with no edit < {TARGET_CACHED_SECS} s"),
            no_edit.median < TARGET_CACHED_SECS,
        ),
        (
            format!("check --all, nothing changed < {TARGET_CACHED_SECS} s"),
            all_unchanged.median < TARGET_CACHED_SECS,
        ),
    ];
    for (name, met) in targets {
        println!("  {name:<52} {}", if met { "met" } else { "NOT MET" });
    }
    diagnosis_latency();
}

/// Target: time the diagnosis adds to a failing check, in seconds.
const TARGET_DIAGNOSIS_SECS: f64 = 0.05;

/// What the diagnosis adds to a failing check: for every catalogued mistake
/// of every kata, its mutant plays the user on the kata's default cases (the
/// fixtures and 20 random ones), and `kata::diagnosis::diagnose` is timed on
/// every failing part, in-process (it runs in the `kata` process after the
/// user's program has returned). A passing part is never diagnosed, so a
/// passing check pays nothing.
fn diagnosis_latency() {
    use kata::catalog::Practice;
    use kata::check::{self, CheckOptions};
    use kata::diagnosis::{self, Context, Observed, Outcome};
    use kata::judge::{self, Tolerance};

    let dir = tempfile::tempdir().expect("a temporary folder");
    kata::files::init(dir.path(), false).expect("kata init");
    let practice = Practice {
        root: dir.path().to_path_buf(),
    };
    let opts = CheckOptions {
        seed: None,
        random_cases: check::DEFAULT_RANDOM_CASES,
        only_case: None,
        color: false,
        quiet: true,
    };
    let mut samples: Vec<(f64, String)> = Vec::new();
    for reference in kata_reference::KATAS {
        let kata = practice.load(reference.name).expect("a shipped kata");
        let cases = check::gather_cases(&practice, &kata, &opts).expect("the kata's cases");
        for mutant in reference.mutants {
            for part in &kata.parts {
                let tol = Tolerance {
                    rtol: part.rtol,
                    atol: part.atol,
                };
                let outputs: Vec<Option<kata_harness::Outputs>> = cases
                    .iter()
                    .map(|c| check::run_quietly(|| mutant.solution.run(&part.name, &c.inputs)).and_then(Result::ok))
                    .collect();
                let observed: Vec<Observed<'_>> = cases
                    .iter()
                    .zip(&outputs)
                    .map(|(c, got)| {
                        let expected = &c.expected[&part.name];
                        let outcome = match got {
                            Some(got) => Outcome::Returned {
                                got,
                                passed: judge::matches(got, expected, tol),
                            },
                            None => Outcome::Panicked {
                                message: "panicked",
                                location: None,
                            },
                        };
                        Observed {
                            case: &c.name,
                            inputs: &c.inputs,
                            expected,
                            outcome,
                        }
                    })
                    .collect();
                if observed.iter().all(Observed::passed) {
                    continue;
                }
                let cx = Context {
                    kata: &kata,
                    part,
                    observed,
                };
                let start = Instant::now();
                let found = diagnosis::diagnose(&cx);
                let secs = start.elapsed().as_secs_f64();
                std::hint::black_box(found);
                samples.push((secs, format!("{}::{} ({})", kata.name, mutant.id, part.name)));
            }
        }
    }
    samples.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = samples.len();
    let median = samples[n / 2].0;
    let (worst, which) = samples[n - 1].clone();
    println!();
    println!("diagnosis of a failing part ({n} failing parts: every mutant of every kata as the user, default cases)");
    println!(
        "  median {:.1} ms, slowest {:.1} ms ({which})",
        1e3 * median,
        1e3 * worst
    );
    println!(
        "  target: at most {:.0} ms added to a failing check: {}",
        1e3 * TARGET_DIAGNOSIS_SECS,
        if worst <= TARGET_DIAGNOSIS_SECS {
            "met"
        } else {
            "NOT MET"
        }
    );
}

/// The target folder: `$CARGO_TARGET_DIR`, else `target/` in the workspace.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The one-minute load average (Linux), to judge how busy the machine was.
fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_string)
}

/// Median and range of repeated timings, in seconds.
#[derive(Clone, Copy)]
struct Stats {
    median: f64,
    min: f64,
    max: f64,
}

impl Stats {
    fn of(samples: &[Duration]) -> Stats {
        let mut secs: Vec<f64> = samples.iter().map(Duration::as_secs_f64).collect();
        secs.sort_by(f64::total_cmp);
        let n = secs.len();
        assert!(n > 0, "no samples");
        let median = if n % 2 == 1 {
            secs[n / 2]
        } else {
            (secs[n / 2 - 1] + secs[n / 2]) / 2.0
        };
        Stats {
            median,
            min: secs[0],
            max: secs[n - 1],
        }
    }
}

/// Runs a command to its end and returns how long it took; panics with its
/// output when its exit code is not one of `expected`.
fn time(mut cmd: Command, expected: &[i32]) -> Duration {
    cmd.stdin(Stdio::null());
    let start = Instant::now();
    let out: Output = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let elapsed = start.elapsed();
    assert!(
        out.status.code().is_some_and(|c| expected.contains(&c)),
        "{cmd:?} ended with {} (expected exit code {expected:?}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    elapsed
}

/// A practice folder written by `kata init`, checked with a given cache.
struct Practice {
    dir: TempDir,
    cache: PathBuf,
}

impl Practice {
    /// A fresh folder; `cache` is the `KATA_CACHE_DIR` of every command.
    fn new(cache: &Path) -> Practice {
        let dir = tempfile::tempdir().expect("a temporary practice folder");
        let practice = Practice {
            dir,
            cache: cache.to_path_buf(),
        };
        practice.time(&["init", "."], PASSED);
        practice
    }

    /// `kata <args>` in this folder, with this cache and no colours.
    fn kata(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kata"));
        cmd.args(args)
            .args(["--color", "never"])
            .current_dir(self.dir.path())
            .env("KATA_CACHE_DIR", &self.cache);
        cmd
    }

    /// Times `kata <args>`, which must exit with one of `expected`.
    fn time(&self, args: &[&str], expected: &[i32]) -> Duration {
        time(self.kata(args), expected)
    }

    fn user_file(&self, name: &str) -> PathBuf {
        self.dir.path().join("katas").join(format!("{name}.rs"))
    }

    /// Writes the reference solution as the user's file.
    fn write_solution(&self, name: &str) {
        let reference = kata_reference::find(name).expect("a kata with a reference");
        fs::write(self.user_file(name), reference.solution_source).expect("the kata file is writable");
    }

    /// A one-line edit: appends a comment line (each one different, so the file's hash changes).
    fn append_comment(&self, name: &str) {
        let path = self.user_file(name);
        let mut file = OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("the clock is after 1970")
            .as_nanos();
        writeln!(file, "// benchmark edit {stamp}").unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }

    /// The katas of the folder: every `katas/<name>.toml` but `Cargo.toml`.
    fn names(&self) -> Vec<String> {
        let dir = self.dir.path().join("katas");
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .map(|entry| entry.expect("a readable folder entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.file_name().is_some_and(|n| n != "Cargo.toml"))
            .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
            .collect();
        names.sort();
        assert!(!names.is_empty(), "no katas in {}", dir.display());
        names
    }
}

/// The bare compile: the `rustc` command line `kata check` runs, recorded once.
struct Floor {
    rustc: OsString,
    args: Vec<String>,
    /// The program it writes (`-o`).
    program: PathBuf,
}

impl Floor {
    /// Edits the kata once and checks it with `RUSTC` set to a recording script.
    /// The dependencies must be built already, or cargo's own rustc calls would be recorded.
    fn record(practice: &Practice) -> Floor {
        let rustc = std::env::var_os("RUSTC")
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| "rustc".into());
        let tools = tempfile::tempdir().expect("a temporary folder for the recorder");
        let script = tools.path().join("rustc-recorder");
        let args_file = tools.path().join("args");
        fs::write(&script, RECORDER).expect("the recorder is writable");
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("the recorder can be made executable");

        practice.append_comment(KATA);
        let mut cmd = practice.kata(&["check", KATA]);
        cmd.env("RUSTC", &script)
            .env("KATA_BENCH_ARGS", &args_file)
            .env("KATA_BENCH_RUSTC", &rustc);
        time(cmd, PASSED);

        let text = fs::read_to_string(&args_file).expect("kata ran rustc through the recorder");
        let args: Vec<String> = text.lines().map(str::to_string).collect();
        assert!(
            args.iter().any(|a| a == &format!("--crate-name={KATA}")),
            "the recorded command does not compile {KATA}: {args:?}"
        );
        let program = args
            .iter()
            .position(|a| a == "-o")
            .and_then(|i| args.get(i + 1))
            .map(PathBuf::from)
            .expect("the recorded command names its output (-o)");
        Floor { rustc, args, program }
    }

    /// Times the recorded command, run from the practice folder as `kata` runs it.
    fn time(&self, practice: &Practice) -> Duration {
        let mut cmd = Command::new(&self.rustc);
        cmd.args(&self.args).current_dir(practice.dir.path());
        time(cmd, &[0])
    }

    /// Removes this practice folder's programs from the shared cache
    /// (`<cache>/programs/<folder>/`), so repeated runs do not pile them up.
    fn forget_programs(&self, cache: &Path) {
        // The program is `<cache>/programs/<folder>/<kata>/debug/<kata>`.
        let Some(folder) = self.program.ancestors().nth(3) else {
            return;
        };
        let programs = cache.join("programs");
        let same_parent = match (folder.parent().map(fs::canonicalize), fs::canonicalize(&programs)) {
            (Some(Ok(a)), Ok(b)) => a == b,
            _ => false,
        };
        if same_parent {
            if let Err(e) = fs::remove_dir_all(folder) {
                eprintln!("latency: cannot remove {}: {e}", folder.display());
            }
        }
    }
}

/// One line of the table.
struct Row {
    name: String,
    secs: f64,
    /// Fastest and slowest run, for repeated scenarios.
    range: Option<(f64, f64)>,
    note: String,
}

impl Row {
    fn sampled(name: &str, stats: Stats) -> Row {
        Row {
            name: name.to_string(),
            secs: stats.median,
            range: Some((stats.min, stats.max)),
            note: String::new(),
        }
    }

    fn single(name: &str, secs: f64) -> Row {
        Row {
            name: name.to_string(),
            secs,
            range: None,
            note: String::new(),
        }
    }

    fn note(mut self, note: String) -> Row {
        self.note = note;
        self
    }
}
