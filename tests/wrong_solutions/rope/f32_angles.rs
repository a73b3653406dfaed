// expect: pattern confined
// Index loops; the angle computed in f32 as transformers' LlamaRotaryEmbedding
// does, which is off by ~1e-3 at large positions.
use ndarray::prelude::*;

pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let (b, h, s, d) = x.dim();
    let half = d / 2;
    let mut out = Array4::<f64>::zeros((b, h, s, d));
    for t in 0..s {
        for i in 0..half {
            let inv_freq = 1.0 / (base as f32).powf((2 * i) as f32 / d as f32);
            let angle = positions[t] as f32 * inv_freq;
            let (c, sn) = (angle.cos() as f64, angle.sin() as f64);
            for bi in 0..b {
                for hi in 0..h {
                    let x1 = x[[bi, hi, t, i]];
                    let x2 = x[[bi, hi, t, i + half]];
                    out[[bi, hi, t, i]] = x1 * c - x2 * sn;
                    out[[bi, hi, t, i + half]] = x2 * c + x1 * sn;
                }
            }
        }
    }
    out
}
