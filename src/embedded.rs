//! Files compiled into the binary (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The shipped content of a practice-folder file, by its relative path.
pub fn practice_file(rel: &str) -> Option<&'static [u8]> {
    PRACTICE_FILES.iter().find(|(p, _)| *p == rel).map(|(_, bytes)| *bytes)
}

/// The pristine stub of a kata.
pub fn stub(name: &str) -> Option<&'static str> {
    practice_file(&format!("katas/{name}.rs")).and_then(|b| std::str::from_utf8(b).ok())
}

/// The source of a kata's harness adapter (it names the kata's outputs).
pub fn adapter(name: &str) -> Option<&'static str> {
    let path = format!("crates/harness/src/adapters/{name}.rs");
    HARNESS_FILES
        .iter()
        .find(|(p, _)| *p == path)
        .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
}
