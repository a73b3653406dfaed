// expect: mistake positions_ignored
// Rows rotated in place, plane by plane; the angle uses the row's
// index in the sequence, as if every call started at position 0.
use ndarray::prelude::*;

pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let (_, _, seq, d) = x.dim();
    assert_eq!(positions.len(), seq);
    let half = d / 2;
    let mut out = x.to_owned();
    for mut batch in out.outer_iter_mut() {
        for mut plane in batch.outer_iter_mut() {
            for (t, mut row) in plane.outer_iter_mut().enumerate() {
                let orig = row.to_owned();
                for i in 0..half {
                    let theta = (t as f64) * base.powf(-2.0 * i as f64 / d as f64);
                    let (s, c) = theta.sin_cos();
                    row[i] = orig[i] * c - orig[i + half] * s;
                    row[i + half] = orig[i + half] * c + orig[i] * s;
                }
            }
        }
    }
    out
}
