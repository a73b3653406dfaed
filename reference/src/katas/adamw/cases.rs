//! Random cases for `adamw`: parameter vectors of 1 to 64 entries, gradients
//! of scale 1e-4 to 10 (so that eps weighs in sometimes), steps t from 1 (with
//! zero moments, as torch starts) to 1000 (with moments of the gradient's
//! scale), and hyperparameters from the ranges people use and beyond: lr up to
//! 0.5 and weight_decay up to 0.5, so that when the decay is applied matters,
//! eps up to 0.1, beta1 0.9 or 0.5, beta2 0.999 or 0.9.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, int, normal, size, uniform};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let n = size(rng, 1, gen::grow(index, 3, 64));
    let scale = [1e-4, 0.1, 1.0, 10.0][size(rng, 0, 3)];
    let t = [1, 1, 2, 3, 10, 100, 1000][size(rng, 0, 6)];
    let (m, v) = if t == 1 {
        (Array1::zeros(n), Array1::zeros(n))
    } else {
        (normal(rng, n) * scale * 0.5, uniform(rng, 0.0, 1.0, n) * scale * scale)
    };
    Inputs::new()
        .with("p", normal(rng, n))
        .with("g", normal(rng, n) * scale)
        .with("m", m)
        .with("v", v)
        .with("t", int(t))
        .with("lr", arr0([1e-3, 1e-2, 0.1, 0.5][size(rng, 0, 3)]))
        .with("beta1", arr0([0.9, 0.9, 0.5][size(rng, 0, 2)]))
        .with("beta2", arr0([0.999, 0.999, 0.9][size(rng, 0, 2)]))
        .with("eps", arr0([1e-8, 1e-3, 0.1][size(rng, 0, 2)]))
        .with("weight_decay", arr0([0.0, 0.01, 0.1, 0.5][size(rng, 0, 3)]))
}

/// The case `kata bench` times: one step on 4 million parameters (a small
/// model's worth), mid-training (t = 100).
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let n = gen::scaled(4_000_000, scale);
    Inputs::new()
        .with("p", normal(rng, n))
        .with("g", normal(rng, n) * 0.1)
        .with("m", normal(rng, n) * 0.05)
        .with("v", uniform(rng, 0.0, 0.01, n))
        .with("t", int(100))
        .with("lr", arr0(1e-3))
        .with("beta1", arr0(0.9))
        .with("beta2", arr0(0.999))
        .with("eps", arr0(1e-8))
        .with("weight_decay", arr0(0.01))
}
