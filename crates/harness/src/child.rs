//! The `main` of a user program: run each requested part under
//! `catch_unwind`, record how it ended, and keep going.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::Instant;

use crate::protocol::{read_request, write_record, Outcome, Record, Request};
use crate::Solution;

/// Stack for user code: generous for honest recursion, and an endless
/// recursion still overflows within a fraction of a second.
const STACK_BYTES: usize = 64 << 20;

static LAST_PANIC: Mutex<Option<(String, Option<String>)>> = Mutex::new(None);

/// Where the user's file lies, as the compiler's remapped paths name it.
const USER_DIR: &str = "katas/";

/// The innermost `at katas/<file>:<line>:<col>` of a printed backtrace.
fn user_frame(backtrace: &str) -> Option<String> {
    backtrace
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("at "))
        .find(|at| at.starts_with(USER_DIR))
        .map(str::to_string)
}

/// Runs the request read from standard input against `solution`, writing
/// records to the file named by the first argument. Exits the process when
/// done, so a thread the user left running cannot hold the check open.
pub fn main(solution: &'static dyn Solution) -> ! {
    let code = match run(solution) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("kata harness: {e}");
            101
        }
    };
    let _ = io::stdout().flush();
    std::process::exit(code)
}

fn run(solution: &'static dyn Solution) -> io::Result<()> {
    let path = std::env::args_os()
        .nth(1)
        .ok_or_else(|| io::Error::other("usage: <program> RESULTS_FILE < request"))?;
    let request = read_request(&mut io::stdin().lock())?;
    let mut out = BufWriter::new(File::create(path)?);
    panic::set_hook(Box::new(|info| {
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => match info.payload().downcast_ref::<String>() {
                Some(s) => s.clone(),
                None => "(a panic without a message)".to_string(),
            },
        };
        let mut location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
        // ndarray's indexing panics at its own line, not its caller's: the
        // innermost frame in the user's file (`katas/…`, paths remapped) says
        // where. Only then is a backtrace worth its cost.
        if location.as_deref().is_some_and(|l| !l.starts_with(USER_DIR)) {
            if let Some(at) = user_frame(&std::backtrace::Backtrace::force_capture().to_string()) {
                location = Some(at);
            }
        }
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some((message, location));
        }
    }));
    let worker = std::thread::Builder::new()
        .name("kata".into())
        .stack_size(STACK_BYTES)
        .spawn(move || run_cases(solution, &request, &mut out))?;
    worker
        .join()
        .map_err(|_| io::Error::other("the harness thread panicked"))?
}

fn run_cases(solution: &dyn Solution, request: &Request, out: &mut impl Write) -> io::Result<()> {
    for case in &request.cases {
        for part in &case.parts {
            let marker = format!("{}:{}:{}\u{1e}", request.marker, case.index, part);
            print!("{marker}");
            eprint!("{marker}");
            io::stdout().flush()?;
            write_record(
                out,
                &Record::Started {
                    index: case.index,
                    part: part.clone(),
                },
            )?;
            let start = Instant::now();
            let result = panic::catch_unwind(AssertUnwindSafe(|| solution.run(part, &case.inputs)));
            let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
            let outcome = match result {
                Ok(Ok(outputs)) => Outcome::Returned(outputs),
                Ok(Err(e)) => Outcome::BadInput(e),
                Err(_) => {
                    let (message, location) = LAST_PANIC
                        .lock()
                        .ok()
                        .and_then(|mut l| l.take())
                        .unwrap_or_else(|| ("(unknown panic)".into(), None));
                    Outcome::Panicked { message, location }
                }
            };
            io::stdout().flush()?;
            write_record(
                out,
                &Record::Finished {
                    index: case.index,
                    part: part.clone(),
                    outcome,
                    nanos,
                },
            )?;
        }
    }
    write_record(out, &Record::Done)
}

#[cfg(test)]
mod tests {
    use super::user_frame;

    #[test]
    fn the_innermost_frame_in_the_users_file_is_found() {
        let backtrace = "   0: std::panicking::begin_panic_handler\n             at /rustc/abc/library/std/src/panicking.rs:697:5\n  \
                         11: ndarray::arraytraits::array_out_of_bounds\n             at /root/.cargo/registry/src/x/ndarray-0.17.2/src/arraytraits.rs:36:5\n  \
                         13: main::user::layer_norm\n             at katas/layer_norm.rs:31:18\n  \
                         14: main::user::helper\n             at katas/layer_norm.rs:40:5\n";
        assert_eq!(user_frame(backtrace).as_deref(), Some("katas/layer_norm.rs:31:18"));
        assert_eq!(user_frame("   0: main\n             at src/main.rs:1:1\n"), None);
    }
}
