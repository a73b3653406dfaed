//! Random cases for `batch_norm`: inputs of rank 2 to 5, (N, C) up to
//! (N, C, D, H, W), with batch and channel counts from 1 and spatial sizes
//! from 1 (but N times the spatial size is at least 2, so the unbiased
//! variance is finite). Each channel has its own offset and spread. Two cases
//! in three train, the others evaluate; weight and bias are each present or
//! absent; momentum is 0.1, 0.01, 0.3 or 1 and eps 1e-5, 1e-3 or 0.1.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, chance, normal, size, uniform};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let hi = gen::grow(index, 2, 4);
    let max_rank = if index < 4 { 3 } else { 5 };
    let shape = loop {
        let rank = size(rng, 2, max_rank);
        let shape: Vec<usize> = (0..rank).map(|_| size(rng, 1, hi)).collect();
        // The count each channel's statistics run over: N · spatial.
        if shape.iter().product::<usize>() / shape[1] >= 2 {
            break shape;
        }
    };
    let channels = shape[1];
    let offset = normal(rng, channels) * 3.0;
    let spread = uniform(rng, 0.3, 3.0, channels);
    let mut x = normal(rng, IxDyn(&shape));
    for (c, mut channel) in x.axis_iter_mut(Axis(1)).enumerate() {
        channel.mapv_inplace(|v| v * spread[c] + offset[c]);
    }
    let momentum = [0.1, 0.01, 0.3, 1.0][size(rng, 0, 3)];
    let eps = [1e-5, 1e-3, 0.1][size(rng, 0, 2)];
    let mut case = Inputs::new()
        .with("x", x)
        .with("running_mean", normal(rng, channels))
        .with("running_var", uniform(rng, 0.5, 2.0, channels))
        .with("training", arr0(index % 3 != 1))
        .with("momentum", arr0(momentum))
        .with("eps", arr0(eps));
    if chance(rng, 0.7) {
        case.insert("weight", normal(rng, channels));
    }
    if chance(rng, 0.7) {
        case.insert("bias", normal(rng, channels));
    }
    case
}

/// The case `kata bench` times: a training step on 16 images of 64 channels
/// at 56×56, with weight and bias.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    // At least 2×2 pixels, so the unbiased variance stays finite when scaled down.
    let side = gen::scaled(56, scale).max(2);
    let channels = 64;
    Inputs::new()
        .with("x", normal(rng, (gen::scaled(16, scale), channels, side, side)))
        .with("running_mean", normal(rng, channels))
        .with("running_var", uniform(rng, 0.5, 2.0, channels))
        .with("weight", normal(rng, channels))
        .with("bias", normal(rng, channels))
        .with("training", arr0(true))
        .with("momentum", arr0(0.1))
        .with("eps", arr0(1e-5))
}
