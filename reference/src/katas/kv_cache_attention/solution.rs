use ndarray::concatenate;
use ndarray::prelude::*;

/// Grouped-query attention of t new tokens over a KV cache. Returns
/// (output (batch, n_head, t, d_v), k_all (batch, n_kv_head, s + t, d),
///  v_all (batch, n_kv_head, s + t, d_v)).
pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    let (batch, n_head, t, d) = q.dim();
    let n_kv_head = k_cache.dim().1;
    let past = k_cache.dim().2;
    let k_all = concatenate(Axis(2), &[k_cache, k_new]).expect("caches and new tokens fit");
    let v_all = concatenate(Axis(2), &[v_cache, v_new]).expect("caches and new tokens fit");
    let d_v = v_all.dim().3;
    // Consecutive query heads share one KV head (as repeat_kv).
    let group = n_head / n_kv_head;
    let scale = 1.0 / (d as f64).sqrt();
    let mut out = Array4::zeros((batch, n_head, t, d_v));
    for b in 0..batch {
        for h in 0..n_head {
            let kv = h / group;
            let k = k_all.slice(s![b, kv, .., ..]);
            let v = v_all.slice(s![b, kv, .., ..]);
            let mut scores = q.slice(s![b, h, .., ..]).dot(&k.t()) * scale;
            for (i, mut row) in scores.rows_mut().into_iter().enumerate() {
                // New token i sits at position past + i: it sees keys 0..=past + i.
                row.slice_mut(s![past + i + 1..]).fill(f64::NEG_INFINITY);
                let max = row.fold(f64::NEG_INFINITY, |m, &x| m.max(x));
                row.mapv_inplace(|x| (x - max).exp());
                let sum = row.sum();
                row /= sum;
            }
            out.slice_mut(s![b, h, .., ..]).assign(&scores.dot(&v));
        }
    }
    (out, k_all, v_all)
}
