//! What a kata's texts say on each track.
//!
//! A description (`katas/<kata>.toml`) is written once for both tracks: its
//! statements give the Rust signatures in an indented block (lines starting
//! with four spaces and `pub fn`, and their deeper-indented continuations),
//! and a hint that names Rust APIs carries a Python variant (`python_en`,
//! `python_zh`). On the Python track the block becomes the `def` lines of
//! the Python stub and each hint its Python variant; on the Rust track the
//! texts are shown as written. Everything else in a statement is in
//! notation both tracks read (math and words, not ranges like `0..n`).

use crate::catalog::Kata;

use super::Track;

/// Rewrites `kata`'s statements and hints for `track`. `python_source` is
/// the Python stub (or the user's file) the `def` lines come from; without
/// it the Rust block is dropped on the Python track.
pub fn localize(kata: &mut Kata, track: Track, python_source: Option<&str>) {
    if track != Track::Python {
        return;
    }
    let defs = python_defs(python_source.unwrap_or_default());
    kata.statement = replace_signatures(&kata.statement, &defs);
    kata.statement_zh = replace_signatures(&kata.statement_zh, &defs);
    for hint in &mut kata.hints {
        if let (Some(en), Some(zh)) = (hint.python_en.take(), hint.python_zh.take()) {
            hint.en = en;
            hint.zh = zh;
        }
    }
}

/// Where a statement's Rust signature block starts.
const RUST_SIGNATURE: &str = "    pub fn ";

/// The top-level public `def` lines of a Python source, each with its
/// continuation lines up to the `:` that ends the header.
fn python_defs(source: &str) -> Vec<String> {
    let mut defs = Vec::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        if !line.starts_with("def ") || line.starts_with("def _") {
            continue;
        }
        let mut depth = 0i32;
        let mut current = line;
        loop {
            depth += paren_balance(current);
            defs.push(current.trim_end().to_string());
            if depth <= 0 && current.trim_end().ends_with(':') {
                break;
            }
            match lines.next() {
                Some(next) => current = next,
                None => break,
            }
        }
    }
    defs
}

/// Opening minus closing brackets on a line.
fn paren_balance(line: &str) -> i32 {
    line.chars()
        .map(|c| match c {
            '(' | '[' | '{' => 1,
            ')' | ']' | '}' => -1,
            _ => 0,
        })
        .sum()
}

/// `text` with each Rust signature block replaced by `defs`, indented as the
/// block was (the `def` lines replace the first block; later blocks, if a
/// statement splits its signatures, are dropped).
fn replace_signatures(text: &str, defs: &[String]) -> String {
    let mut out = Vec::new();
    let mut in_block = false;
    let mut replaced = false;
    for line in text.split('\n') {
        let starts = line.starts_with(RUST_SIGNATURE);
        // Continuations are indented deeper than the block's four spaces.
        let continues = in_block && line.starts_with("     ");
        in_block = starts || continues;
        if !in_block {
            out.push(line.to_string());
        } else if !replaced {
            replaced = true;
            out.extend(defs.iter().map(|d| format!("    {d}")));
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rust_block_becomes_the_python_defs() {
        let statement = "Implement:\n\n    pub fn f(x: ArrayView2<f64>,\n             k: usize)\n        -> Array2<f64>;\n    pub fn g() -> f64;\n\nThen more.\n    indented prose stays\n";
        let source = "import numpy as np\n\n\ndef f(x,\n      k):\n    \"\"\"Doc.\"\"\"\n    raise NotImplementedError\n\n\ndef _helper():\n    pass\n\n\ndef g():\n    raise NotImplementedError\n";
        let defs = python_defs(source);
        assert_eq!(defs, ["def f(x,", "      k):", "def g():"]);
        assert_eq!(
            replace_signatures(statement, &defs),
            "Implement:\n\n    def f(x,\n          k):\n    def g():\n\nThen more.\n    indented prose stays\n"
        );
    }

    #[test]
    fn a_statement_without_signatures_is_unchanged() {
        let text = "Normalize x.\n\n    y = (x − mean) / σ\n";
        assert_eq!(replace_signatures(text, &["def f():".to_string()]), text);
    }
}
