//! Running a user program on a list of cases, whatever it does.
//!
//! The program runs in its own process group under a memory limit and the
//! kata's time limit. If it crashes (stack overflow, abort, out of memory,
//! `process::exit`), the part it died in is charged with the crash and the
//! program is started again on the parts it had not reached, so one bad case
//! never hides the others. Whatever it prints is captured (up to a cap) and
//! split by part. [`run_with`] and [`supervise`] are shared with the Python
//! track (`crate::track::python`).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use kata_harness::protocol::{encode_request, read_records, CaseRequest, Outcome, Record, Request};
use kata_harness::{Inputs, Outputs};
use serde::{Deserialize, Serialize};

use crate::error::SetupError;

/// How much of each output stream is kept per run.
pub const OUTPUT_CAP: usize = 64 * 1024;

/// How much of the end of a stream is kept past the cap: the runtime's last
/// words (stack overflow, failed allocation) come last, however much the
/// program printed before them.
const TAIL: usize = 4 * 1024;

/// The limits one kata's program runs under.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Wall-clock time for all its cases together.
    pub time: Duration,
    /// Address space, MiB.
    pub memory_mb: u64,
}

/// One case to run: its index, the parts to call and their inputs.
pub struct Job<'a> {
    /// The case's index in the check.
    pub index: usize,
    /// The parts to call.
    pub parts: Vec<String>,
    /// The arguments.
    pub inputs: &'a Inputs,
}

/// How a program died.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Crash {
    /// It ran past the time limit and was killed.
    Timeout { seconds: f64 },
    /// Endless or too deep recursion.
    StackOverflow,
    /// An allocation failed under the memory limit.
    OutOfMemory { limit_mb: u64 },
    /// It exited on its own before returning (`std::process::exit`).
    Exited { code: i32 },
    /// It was killed by a signal (abort, segmentation fault, …).
    Signal { name: String },
}

impl Crash {
    /// Whether the program was stopped from outside rather than by what it
    /// did, so that the same file may fare otherwise next time: the time
    /// limit (a busy machine reaches it sooner), or a kill (SIGKILL, SIGTERM:
    /// the system's out-of-memory killer, a person).
    pub fn from_outside(&self) -> bool {
        match self {
            Crash::Timeout { .. } => true,
            Crash::Signal { name } => ["SIGKILL", "SIGTERM", UNKNOWN_SIGNAL]
                .iter()
                .any(|s| name.starts_with(s)),
            Crash::StackOverflow | Crash::OutOfMemory { .. } | Crash::Exited { .. } => false,
        }
    }
}

/// The name of a signal that killed the program but could not be learnt.
const UNKNOWN_SIGNAL: &str = "unknown";

/// How one part of one case ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PartRun {
    /// The function returned.
    Returned(Outputs),
    /// The function panicked.
    Panicked { message: String, location: Option<String> },
    /// The function raised an exception (the Python track).
    Raised(Raised),
    /// The program died in this part.
    Crashed(Crash),
    /// The part never ran: the time was up before it started.
    NotRun,
    /// The case's inputs did not fit the function (a fixture fault).
    BadInput(String),
}

/// An exception a user's Python function raised, as the user wants to see
/// it: the harness's own frames left out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Raised {
    /// Its type, e.g. `ValueError`.
    pub exception: String,
    /// Its message.
    pub message: String,
    /// `katas/<file>.py:LINE` of the innermost frame in the user's files.
    pub location: Option<String>,
    /// The source line there.
    pub line: Option<String>,
}

/// What a program printed while running one part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Printed {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Everything one kata's program did.
#[derive(Debug, Default)]
pub struct RunOutput {
    /// How each (case, part) ended.
    pub parts: BTreeMap<(usize, String), PartRun>,
    /// What each (case, part) printed, when it printed anything.
    pub printed: BTreeMap<(usize, String), Printed>,
    /// Bytes of output dropped past the cap.
    pub dropped_bytes: usize,
    /// How long each (case, part) that finished took, measured by the
    /// program around the call alone (for `kata bench`).
    pub timings: BTreeMap<(usize, String), Duration>,
    /// The compiler's message when the source turned out not to compile
    /// (then nothing ran).
    pub compile_error: Option<String>,
}

thread_local! {
    /// Set by [`stop_when`]: once it holds `true`, this thread's running
    /// program is killed and no other is started.
    static STOP: std::cell::RefCell<Option<Arc<AtomicBool>>> = const { std::cell::RefCell::new(None) };
}

