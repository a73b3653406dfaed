//! Random cases for `softmax_cross_entropy`: 1 to 12 rows of 2 to 10
//! classes. Every fifth case shifts all logits by ±1e3 (exp of the raw
//! logits overflows or underflows) and every fifth lifts one logit of some
//! rows 1e3 above the rest (their softmax underflows to 0). `ignore_index`
//! is absent, a class, or beyond the classes (as torch's −100), and about a
//! quarter of the rows carry it, never all of them. Label smoothing is 0 in
//! half of the cases.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, chance, int, ints, normal, size, uniform};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let n = size(rng, 1, gen::grow(index, 2, 12));
    let classes = size(rng, 2, gen::grow(index, 3, 10));
    let scale = [1.0, 3.0][size(rng, 0, 1)];
    let mut logits = normal(rng, (n, classes)) * scale;
    match index % 5 {
        3 => logits += if chance(rng, 0.5) { 1e3 } else { -1e3 },
        4 => {
            for mut row in logits.rows_mut() {
                if chance(rng, 0.5) {
                    row[size(rng, 0, classes - 1)] += 1e3;
                }
            }
        }
        _ => {}
    }
    let mut target: Vec<usize> = (0..n).map(|_| size(rng, 0, classes - 1)).collect();
    let ignore_index = match size(rng, 0, 2) {
        0 => None,
        1 => Some(size(rng, 0, classes - 1)),
        _ => Some(classes + size(rng, 0, 100)),
    };
    if let Some(ignored) = ignore_index {
        for t in target.iter_mut() {
            if chance(rng, 0.25) {
                *t = ignored;
            }
        }
        // At least one row counts: the mean divides by their number.
        if target.iter().all(|&t| t == ignored) {
            target[0] = (ignored + 1) % classes;
        }
    }
    let smoothing = if chance(rng, 0.5) { 0.0 } else { uniform(rng, 0.05, 0.5, ())[()] };
    let case = Inputs::new()
        .with("logits", logits)
        .with("target", ints(&target))
        .with("label_smoothing", arr0(smoothing));
    match ignore_index {
        Some(i) => case.with("ignore_index", int(i)),
        None => case,
    }
}

/// The case `kata bench` times: a language model's last layer, 128 tokens
/// over a vocabulary of 32000, no ignored rows, smoothing 0.1.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (n, vocab) = (gen::scaled(128, scale), 32000);
    let target: Vec<usize> = (0..n).map(|_| size(rng, 0, vocab - 1)).collect();
    Inputs::new()
        .with("logits", normal(rng, (n, vocab)) * 2.0)
        .with("target", ints(&target))
        .with("label_smoothing", arr0(0.1))
}
