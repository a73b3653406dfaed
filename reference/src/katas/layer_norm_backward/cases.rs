//! Random cases for `layer_norm_backward`: x of rank 1 to 4 normalized over
//! its last 1 to 3 axes (always at least one leading axis from case 2 on, and
//! at least two leading axes in every third case, where summing dweight over
//! the first axis only differs from summing over all of them), each row with
//! its own offset (within ±1e3) and spread, weight and dy standard normal,
//! eps 1e-5, 1e-3 or 0.1.

use kata_harness::Inputs;
use ndarray::prelude::*;
use ndarray::IxDyn;

use crate::gen::{self, ints, normal, size, uniform};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let hi = gen::grow(index, 2, 6);
    let normalized: Vec<usize> = (0..size(rng, 1, if index < 4 { 1 } else { 3 }))
        .map(|_| size(rng, 2, hi))
        .collect();
    let leading_axes = match index {
        0 | 1 => index,
        _ if index % 3 == 2 => size(rng, 2, 3),
        _ => size(rng, 1, 2),
    };
    let mut shape: Vec<usize> = (0..leading_axes).map(|_| size(rng, 1, hi)).collect();
    // Two leading axes of which the first has length 1 would sum the same
    // either way.
    if leading_axes >= 2 {
        shape[0] = shape[0].max(2);
    }
    let rows: usize = shape.iter().product();
    shape.extend(&normalized);
    let inner: usize = normalized.iter().product();
    let offset = if index % 4 == 3 { 1e3 } else { 3.0 };
    let row_offset = uniform(rng, -offset, offset, rows);
    let row_spread = uniform(rng, 0.3, 3.0, rows);
    let mut x = normal(rng, (rows, inner));
    for (r, mut row) in x.rows_mut().into_iter().enumerate() {
        row.mapv_inplace(|v| v * row_spread[r] + row_offset[r]);
    }
    let x = x.into_shape_with_order(IxDyn(&shape)).expect("rows · inner elements");
    Inputs::new()
        .with("dy", normal(rng, IxDyn(&shape)))
        .with("x", x)
        .with("normalized_shape", ints(&normalized))
        .with("weight", normal(rng, IxDyn(&normalized)))
        .with("eps", arr0([1e-5, 1e-3, 0.1][size(rng, 0, 2)]))
}

/// The case `kata bench` times: the backward pass of the `layer_norm`
/// kata's bench case, x (8, 512, 768) over the last 768.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let shape = [gen::scaled(8, scale), gen::scaled(512, scale), 768];
    Inputs::new()
        .with("x", normal(rng, IxDyn(&shape)))
        .with("normalized_shape", ints(&[768]))
        .with("weight", normal(rng, 768))
        .with("eps", arr0(1e-5))
        .with("dy", normal(rng, IxDyn(&shape)))
}
