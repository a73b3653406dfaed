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
    /// Its type, e.g. `ValueError`; empty when it is no exception of the
    /// user's code but the harness's words on the value it returned (`None`
    /// where an array is asked for, a tuple of the wrong length).
    pub exception: String,
    /// Its message.
    pub message: String,
    /// The message in Chinese, where kata wrote it (the harness's own
    /// words on what a function returned); Python's are English only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_zh: Option<String>,
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
        let attempt = supervise(cmd, encode_request(&request), marker, deadline, limits, || {
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
/// `input` to its standard input, captures its output (`marker` being the
/// harness's, see [`capture`]), and waits until it exits or the deadline
/// passes; then kills the group. `finished` says, once it has stopped,
/// whether it reported every part (else it crashed). The only error is
/// failing to start it.
pub fn supervise(
    mut cmd: Command,
    input: Vec<u8>,
    marker: &str,
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
    let stdout = capture(child.stdout.take().expect("stdout is piped"), marker);
    let stderr = capture(child.stderr.take().expect("stderr is piped"), marker);
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

/// Reads a stream to its end. The harness's markers
/// (`<marker>:<case>:<part>\x1e`, one per part) are all kept, so that what
/// was printed is attributed to its part however much came before; of the
/// program's own bytes, the first [`OUTPUT_CAP`] are kept, the others
/// counted and the last [`TAIL`] of them kept. (Counting the markers against
/// the cap once made a silent program "print" the markers of a long run.)
fn capture(mut stream: impl Read + Send + 'static, marker: &str) -> JoinHandle<(Vec<u8>, usize, Vec<u8>)> {
    let mut sink = Sink::new(marker.as_bytes().to_vec());
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => sink.feed(&buf[..n]),
            }
        }
        sink.finish()
    })
}

/// The byte that opens a marker and closes its `:<case>:<part>` header.
const RS: u8 = 0x1e;

/// Sorts a stream into the harness's markers and the program's own bytes,
/// as they arrive in chunks (a marker may be split across two reads).
struct Sink {
    /// The run's marker: [`RS`], then `kata` and random hex digits, so
    /// [`RS`] occurs in it only first.
    marker: Vec<u8>,
    /// How many bytes of `marker` the stream has matched so far (held back
    /// until the match completes or fails).
    matched: usize,
    /// Inside a marker's `:<case>:<part>` header, up to its closing [`RS`].
    in_header: bool,
    kept: Vec<u8>,
    /// The program's bytes among `kept`.
    program_kept: usize,
    dropped: usize,
    tail: Vec<u8>,
}

impl Sink {
    fn new(marker: Vec<u8>) -> Sink {
        debug_assert!(marker.first() == Some(&RS) && !marker[1..].contains(&RS));
        Sink {
            marker,
            matched: 0,
            in_header: false,
            kept: Vec::new(),
            program_kept: 0,
            dropped: 0,
            tail: Vec::new(),
        }
    }

