// expect: pattern confined
// Rotate-half pairs, but the frequency table of width d built with
// repeat_interleave (θ0, θ0, θ1, θ1, …) instead of cat(freqs, freqs): the
// two conventions mixed.
use ndarray::prelude::*;

pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let d = x.dim().3;
    let half = d / 2;
    let freqs: Vec<f64> = (0..d)
        .map(|j| {
            let i = j / 2;
            base.powf(-(2.0 * i as f64) / d as f64)
        })
        .collect();
    let mut out = Array4::<f64>::zeros(x.raw_dim());
    for ((bi, hi, t, j), o) in out.indexed_iter_mut() {
        let angle = positions[t] as f64 * freqs[j];
        let rotated = if j < half { -x[[bi, hi, t, j + half]] } else { x[[bi, hi, t, j - half]] };
        *o = x[[bi, hi, t, j]] * angle.cos() + rotated * angle.sin();
    }
    out
}