/// Makes every later run on this thread stop as soon as `flag` is set (the
/// program's process group is killed within a few milliseconds): watch and
/// interview run checks on a worker thread and stop one that a newer save,
/// `q` or Ctrl-C made moot. A stopped run's verdicts are meaningless.
pub fn stop_when(flag: Arc<AtomicBool>) {
    STOP.with(|s| *s.borrow_mut() = Some(flag));
}

fn stopped() -> bool {
    STOP.with(|s| s.borrow().as_ref().is_some_and(|f| f.load(Ordering::SeqCst)))
}

/// Runs `program` on every job within `limits`.
pub fn run(program: &Path, jobs: &[Job<'_>], limits: Limits) -> Result<RunOutput, SetupError> {
    let inputs: BTreeMap<usize, &Inputs> = jobs.iter().map(|j| (j.index, j.inputs)).collect();
    let results_dir = tempfile::tempdir().map_err(|e| SetupError::io(Path::new("(temporary folder)"), e))?;
    let results = results_dir.path().join("results");
    run_with(jobs, limits, |pending, marker, deadline| {
        let request = Request {
            marker: marker.to_string(),
            cases: group(pending, &inputs),
        };
        let _ = std::fs::remove_file(&results);
        let mut cmd = Command::new(program);
        cmd.arg(&results).env("RUST_BACKTRACE", "0");
        let attempt = supervise(cmd, encode_request(&request), deadline, limits, || {
            read_records(&std::fs::read(&results).unwrap_or_default())
                .iter()
                .any(|r| matches!(r, Record::Done))
        })
        .map_err(|e| SetupError::io(program, e))?;
        let events = read_records(&std::fs::read(&results).unwrap_or_default())
            .into_iter()
            .map(|record| match record {
                Record::Started { index, part } => Event::Started(index, part),
                Record::Finished {
                    index,
                    part,
                    outcome,
                    nanos,
                } => Event::Finished(index, part, part_run(outcome), Duration::from_nanos(nanos)),
                Record::Done => Event::Done,
            })
            .collect();
        Ok((events, attempt))
    })
}

/// What a program reported about its parts, in order.
pub enum Event {
    /// A part is about to run.
    Started(usize, String),
    /// A part has finished, in this long (the call alone).
    Finished(usize, String, PartRun, Duration),
    /// Every part has run.
    Done,
    /// The source does not compile: a track that compiles as its program
    /// starts (Python) finds out here rather than in its build.
    DoesNotCompile(String),
}

/// The loop shared by every track: `attempt` starts the program on the
/// pending (case, part) pairs with a fresh marker and returns what it
/// reported; a crash is charged to the part it happened in and the program
/// is started again on the rest, until every part has an outcome or the
/// time is up.
pub fn run_with(
    jobs: &[Job<'_>],
    limits: Limits,
    mut attempt: impl FnMut(&[(usize, String)], &str, Instant) -> Result<(Vec<Event>, Attempt), SetupError>,
) -> Result<RunOutput, SetupError> {
    let deadline = Instant::now() + limits.time;
    let mut out = RunOutput::default();
    let mut pending: Vec<(usize, String)> = jobs
        .iter()
        .flat_map(|j| j.parts.iter().map(move |p| (j.index, p.clone())))
        .collect();

    while !pending.is_empty() && !stopped() {
        let marker = format!("\u{1e}kata{:016x}", rand::random::<u64>());
        let (events, attempt) = attempt(&pending, &marker, deadline)?;
        let mut started = None;
        for event in events {
            match event {
                Event::Started(index, part) => started = Some((index, part)),
                Event::Finished(index, part, run, took) => {
                    started = None;
                    out.timings.insert((index, part.clone()), took);
                    out.parts.insert((index, part), run);
                }
                Event::Done => {}
                Event::DoesNotCompile(text) => {
                    out.compile_error = Some(text);
                    return Ok(out);
                }
            }
        }
        out.dropped_bytes += attempt.dropped;
        for (key, printed) in split_printed(&attempt.stdout, &attempt.stderr, &marker) {
            out.printed.insert(key, printed);
        }
        pending.retain(|k| !out.parts.contains_key(k));
        let Some(crash) = attempt.crash else { break };
        match started {
            Some(key) => {
                out.parts.insert(key, PartRun::Crashed(crash.clone()));
            }
            // Died before the first part: charge everything, or it would loop.
            None => {
                for key in pending.drain(..) {
                    out.parts.insert(key, PartRun::Crashed(crash.clone()));
                }
            }
        }
        pending.retain(|k| !out.parts.contains_key(k));
        if matches!(crash, Crash::Timeout { .. }) {
            for key in pending.drain(..) {
                out.parts.insert(key, PartRun::NotRun);
            }
        }
    }
    Ok(out)
}

fn part_run(outcome: Outcome) -> PartRun {
    match outcome {
        Outcome::Returned(outputs) => PartRun::Returned(outputs),
        Outcome::Panicked { message, location } => PartRun::Panicked { message, location },
        Outcome::BadInput(e) => PartRun::BadInput(e.0),
    }
}

fn group(pending: &[(usize, String)], inputs: &BTreeMap<usize, &Inputs>) -> Vec<CaseRequest> {
    let mut cases: Vec<CaseRequest> = Vec::new();
    for (index, part) in pending {
        match cases.last_mut() {
            Some(c) if c.index == *index => c.parts.push(part.clone()),
            _ => cases.push(CaseRequest {
                index: *index,
                parts: vec![part.clone()],
                inputs: (*inputs[index]).clone(),
            }),
        }
    }
    cases
}

/// One run of a program: what it printed and how it ended.
pub struct Attempt {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    dropped: usize,
    crash: Option<Crash>,
}

/// Starts `cmd` in its own process group under the memory limit, writes
/// `input` to its standard input, captures its output, and waits until it
/// exits or the deadline passes; then kills the group. `finished` says,
/// once it has stopped, whether it reported every part (else it crashed).
/// The only error is failing to start it.
pub fn supervise(
    mut cmd: Command,
    input: Vec<u8>,
    deadline: Instant,
    limits: Limits,
    finished: impl FnOnce() -> bool,
) -> std::io::Result<Attempt> {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let memory_bytes = limits.memory_mb.saturating_mul(1 << 20);
    // SAFETY: between fork and exec only async-signal-safe calls (setrlimit).
    unsafe {
        cmd.pre_exec(move || {
            let address_space = libc::rlimit {
                rlim_cur: memory_bytes,
                rlim_max: memory_bytes,
            };
            let no_core = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_AS, &address_space);
            libc::setrlimit(libc::RLIMIT_CORE, &no_core);
            // Should kata itself end mid-run (`q` in watch), the program
            // must not run on: the kernel kills it with its parent thread.
            #[cfg(target_os = "linux")]
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    let mut child = cmd.spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let feeder = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let stdout = capture(child.stdout.take().expect("stdout is piped"));
    let stderr = capture(child.stderr.take().expect("stderr is piped"));
    let (status, timed_out) = wait_until(&mut child, deadline);
    // Whatever the program left behind (threads, children) goes with it.
    kill_group(&child);
    let _ = child.wait();
    let _ = feeder.join();
    let (stdout, dropped_out, _) = stdout.join().unwrap_or_default();
    let (stderr, dropped_err, stderr_tail) = stderr.join().unwrap_or_default();
    let crash = match (finished(), timed_out) {
        (true, _) => None,
        (false, true) => Some(Crash::Timeout {
            seconds: limits.time.as_secs_f64(),
        }),
        (false, false) => {
            let last_words = [&stderr[..], &stderr_tail[..]].concat();
            Some(classify(status, &String::from_utf8_lossy(&last_words), limits))
        }
    };
    Ok(Attempt {
        stdout,
        stderr,
        dropped: dropped_out + dropped_err,
        crash,
    })
}

fn wait_until(child: &mut Child, deadline: Instant) -> (Option<ExitStatus>, bool) {
    let mut pause = Duration::from_micros(200);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return (Some(status), false);
        }
        if stopped() {
            return (None, false);
        }
        let now = Instant::now();
        if now >= deadline {
            return (None, true);
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(5));
    }
}

fn kill_group(child: &Child) {
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: signals our own child's process group, which it leads.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
}

fn classify(status: Option<ExitStatus>, stderr: &str, limits: Limits) -> Crash {
    if stderr.contains("has overflowed its stack") {
        return Crash::StackOverflow;
    }
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return Crash::OutOfMemory {
            limit_mb: limits.memory_mb,
        };
    }
    match status {
        Some(s) => match (s.code(), s.signal()) {
            (Some(code), _) => Crash::Exited { code },
            (None, Some(sig)) => Crash::Signal { name: signal_name(sig) },
            (None, None) => Crash::Signal {
                name: UNKNOWN_SIGNAL.into(),
            },
        },
        None => Crash::Signal {
            name: UNKNOWN_SIGNAL.into(),
        },
    }
}

fn signal_name(sig: i32) -> String {
    match sig {
        libc::SIGABRT => "SIGABRT (abort)".into(),
        libc::SIGSEGV => "SIGSEGV (segmentation fault)".into(),
        libc::SIGBUS => "SIGBUS (bus error)".into(),
        libc::SIGILL => "SIGILL (illegal instruction)".into(),
        libc::SIGFPE => "SIGFPE (arithmetic fault)".into(),
        libc::SIGKILL => "SIGKILL (killed)".into(),
        libc::SIGTERM => "SIGTERM (terminated)".into(),
        other => format!("signal {other}"),
    }
}

/// Reads a stream to its end, keeping its first [`OUTPUT_CAP`] bytes, the
/// count of the others, and the last [`TAIL`] of those others.
fn capture(mut stream: impl Read + Send + 'static) -> JoinHandle<(Vec<u8>, usize, Vec<u8>)> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut dropped = 0;
        let mut tail = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len()).min(n);
                    kept.extend_from_slice(&buf[..room]);
                    dropped += n - room;
                    tail.extend_from_slice(&buf[room..n]);
                    if tail.len() > 2 * TAIL {
                        tail.drain(..tail.len() - TAIL);
                    }
                }
            }
        }
        tail.drain(..tail.len().saturating_sub(TAIL));
        (kept, dropped, tail)
    })
}

