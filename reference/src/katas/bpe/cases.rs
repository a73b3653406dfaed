//! Random cases for `bpe`: texts over small alphabets (so pairs repeat, runs
//! of one letter are common and counts tie often), growing from a few bytes
//! to a few hundred, some with 2- and 3-byte UTF-8 characters; n_merges from
//! 0 to 24, often more than the text allows. Case 0 is empty. `merges` for
//! `bpe_encode` is trained by the reference on another text of the same
//! alphabet, so the text holds some of its pairs and not others.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, int, size};
use crate::Rng;

/// The alphabets random texts draw from.
const ALPHABETS: [&[&str]; 4] = [
    &["a", "b"],
    &["a", "b", "c", " "],
    &["t", "h", "e", " ", "a", "n", "d"],
    &["的", "是", "a", "é", " "],
];

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let alphabet = ALPHABETS[size(rng, 0, ALPHABETS.len() - 1)];
    let len = if index == 0 { 0 } else { size(rng, 1, gen::grow(index, 4, 300)) };
    let text = random_text(rng, alphabet, len);
    let corpus_len = size(rng, 2, 300);
    let corpus = random_text(rng, alphabet, corpus_len);
    let n_corpus_merges = size(rng, 0, 24);
    let merges = super::solution::bpe_train(corpus.as_bytes(), n_corpus_merges);
    Inputs::new()
        .with("text", bytes(text.as_bytes()))
        .with("n_merges", int(size(rng, 0, 24)))
        .with("merges", merges.mapv(|v| v as i64))
}

/// The case `kata bench` times: 30,000 bytes of pseudo-English (words of a
/// small vocabulary), 150 merges; `bpe_encode` of the same text with the
/// merges of another such text.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    const WORDS: [&str; 12] = [
        "the ", "model ", "learns ", "a ", "token ", "from ", "bytes ", "and ", "pairs ", "merge ", "into ", "words ",
    ];
    let len = gen::scaled(30_000, scale);
    let text = |rng: &mut Rng| {
        let mut s = String::new();
        while s.len() < len {
            s.push_str(WORDS[size(rng, 0, WORDS.len() - 1)]);
        }
        s
    };
    let (text, corpus) = (text(rng), text(rng));
    let merges = super::solution::bpe_train(corpus.as_bytes(), 150);
    Inputs::new()
        .with("text", bytes(text.as_bytes()))
        .with("n_merges", int(150))
        .with("merges", merges.mapv(|v| v as i64))
}

fn random_text(rng: &mut Rng, alphabet: &[&str], len: usize) -> String {
    (0..len).map(|_| alphabet[size(rng, 0, alphabet.len() - 1)]).collect()
}

/// Bytes as a case stores them: an int64 array of values 0..=255.
fn bytes(text: &[u8]) -> Array1<i64> {
    text.iter().map(|&b| i64::from(b)).collect()
}
