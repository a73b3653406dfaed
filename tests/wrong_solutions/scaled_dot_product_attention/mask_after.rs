// expect: mistake mask_after_softmax | invariant distribution
// A stable softmax per row, then the hidden weights zeroed.
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let batch = q.dim().0;
    let scale = 1.0 / (q.dim().2 as f64).sqrt();
    let mut attn = Array3::<f64>::zeros((batch, q.dim().1, k.dim().1));
    let mut out = Array3::<f64>::zeros((batch, q.dim().1, v.dim().2));
    for b in 0..batch {
        let scores = q.index_axis(Axis(0), b).dot(&k.index_axis(Axis(0), b).t()) * scale;
        let mut w = scores.clone();
        for mut row in w.rows_mut() {
            let m = row.iter().cloned().fold(f64::MIN, f64::max);
            row.mapv_inplace(|s| (s - m).exp());
            let z = row.sum();
            row /= z;
        }
        if let Some(mask) = mask {
            for ((i, j), p) in w.indexed_iter_mut() {
                if mask[[b, i, j]] {
                    *p = 0.0;
                }
            }
        }
        out.index_axis_mut(Axis(0), b).assign(&w.dot(&v.index_axis(Axis(0), b)));
        attn.index_axis_mut(Axis(0), b).assign(&w);
    }
    (attn, out)
}
