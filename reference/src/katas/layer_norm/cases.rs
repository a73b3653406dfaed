//! Random cases for `layer_norm`: ranks 1 to 4, one to all axes normalized,
//! with and without each affine parameter (a bias alone too), and every fifth
//! case offset by about 1e6 against a spread of about 1 (where E[x²] − E[x]²
//! loses its digits).

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, chance, ints, normal, size};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let rank = size(rng, 1, 4);
    let hi = gen::grow(index, 2, 6);
    let shape: Vec<usize> = (0..rank).map(|_| size(rng, 1, hi)).collect();
    let normalized = size(rng, 1, rank);
    let normalized_shape = shape[rank - normalized..].to_vec();
    // A group of one element has zero variance: fine, but make most groups larger.
    let mut x = normal(rng, IxDyn(&shape));
    if index % 5 == 4 {
        x += 1e6;
    }
    let mut case = Inputs::new()
        .with("x", x)
        .with("normalized_shape", ints(&normalized_shape))
        .with("eps", arr0(if chance(rng, 0.5) { 1e-5 } else { 1e-3 }));
    if chance(rng, 0.7) {
        case.insert("weight", normal(rng, IxDyn(&normalized_shape)));
        if chance(rng, 0.8) {
            case.insert("bias", normal(rng, IxDyn(&normalized_shape)));
        }
    } else if chance(rng, 0.5) {
        // A bias without a weight: the two are optional each on its own.
        case.insert("bias", normal(rng, IxDyn(&normalized_shape)));
    }
    case
}

/// The case `kata bench` times: a transformer's activations, 8 sequences of
/// 512 tokens of width 768, normalized over the width, with weight and bias.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let shape = (gen::scaled(8, scale), gen::scaled(512, scale), 768);
    Inputs::new()
        .with("x", normal(rng, shape))
        .with("normalized_shape", ints(&[768]))
        .with("weight", normal(rng, 768))
        .with("bias", normal(rng, 768))
        .with("eps", arr0(1e-5))
}