/// Splits both streams at the harness's markers (`<marker>:<case>:<part>\x1e`).
fn split_printed(stdout: &[u8], stderr: &[u8], marker: &str) -> BTreeMap<(usize, String), Printed> {
    let mut printed: BTreeMap<(usize, String), Printed> = BTreeMap::new();
    for (is_err, bytes) in [(false, stdout), (true, stderr)] {
        let text = String::from_utf8_lossy(bytes);
        for segment in text.split(marker).skip(1) {
            let Some((header, body)) = segment.split_once('\u{1e}') else {
                continue;
            };
            let Some((index, part)) = header.trim_start_matches(':').split_once(':') else {
                continue;
            };
            let Ok(index) = index.parse::<usize>() else { continue };
            if body.is_empty() {
                continue;
            }
            let entry = printed.entry((index, part.to_string())).or_default();
            let target = if is_err { &mut entry.stderr } else { &mut entry.stdout };
            target.push_str(body);
        }
    }
    printed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_output_is_split_by_marker() {
        let m = "\u{1e}kataX";
        let out = format!("{m}:0:a\u{1e}hello\n{m}:0:b\u{1e}{m}:1:a\u{1e}bye");
        let split = split_printed(out.as_bytes(), b"", m);
        assert_eq!(split[&(0, "a".to_string())].stdout, "hello\n");
        assert_eq!(split[&(1, "a".to_string())].stdout, "bye");
        assert!(!split.contains_key(&(0, "b".to_string())));
    }

    #[test]
    fn the_end_of_a_long_stream_is_kept_past_the_cap() {
        let mut bytes = vec![b'x'; 3 * OUTPUT_CAP];
        bytes.extend_from_slice(b"thread 'kata' has overflowed its stack\n");
        let total = bytes.len();
        let (kept, dropped, tail) = capture(std::io::Cursor::new(bytes)).join().unwrap();
        assert_eq!(kept.len(), OUTPUT_CAP);
        assert_eq!(dropped, total - OUTPUT_CAP);
        assert_eq!(tail.len(), TAIL);
        assert!(tail.ends_with(b"has overflowed its stack\n"));
    }

    #[test]
    fn crashes_are_named() {
        let limits = Limits {
            time: Duration::from_secs(1),
            memory_mb: 100,
        };
        let so = classify(
            None,
            "thread 'kata' has overflowed its stack\nfatal runtime error",
            limits,
        );
        assert_eq!(so, Crash::StackOverflow);
        let oom = classify(None, "memory allocation of 800000000 bytes failed", limits);
        assert_eq!(oom, Crash::OutOfMemory { limit_mb: 100 });
        let abort = classify(Some(ExitStatus::from_raw(libc::SIGABRT)), "", limits);
        assert_eq!(
            abort,
            Crash::Signal {
                name: "SIGABRT (abort)".into()
            }
        );
    }
}
