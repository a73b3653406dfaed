// expect: pattern non_finite_rows | pattern non_finite | pattern overflow | mistake no_max_subtraction
// Per row with ndarray; the maximum subtracted before exp is folded from 0.0
// instead of −∞. Right while a visible score is positive, but a query whose
// scores are all near −1e3 underflows every exp to 0 and divides 0 by 0.
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (batch, n_q, d_k) = q.dim();
    let (n_k, d_v) = (k.dim().1, v.dim().2);
    let mut attn = Array3::<f64>::zeros((batch, n_q, n_k));
    let mut out = Array3::<f64>::zeros((batch, n_q, d_v));
    for b in 0..batch {
        let mut scores = q.index_axis(Axis(0), b).dot(&k.index_axis(Axis(0), b).t()) / (d_k as f64).sqrt();
        if let Some(m) = &mask {
            scores.zip_mut_with(&m.index_axis(Axis(0), b), |s, &hidden| {
                if hidden {
                    *s = f64::NEG_INFINITY;
                }
            });
        }
        for mut row in scores.rows_mut() {
            let max = row.fold(0.0, |a: f64, &x| a.max(x));
            row.mapv_inplace(|x| (x - max).exp());
            let sum = row.sum();
            row /= sum;
        }
        out.index_axis_mut(Axis(0), b).assign(&scores.dot(&v.index_axis(Axis(0), b)));
        attn.index_axis_mut(Axis(0), b).assign(&scores);
    }
    (attn, out)
}
