// expect: mistake no_scaling
// Scores summed by iterator folds, never scaled.
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (batch, nq, _) = q.dim();
    let nk = k.dim().1;
    let dv = v.dim().2;
    let mut attn = Array3::<f64>::zeros((batch, nq, nk));
    for b in 0..batch {
        for i in 0..nq {
            let scores: Vec<f64> = (0..nk)
                .map(|j| {
                    if mask.is_some_and(|m| m[[b, i, j]]) {
                        f64::NEG_INFINITY
                    } else {
                        q.slice(s![b, i, ..]).iter().zip(k.slice(s![b, j, ..]).iter()).fold(0.0, |a, (x, y)| a + x * y)
                    }
                })
                .collect();
            let top = scores.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
            let exps: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let sum: f64 = exps.iter().sum();
            for j in 0..nk {
                attn[[b, i, j]] = exps[j] / sum;
            }
        }
    }
    let out = Array3::from_shape_fn((batch, nq, dv), |(b, i, t)| (0..nk).map(|j| attn[[b, i, j]] * v[[b, j, t]]).sum());
    (attn, out)
}
