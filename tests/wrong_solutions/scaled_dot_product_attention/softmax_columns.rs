// expect: mistake softmax_over_queries | invariant distribution
// Broadcasting over the whole batch; the normalization sums over the query axis.
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (batch, nq, d) = q.dim();
    let nk = k.dim().1;
    let mut scores = Array3::<f64>::zeros((batch, nq, nk));
    for b in 0..batch {
        scores
            .index_axis_mut(Axis(0), b)
            .assign(&(q.index_axis(Axis(0), b).dot(&k.index_axis(Axis(0), b).t()) / (d as f64).sqrt()));
    }
    if let Some(m) = mask {
        scores.zip_mut_with(&m, |s, &h| {
            if h {
                *s = f64::NEG_INFINITY
            }
        });
    }
    let max = scores.fold_axis(Axis(1), f64::NEG_INFINITY, |a, &b| a.max(b));
    let e = (&scores - &max.insert_axis(Axis(1))).mapv(f64::exp);
    let z = e.sum_axis(Axis(1));
    let attn = &e / &z.insert_axis(Axis(1));
    let mut out = Array3::<f64>::zeros((batch, nq, v.dim().2));
    for b in 0..batch {
        out.index_axis_mut(Axis(0), b)
            .assign(&attn.index_axis(Axis(0), b).dot(&v.index_axis(Axis(0), b)));
    }
    (attn, out)
}
