//! Small helpers for the random-case generators.

use kata_prelude::Linear;
use ndarray::prelude::*;
use rand::Rng as _;
use rand_distr::StandardNormal;

use crate::Rng;

/// An array of standard-normal draws.
pub fn normal<Sh: ShapeBuilder>(rng: &mut Rng, shape: Sh) -> Array<f64, Sh::Dim> {
    Array::from_shape_simple_fn(shape, || rng.sample(StandardNormal))
}

/// An array of uniform draws in `[lo, hi)`.
pub fn uniform<Sh: ShapeBuilder>(rng: &mut Rng, lo: f64, hi: f64, shape: Sh) -> Array<f64, Sh::Dim> {
    Array::from_shape_simple_fn(shape, || rng.random_range(lo..hi))
}

/// A size in `lo..=hi`.
pub fn size(rng: &mut Rng, lo: usize, hi: usize) -> usize {
    rng.random_range(lo..=hi)
}

/// A coin flip that comes up true with probability `p`.
pub fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.random_bool(p)
}

/// A 0-d integer input.
pub fn int(v: usize) -> Array0<i64> {
    arr0(v as i64)
}

/// A 1-d integer input.
pub fn ints(v: &[usize]) -> Array1<i64> {
    v.iter().map(|&x| x as i64).collect()
}

/// The upper bound of a shape range for the case at `index`: the first few
/// cases stay tiny so a failure is easy to read, later ones grow to `hi`.
pub fn grow(index: usize, lo: usize, hi: usize) -> usize {
    (lo + index / 2).min(hi)
}

/// A size of a bench case multiplied by `scale`, at least 1.
pub fn scaled(n: usize, scale: f64) -> usize {
    ((n as f64 * scale).round() as usize).max(1)
}

/// An attention mask (batch, n_q, n_k) in PyTorch's `masked_fill` convention:
/// `true` hides a key from a query, each with probability `p`, but every
/// query keeps at least one visible key (no row is wholly masked).
pub fn attention_mask(rng: &mut Rng, batch: usize, n_q: usize, n_k: usize, p: f64) -> Array3<bool> {
    let mut mask = Array3::from_shape_simple_fn((batch, n_q, n_k), || rng.random_bool(p));
    for mut row in mask.lanes_mut(Axis(2)) {
        if row.iter().all(|&hidden| hidden) {
            row[rng.random_range(0..n_k)] = false;
        }
    }
    mask
}

/// A layer from `fan_in` to `fan_out` features, weights scaled by 1/√fan_in
/// and nonzero biases, so attention scores stay moderate.
pub fn linear(rng: &mut Rng, fan_in: usize, fan_out: usize) -> Linear {
    Linear {
        weight: normal(rng, (fan_out, fan_in)) / (fan_in as f64).sqrt(),
        bias: normal(rng, fan_out) * 0.5,
    }
}
