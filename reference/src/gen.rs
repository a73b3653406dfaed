//! Small helpers for the random-case generators.

use kata_prelude::{Linear, MhaWeights};
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

/// Scales the query projection of `w` (weight and bias) so that the largest
/// score q·k / √d_k that any query gives a key it sees (`hidden(b, i, j)`
/// false), over every head, becomes `largest`, when some such score is
/// positive: exp of it overflows, so a softmax that does not subtract the
/// row maximum gives NaN. The scores are linear in the query projection.
pub fn scale_largest_score(
    w: &mut MhaWeights,
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    n_head: usize,
    hidden: impl Fn(usize, usize, usize) -> bool,
    largest: f64,
) {
    let project = |x: ArrayView3<f64>, l: &Linear| {
        Array3::from_shape_fn((x.dim().0, x.dim().1, l.weight.nrows()), |(b, i, o)| {
            x.slice(s![b, i, ..]).dot(&l.weight.row(o)) + l.bias[o]
        })
    };
    let (qp, kp) = (project(q, &w.q), project(k, &w.k));
    let d_k = qp.dim().2 / n_head;
    let mut max = f64::NEG_INFINITY;
    for ((b, i, j), h) in ndarray::indices((qp.dim().0, qp.dim().1, kp.dim().1))
        .into_iter()
        .flat_map(|index| (0..n_head).map(move |h| (index, h)))
    {
        if !hidden(b, i, j) {
            let cols = h * d_k..(h + 1) * d_k;
            let score = qp.slice(s![b, i, cols.clone()]).dot(&kp.slice(s![b, j, cols])) / (d_k as f64).sqrt();
            max = max.max(score);
        }
    }
    if max > 0.0 {
        w.q.weight *= largest / max;
        w.q.bias *= largest / max;
    }
}

/// The factor to multiply a query by so that the largest of its `scores`
/// (which are linear in it) becomes `large`, or −`large` when `negative` and
/// the scores share a sign: exp of the raw scores then overflows, or
/// underflows to 0 everywhere (a maximum started at 0 rather than −∞ gives
/// 0/0), while a softmax shifted by the row maximum is unaffected.
pub fn stability_factor(scores: &[f64], negative: bool, large: f64) -> f64 {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = scores.iter().copied().fold(f64::INFINITY, f64::min);
    if negative && max < 0.0 {
        -large / max
    } else if negative && min > 0.0 {
        -large / min
    } else if max > 0.0 {
        large / max
    } else {
        // Every score negative: a negative factor flips the query, the
        // smallest score becoming the largest.
        large / min
    }
}

/// A layer from `fan_in` to `fan_out` features, weights scaled by 1/√fan_in
/// and nonzero biases, so attention scores stay moderate.
pub fn linear(rng: &mut Rng, fan_in: usize, fan_out: usize) -> Linear {
    Linear {
        weight: normal(rng, (fan_out, fan_in)) / (fan_in as f64).sqrt(),
        bias: normal(rng, fan_out) * 0.5,
    }
}