    fn feed(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            if self.in_header {
                let end = bytes.iter().position(|&b| b == RS).map_or(bytes.len(), |i| i + 1);
                self.kept.extend_from_slice(&bytes[..end]);
                self.in_header = bytes[end - 1] != RS;
                bytes = &bytes[end..];
            } else if self.matched > 0 {
                let want = &self.marker[self.matched..];
                let n = want.len().min(bytes.len());
                let same = want.iter().zip(bytes).take_while(|(a, b)| a == b).count();
                if same == n {
                    self.matched += n;
                    bytes = &bytes[n..];
                    if self.matched == self.marker.len() {
                        self.kept.extend_from_slice(&self.marker);
                        self.matched = 0;
                        self.in_header = true;
                    }
                } else {
                    // Not a marker after all: what was held back is the
                    // program's (it holds RS only first, so no marker starts
                    // inside it); the differing byte is looked at afresh.
                    let held = self.marker[..self.matched + same].to_vec();
                    self.matched = 0;
                    self.program(&held);
                    bytes = &bytes[same..];
                }
            } else {
                match bytes.iter().position(|&b| b == RS) {
                    Some(i) => {
                        self.program(&bytes[..i]);
                        self.matched = 1;
                        bytes = &bytes[i + 1..];
                    }
                    None => {
                        self.program(bytes);
                        bytes = &[];
                    }
                }
            }
        }
    }

    fn program(&mut self, bytes: &[u8]) {
        let room = OUTPUT_CAP.saturating_sub(self.program_kept).min(bytes.len());
        self.kept.extend_from_slice(&bytes[..room]);
        self.program_kept += room;
        self.dropped += bytes.len() - room;
        self.tail.extend_from_slice(&bytes[room..]);
        if self.tail.len() > 2 * TAIL {
            self.tail.drain(..self.tail.len() - TAIL);
        }
    }

    fn finish(mut self) -> (Vec<u8>, usize, Vec<u8>) {
        let held = self.marker[..self.matched].to_vec();
        self.program(&held);
        self.tail.drain(..self.tail.len().saturating_sub(TAIL));
        (self.kept, self.dropped, self.tail)
    }
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
        let (kept, dropped, tail) = capture(std::io::Cursor::new(bytes), "\u{1e}kataX").join().unwrap();
        assert_eq!(kept.len(), OUTPUT_CAP);
        assert_eq!(dropped, total - OUTPUT_CAP);
        assert_eq!(tail.len(), TAIL);
        assert!(tail.ends_with(b"has overflowed its stack\n"));
    }

    /// Feeds `stream` to a [`Sink`] in chunks of `chunk` bytes.
    fn sift(stream: &[u8], marker: &str, chunk: usize) -> (Vec<u8>, usize, Vec<u8>) {
        let mut sink = Sink::new(marker.as_bytes().to_vec());
        for piece in stream.chunks(chunk) {
            sink.feed(piece);
        }
        sink.finish()
    }

    #[test]
    fn markers_never_count_against_the_cap() {
        // A silent program's run of thousands of parts: the markers alone
        // are past the cap, and none of it is the program's.
        let m = "\u{1e}kata0123456789abcdef";
        let stream: String = (0..3000).map(|i| format!("{m}:{i}:cross_entropy\u{1e}")).collect();
        assert!(stream.len() > OUTPUT_CAP);
        for chunk in [1, 7, 8192] {
            let (kept, dropped, tail) = sift(stream.as_bytes(), m, chunk);
            assert_eq!((kept.len(), dropped, tail.len()), (stream.len(), 0, 0), "chunk {chunk}");
            assert!(split_printed(&kept, b"", m).is_empty());
        }
        // Past the cap, a part's own output is counted as dropped and the
        // parts after it are still told apart.
        let noisy = format!(
            "{m}:0:a\u{1e}{}{m}:1:a\u{1e}{m}:2:a\u{1e}late",
            "x".repeat(OUTPUT_CAP + 10)
        );
        for chunk in [1, 5, 8192] {
            let (kept, dropped, tail) = sift(noisy.as_bytes(), m, chunk);
            assert_eq!((dropped, tail.len()), (14, 14), "chunk {chunk}");
            let split = split_printed(&kept, b"", m);
            assert_eq!(split[&(0, "a".to_string())].stdout.len(), OUTPUT_CAP);
            assert!(!split.contains_key(&(1, "a".to_string())));
            assert!(!split.contains_key(&(2, "a".to_string())), "late went past the cap");
        }
    }

    #[test]
    fn what_only_looks_like_a_marker_is_the_programs() {
        let m = "\u{1e}kataX";
        // A lone RS, a marker's prefix cut short, one at the very end.
        let stream = format!("{m}:0:a\u{1e}a\u{1e}b\u{1e}kat!{m}:1:a\u{1e}\u{1e}\u{1e}ka");
        for chunk in [1, 2, 3, 100] {
            let (kept, dropped, _) = sift(stream.as_bytes(), m, chunk);
            assert_eq!((kept.len(), dropped), (stream.len(), 0), "chunk {chunk}");
            let split = split_printed(&kept, b"", m);
            assert_eq!(split[&(0, "a".to_string())].stdout, "a\u{1e}b\u{1e}kat!");
            assert_eq!(split[&(1, "a".to_string())].stdout, "\u{1e}\u{1e}ka");
        }
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
