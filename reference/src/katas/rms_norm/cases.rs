//! Random cases for `rms_norm`: ranks 1 to 4, one to all axes normalized,
//! eps from 1e-6 to 0.1, and every fourth case scaled down to about 0.03 so
//! that eps weighs against mean(x²). Every case carries a weight (the
//! backward takes one) and an upstream gradient dy shaped like x.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, ints, normal, size, uniform};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let rank = size(rng, 1, 4);
    let hi = gen::grow(index, 2, 6);
    let shape: Vec<usize> = (0..rank).map(|_| size(rng, 1, hi)).collect();
    let normalized = size(rng, 1, rank);
    let normalized_shape = shape[rank - normalized..].to_vec();
    let scale = if index % 4 == 3 { 0.03 } else { uniform(rng, 0.5, 3.0, ())[()] };
    let eps = [1e-6, 1e-5, 1e-3, 0.1][size(rng, 0, 3)];
    Inputs::new()
        .with("x", normal(rng, IxDyn(&shape)) * scale)
        .with("normalized_shape", ints(&normalized_shape))
        .with("weight", normal(rng, IxDyn(&normalized_shape)))
        .with("eps", arr0(eps))
        .with("dy", normal(rng, IxDyn(&shape)))
}

/// The case `kata bench` times: a transformer's activations, 8 sequences of
/// 512 tokens of width 768, normalized over the width.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let shape = (gen::scaled(8, scale), gen::scaled(512, scale), 768);
    Inputs::new()
        .with("x", normal(rng, shape))
        .with("normalized_shape", ints(&[768]))
        .with("weight", normal(rng, 768))
        .with("eps", arr0(1e-6))
        .with("dy", normal(rng, shape))
}
