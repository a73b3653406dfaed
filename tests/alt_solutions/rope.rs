use ndarray::prelude::*;

/// RoPE as out = x·cos + rotate_half(x)·sin, with cos and sin repeated over
/// both halves and the frequencies built as transformers builds inv_freq.
pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let (batch, heads, seq, d) = x.dim();
    let half = d / 2;
    let inv_freq: Vec<f64> = (0..d)
        .step_by(2)
        .map(|j| 1.0 / base.powf(j as f64 / d as f64))
        .collect();
    let mut out = Array4::zeros((batch, heads, seq, d));
    for b in 0..batch {
        for h in 0..heads {
            for s in 0..seq {
                for j in 0..d {
                    let angle = positions[s] as f64 * inv_freq[j % half];
                    let rotated = if j < half { -x[[b, h, s, j + half]] } else { x[[b, h, s, j - half]] };
                    out[[b, h, s, j]] = x[[b, h, s, j]] * angle.cos() + rotated * angle.sin();
                }
            }
        }
    }
    out
}
