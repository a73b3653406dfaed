//! Random cases for `sampling`: 1 to 4 rows over vocabularies of 2 to 30.
//! One case in three has logits on a grid of halves, so that ties sit at the
//! top-k boundary and inside top-p's order. Temperatures 0.5 to 2; top_k off
//! (0), within the vocabulary, or beyond it; top_p off (1.0) or in
//! [0.2, 0.95]. Every other case, from index 1, is shifted by 1e3 or −1e3 in
//! turn (the probabilities do not change, but exp of the raw logits
//! overflows or underflows to 0, so a softmax that does not subtract the row
//! maximum, or starts it at 0, gives NaN). No decision
//! hinges on rounding: top_p is redrawn until the probability mass before
//! every candidate is at least 1e-6 away from it, and each u until every
//! cumulative probability is at least 1e-6 away.

use kata_harness::Inputs;
use ndarray::prelude::*;

use super::solution::sample;
use crate::gen::{self, chance, int, normal, size, uniform};
use crate::Rng;

/// How far every sum stays from top_p and u.
const MARGIN: f64 = 1e-6;
/// The shift of the stability cases: ±1e3 over the smallest temperature is
/// far beyond exp's range (about ±709).
const LARGE_SHIFT: f64 = 1e3;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let batch = size(rng, 1, gen::grow(index, 1, 4));
    let vocab = size(rng, 2, gen::grow(index, 4, 30));
    let logits = if index % 3 == 2 {
        Array2::from_shape_simple_fn((batch, vocab), || size(rng, 0, 8) as f64 / 2.0 - 2.0)
    } else {
        normal(rng, (batch, vocab)) * 2.0
    };
    // Exact on the grid of halves too, so its ties stay ties.
    let logits = match index % 4 {
        1 => logits + LARGE_SHIFT,
        3 => logits - LARGE_SHIFT,
        _ => logits,
    };
    let temperature = [0.5, 0.7, 1.0, 1.5, 2.0][size(rng, 0, 4)];
    let top_k = match size(rng, 0, 3) {
        0 => 0,
        3 => vocab + size(rng, 0, 5),
        _ => size(rng, 1, vocab),
    };
    let mut top_p = 1.0;
    if chance(rng, 0.65) {
        for _ in 0..100 {
            let p = uniform(rng, 0.2, 0.95, ())[()];
            if clear_of_top_p(logits.view(), temperature, top_k, p) {
                top_p = p;
                break;
            }
        }
    }
    let mut u = Array1::zeros(batch);
    let (probs, _) = sample(logits.view(), temperature, top_k, top_p, u.view());
    for (ub, row) in u.iter_mut().zip(probs.rows()) {
        *ub = loop {
            let candidate = uniform(rng, 0.0, 0.999, ())[()];
            let mut cum = 0.0;
            let clear = row.iter().all(|&p| {
                cum += p;
                (cum - candidate).abs() > MARGIN
            });
            if clear {
                break candidate;
            }
        };
    }
    Inputs::new()
        .with("logits", logits)
        .with("temperature", arr0(temperature))
        .with("top_k", int(top_k))
        .with("top_p", arr0(top_p))
        .with("u", u)
}

/// Whether, in every row, the mass before each top-k survivor (in top-p's
/// order) is at least MARGIN away from top_p.
fn clear_of_top_p(logits: ArrayView2<f64>, temperature: f64, top_k: usize, top_p: f64) -> bool {
    logits.rows().into_iter().all(|row| {
        let scaled: Vec<f64> = row.iter().map(|&x| x / temperature).collect();
        let mut sorted = scaled.clone();
        sorted.sort_by(|a, b| b.total_cmp(a));
        let kth = match top_k {
            k if k > 0 && k < scaled.len() => sorted[k - 1],
            _ => f64::NEG_INFINITY,
        };
        let max = sorted[0];
        let e: Vec<f64> = sorted
            .iter()
            .filter(|&&x| x >= kth)
            .map(|&x| (x - max).exp())
            .collect();
        let total: f64 = e.iter().sum();
        let mut before = 0.0;
        e.iter().all(|&w| {
            let clear = (before - top_p).abs() > MARGIN;
            before += w / total;
            clear
        })
    })
}

/// The case `kata bench` times: 64 rows over a vocabulary of 32000 with
/// Llama's defaults (temperature 0.6, top_p 0.9) and top_k 50.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let batch = gen::scaled(64, scale);
    Inputs::new()
        .with("logits", normal(rng, (batch, 32000)) * 3.0)
        .with("temperature", arr0(0.6))
        .with("top_k", int(50))
        .with("top_p", arr0(0.9))
        .with("u", uniform(rng, 0.0, 1.0, batch))
}
