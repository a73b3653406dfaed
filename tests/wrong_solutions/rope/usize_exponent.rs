// expect: pattern confined
// Index loops; the exponent 2i/d computed in usize before the cast, so the
// integer division makes it 0 and every pair turns at 1 rad per position.
use ndarray::prelude::*;

pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let (b, h, s, d) = x.dim();
    let half = d / 2;
    let mut out = Array4::<f64>::zeros((b, h, s, d));
    for bi in 0..b {
        for hi in 0..h {
            for t in 0..s {
                for i in 0..half {
                    let theta = 1.0 / base.powf((2 * i / d) as f64);
                    let (sin, cos) = (positions[t] as f64 * theta).sin_cos();
                    let x1 = x[[bi, hi, t, i]];
                    let x2 = x[[bi, hi, t, i + half]];
                    out[[bi, hi, t, i]] = x1 * cos - x2 * sin;
                    out[[bi, hi, t, i + half]] = x2 * cos + x1 * sin;
                }
            }
        }
    }
    out
}
