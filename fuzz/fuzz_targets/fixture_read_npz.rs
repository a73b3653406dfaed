//! Fuzzes the fixture reader (`kata::fixture::read_npz`): whatever the bytes
//! of `fixtures/<kata>/<case>.npz`, it returns the arrays or a message, never
//! panics.

#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kata::fixture::read_npz(Cursor::new(data));
});
