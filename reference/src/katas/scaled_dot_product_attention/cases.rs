//! Random cases for `scaled_dot_product_attention`: batch 1 to 3, one to six
//! queries and keys (a single query, a single key), key and value widths 1 to
//! 5, about two cases in three with a mask (random keys hidden, never a whole
//! row). Scores are moderate (about ±2), except in the stability cases, every
//! fourth index: there each query's largest visible score is 1e3 (or −1e3
//! for every other query, where its visible scores share a sign), so a
//! softmax that does not subtract the row maximum overflows to NaN (or
//! divides 0 by 0), and so does one whose maximum starts at 0.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, normal, size};
use crate::Rng;

/// Every `STABILITY_EVERY`-th case is a stability case.
const STABILITY_EVERY: usize = 4;
/// The largest visible score of every query in a stability case.
const LARGE_SCORE: f64 = 1e3;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let batch = size(rng, 1, gen::grow(index, 1, 3));
    let n_q = size(rng, 1, gen::grow(index, 1, 6));
    let n_k = size(rng, 1, gen::grow(index, 1, 6));
    let d_k = size(rng, 1, gen::grow(index, 1, 5));
    let d_v = size(rng, 1, gen::grow(index, 1, 5));
    let mut q = normal(rng, (batch, n_q, d_k));
    let k = normal(rng, (batch, n_k, d_k));
    let v = normal(rng, (batch, n_k, d_v));
    let mask = match index % 3 {
        0 => None,
        _ => Some(gen::attention_mask(rng, batch, n_q, n_k, 0.3)),
    };
    if index % STABILITY_EVERY == STABILITY_EVERY - 1 {
        stability_case(&mut q, &k, mask.as_ref());
    }
    let case = Inputs::new().with("q", q).with("k", k).with("v", v);
    match mask {
        Some(mask) => case.with("mask", mask),
        None => case,
    }
}

/// The case `kata bench` times: 8 heads (the batch axis) of 512 queries and
/// 512 keys, d_k = d_v = 64, with a mask hiding about one key in ten.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (heads, n, d) = (8, gen::scaled(512, scale), 64);
    Inputs::new()
        .with("q", normal(rng, (heads, n, d)))
        .with("k", normal(rng, (heads, n, d)))
        .with("v", normal(rng, (heads, n, d)))
        .with("mask", gen::attention_mask(rng, heads, n, n, 0.1))
}

/// Rescales each query so that its largest visible score q·k / √d_k is
/// `LARGE_SCORE`, or −`LARGE_SCORE` for every other query when its visible
/// scores share a sign: exp overflows, or underflows to 0 everywhere, while a
/// softmax shifted by the row maximum is unaffected.
fn stability_case(q: &mut Array3<f64>, k: &Array3<f64>, mask: Option<&Array3<bool>>) {
    let (batch, n_q, d_k) = q.dim();
    for b in 0..batch {
        for i in 0..n_q {
            let mut query = q.slice_mut(s![b, i, ..]);
            let scores = k.index_axis(Axis(0), b).dot(&query) / (d_k as f64).sqrt();
            let visible: Vec<f64> = scores
                .iter()
                .enumerate()
                .filter(|&(j, _)| mask.is_none_or(|m| !m[[b, i, j]]))
                .map(|(_, &s)| s)
                .collect();
            query *= gen::stability_factor(&visible, i % 2 == 1, LARGE_SCORE);
        }
    }
}
