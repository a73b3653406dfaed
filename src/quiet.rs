//! Running in-process code that may panic (the reference or a mutant on a
//! case it cannot take) without printing the panic.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

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
