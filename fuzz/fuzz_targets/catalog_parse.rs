//! Fuzzes the kata-description loader (`kata::catalog::parse`): whatever the
//! bytes of `katas/<name>.toml`, it returns a description or a `SetupError`,
//! never panics.

#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader reads text; a file that is not UTF-8 is refused before it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Name the file after the `name` the text claims, as the real files are,
    // so inputs get past the name check into the rest of the validation.
    let stem = text
        .parse::<toml::Table>()
        .ok()
        .and_then(|t| t.get("name").and_then(|n| n.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "layer_norm".to_owned());
    let path = PathBuf::from("katas").join(format!("{stem}.toml"));
    if let Err(e) = kata::catalog::parse(&path, text) {
        // The one-line message must render, too.
        let _ = e.to_string();
    }
});
