//! Random cases for `multi_head_attention`: batch 1 to 3, one to five queries
//! and keys (a single key included), one to four heads, per-head widths d_k
//! and d_v of 1 to 4 (often different), input widths of q, k, v and output
//! width drawn separately; every fourth case has PyTorch's shapes instead
//! (every width = n_head·d, d_k = d_v = d). About two cases in three carry a
//! mask (random keys hidden, never a whole row). Weights are scaled by
//! 1/√fan_in and biases are nonzero, so scores stay moderate, except in every
//! fourth case from index 3, where the query projection is scaled so that
//! the largest visible score is 1e3: a softmax that does not subtract the row
//! maximum overflows there.

use kata_harness::Inputs;
use kata_prelude::MhaWeights;

use crate::gen::{self, int, linear, normal, size};
use crate::Rng;

/// The largest visible score of a stability case.
const LARGE_SCORE: f64 = 1e3;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let batch = size(rng, 1, gen::grow(index, 1, 3));
    let n_q = size(rng, 1, gen::grow(index, 1, 5));
    let n_k = size(rng, 1, gen::grow(index, 1, 5));
    let n_head = size(rng, 1, gen::grow(index, 2, 4));
    let d_k = size(rng, 1, gen::grow(index, 2, 4));
    let d_v = size(rng, 1, gen::grow(index, 2, 4));
    let hi = gen::grow(index, 2, 6);
    let widths: [usize; 4] = std::array::from_fn(|_| size(rng, 1, hi));
    // Every fourth case has the shapes nn.MultiheadAttention supports.
    let (d_v, [e_q, e_k, e_v, d_o]) = match index % 4 {
        2 => (d_k, [n_head * d_k; 4]),
        _ => (d_v, widths),
    };
    let mut w = MhaWeights {
        q: linear(rng, e_q, n_head * d_k),
        k: linear(rng, e_k, n_head * d_k),
        v: linear(rng, e_v, n_head * d_v),
        o: linear(rng, n_head * d_v, d_o),
    };
    let q = normal(rng, (batch, n_q, e_q));
    let k = normal(rng, (batch, n_k, e_k));
    let v = normal(rng, (batch, n_k, e_v));
    let mask = match index % 3 {
        0 => None,
        _ => Some(gen::attention_mask(rng, batch, n_q, n_k, 0.3)),
    };
    if index % 4 == 3 {
        let hidden = |b, i, j| mask.as_ref().is_some_and(|m| m[[b, i, j]]);
        gen::scale_largest_score(&mut w, q.view(), k.view(), n_head, hidden, LARGE_SCORE);
    }
    let case = Inputs::new()
        .with("q", q)
        .with("k", k)
        .with("v", v)
        .with("n_head", int(n_head))
        .with_mha("w", &w);
    match mask {
        None => case,
        Some(mask) => case.with("mask", mask),
    }
}

/// The case `kata bench` times: one sequence of 512 tokens attending to
/// itself through 8 heads of width 64 (model width 512), no mask.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (n, e, n_head) = (gen::scaled(512, scale), 512, 8);
    let w = MhaWeights {
        q: linear(rng, e, e),
        k: linear(rng, e, e),
        v: linear(rng, e, e),
        o: linear(rng, e, e),
    };
    Inputs::new()
        .with("q", normal(rng, (1, n, e)))
        .with("k", normal(rng, (1, n, e)))
        .with("v", normal(rng, (1, n, e)))
        .with("n_head", int(n_head))
        .with_mha("w", &w)
}
