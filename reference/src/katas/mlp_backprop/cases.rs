//! Random cases for `mlp_backprop`: one to four layers (none to three hidden
//! ones), widths of 1 to 8, one to a few dozen samples (m = 1 included), one
//! to five training steps. Every fourth case is the snippet's curve
//! y = 20·sin(2πx) on a [1, h, 1] net; every fourth has two or three hidden
//! layers as wide as the input, where feeding x to every hidden layer still
//! runs but goes wrong. Weights are scaled by 1/√fan_in and learning rates
//! kept small, so every value stays finite.

use std::f64::consts::PI;

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, int, normal, size, uniform};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let m = if index % 7 == 6 {
        1
    } else {
        size(rng, 1, gen::grow(index, 2, 40))
    };
    let wide = gen::grow(index, 2, 8);
    let (widths, x, y, lr) = match index % 4 {
        0 => {
            // The snippet's problem, on evenly spaced points of [0, 1).
            let x = Array::from_shape_fn((1, m), |(_, j)| j as f64 / m as f64);
            let y = x.mapv(|v| 20.0 * (2.0 * PI * v).sin());
            (vec![1, size(rng, 1, wide), 1], x, y, uniform(rng, 0.001, 0.02, ()))
        }
        3 => {
            let n0 = size(rng, 1, 3);
            let mut widths = vec![n0; size(rng, 3, 4)];
            widths.push(size(rng, 1, 3));
            let (x, y) = (normal(rng, (n0, m)), normal(rng, (widths[widths.len() - 1], m)));
            (widths, x, y, uniform(rng, 0.05, 0.5, ()))
        }
        _ => {
            let hidden = if index % 8 == 5 { 0 } else { size(rng, 1, 3) };
            let mut widths = vec![size(rng, 1, 3)];
            widths.extend((0..hidden).map(|_| size(rng, 1, wide)));
            widths.push(size(rng, 1, 3));
            let (x, y) = (normal(rng, (widths[0], m)), normal(rng, (widths[hidden + 1], m)));
            (widths, x, y, uniform(rng, 0.05, 0.5, ()))
        }
    };
    let weights: Vec<Array2<f64>> = widths
        .windows(2)
        .map(|p| normal(rng, (p[1], p[0])) / (p[0] as f64).sqrt())
        .collect();
    let biases: Vec<Array1<f64>> = widths[1..].iter().map(|&n| 0.5 * normal(rng, n)).collect();
    Inputs::new()
        .with_list("weights", weights)
        .with_list("biases", biases)
        .with("x", x)
        .with("y", y)
        .with("lr", lr)
        .with("steps", int(size(rng, 1, 5)))
}

/// The case `kata bench` times: a [32, 128, 128, 8] network on 2048 samples,
/// ten training steps.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let widths = [32, 128, 128, 8];
    let m = gen::scaled(2048, scale);
    let weights: Vec<Array2<f64>> = widths
        .windows(2)
        .map(|p| normal(rng, (p[1], p[0])) / (p[0] as f64).sqrt())
        .collect();
    let biases: Vec<Array1<f64>> = widths[1..].iter().map(|&n| 0.5 * normal(rng, n)).collect();
    Inputs::new()
        .with_list("weights", weights)
        .with_list("biases", biases)
        .with("x", normal(rng, (widths[0], m)))
        .with("y", normal(rng, (widths[3], m)))
        .with("lr", arr0(0.05))
        .with("steps", int(10))
}
