// expect: mistake mask_top_left
// The KV heads repeated first (repeat_kv materialized), scores by dot, and a
// causal mask built as for a square matrix: new token i sees keys 0..=i.
use ndarray::prelude::*;
use ndarray::concatenate;

pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    let (batch, n_head, t, d) = q.dim();
    let n_kv = k_cache.dim().1;
    let k_all = concatenate![Axis(2), k_cache, k_new];
    let v_all = concatenate![Axis(2), v_cache, v_new];
    let n_rep = n_head / n_kv;
    let mut out = Array4::<f64>::zeros((batch, n_head, t, v_all.dim().3));
    for b in 0..batch {
        let ks: Vec<ArrayView2<f64>> = (0..n_head).map(|h| k_all.slice(s![b, h / n_rep, .., ..])).collect();
        let vs: Vec<ArrayView2<f64>> = (0..n_head).map(|h| v_all.slice(s![b, h / n_rep, .., ..])).collect();
        for h in 0..n_head {
            let mut scores = q.slice(s![b, h, .., ..]).dot(&ks[h].t()) / (d as f64).sqrt();
            for ((i, j), v) in scores.indexed_iter_mut() {
                if j > i {
                    *v = f64::NEG_INFINITY;
                }
            }
            for mut row in scores.rows_mut() {
                let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                row.mapv_inplace(|v| (v - m).exp());
                let z = row.sum();
                row /= z;
            }
            out.slice_mut(s![b, h, .., ..]).assign(&scores.dot(&vs[h]));
        }
    }
    (out, k_all, v_all)
}
