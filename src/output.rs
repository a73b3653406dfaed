//! Standard output that a closed pipe ends quietly.
//!
//! std's `print!` and `println!` panic when stdout is a pipe whose reader has
//! gone (`kata list | head -1`). The two macros here shadow them in every
//! module of the crate (`lib.rs` declares this module first, with
//! `#[macro_use]`): after a failed write nothing more is written, a closed
//! pipe is no error, and any other failure (a full disk) is kept for
//! [`take_error`], so each command still ends with its own exit code.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

/// `print!`, through [`write`].
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::output::write(format_args!($($arg)*))
    };
}

/// `println!`, through [`write`].
macro_rules! println {
    () => {
        $crate::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Set once a write to stdout has failed: nothing more is written.
static CLOSED: AtomicBool = AtomicBool::new(false);

/// A failure to write stdout other than a closed pipe.
static ERROR: Mutex<Option<String>> = Mutex::new(None);

/// Writes to stdout, unless a write has failed before.
pub fn write(args: std::fmt::Arguments) {
    if CLOSED.load(Ordering::SeqCst) {
        return;
    }
    if let Err(e) = std::io::stdout().write_fmt(args) {
        CLOSED.store(true, Ordering::SeqCst);
        // A reader that stopped reading wants no more: that is no error.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            *ERROR.lock().unwrap_or_else(PoisonError::into_inner) = Some(e.to_string());
        }
    }
}

/// The failure to write stdout, other than a closed pipe, if there was one.
pub fn take_error() -> Option<String> {
    ERROR.lock().unwrap_or_else(PoisonError::into_inner).take()
}
