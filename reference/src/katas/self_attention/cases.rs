//! Random cases for `self_attention`: batch 1 to 3, sequences of one to six
//! positions, one to four heads, per-head widths d_k and d_v of 1 to 4 (often
//! different), model and output widths drawn separately; every fourth case
//! has PyTorch's shapes instead (every width = n_head·d, d_k = d_v = d). Two
//! cases in three are causal. Weights are scaled by 1/√fan_in and biases are
//! nonzero, so scores stay moderate, except in every fourth case from index
//! 3, where the query projection is scaled so that the largest visible score
//! is 1e3: a softmax that does not subtract the row maximum overflows there.

use kata_harness::Inputs;
use kata_prelude::MhaWeights;
use ndarray::prelude::*;

use crate::gen::{self, int, linear, normal, size};
use crate::Rng;

/// The largest visible score of a stability case.
const LARGE_SCORE: f64 = 1e3;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let batch = size(rng, 1, gen::grow(index, 1, 3));
    let n = size(rng, 1, gen::grow(index, 1, 6));
    let n_head = size(rng, 1, gen::grow(index, 2, 4));
    let d_k = size(rng, 1, gen::grow(index, 2, 4));
    let d_v = size(rng, 1, gen::grow(index, 2, 4));
    let hi = gen::grow(index, 2, 6);
    let widths: [usize; 2] = std::array::from_fn(|_| size(rng, 1, hi));
    // Every fourth case has the shapes nn.MultiheadAttention supports.
    let (d_v, [d_model, d_o]) = match index % 4 {
        1 => (d_k, [n_head * d_k; 2]),
        _ => (d_v, widths),
    };
    let mut w = MhaWeights {
        q: linear(rng, d_model, n_head * d_k),
        k: linear(rng, d_model, n_head * d_k),
        v: linear(rng, d_model, n_head * d_v),
        o: linear(rng, n_head * d_v, d_o),
    };
    let x = normal(rng, (batch, n, d_model));
    let causal = index % 3 != 2;
    if index % 4 == 3 {
        let hidden = |_, i, j| causal && j > i;
        gen::scale_largest_score(&mut w, x.view(), x.view(), n_head, hidden, LARGE_SCORE);
    }
    Inputs::new()
        .with("x", x)
        .with("n_head", int(n_head))
        .with_mha("w", &w)
        .with("causal", arr0(causal))
}

/// The case `kata bench` times: one sequence of 512 tokens, 8 causal heads of
/// width 64 (model width 512).
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (n, e, n_head) = (gen::scaled(512, scale), 512, 8);
    let w = MhaWeights {
        q: linear(rng, e, e),
        k: linear(rng, e, e),
        v: linear(rng, e, e),
        o: linear(rng, e, e),
    };
    Inputs::new()
        .with("x", normal(rng, (1, n, e)))
        .with("n_head", int(n_head))
        .with_mha("w", &w)
        .with("causal", arr0(true))
}
