// expect: mistake interleaved_pairs
// Four nested index loops, rotating the adjacent pairs (2i, 2i + 1) as the
// RoFormer paper writes it.
use ndarray::prelude::*;

pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let (b, h, s, d) = x.dim();
    let mut out = Array4::<f64>::zeros((b, h, s, d));
    for bi in 0..b {
        for hi in 0..h {
            for t in 0..s {
                let pos = positions[t] as f64;
                for i in 0..d / 2 {
                    let freq = 1.0 / base.powf((2 * i) as f64 / d as f64);
                    let (sin, cos) = (pos * freq).sin_cos();
                    let a = x[[bi, hi, t, 2 * i]];
                    let c = x[[bi, hi, t, 2 * i + 1]];
                    out[[bi, hi, t, 2 * i]] = a * cos - c * sin;
                    out[[bi, hi, t, 2 * i + 1]] = c * cos + a * sin;
                }
            }
        }
    }
    out
}
