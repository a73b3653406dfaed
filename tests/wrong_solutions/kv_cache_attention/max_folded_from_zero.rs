// expect: pattern non_finite_rows | pattern non_finite
// Index loops; the softmax subtracts a maximum folded from 0.0 instead of
// −∞: right when some score is positive, but a query whose scores are all
// near −1e3 underflows every exp to 0 and divides 0 by 0.
use ndarray::prelude::*;

pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    let (batch, n_head, t, d) = q.dim();
    let (_, n_kv, s, _) = k_cache.dim();
    let d_v = v_cache.dim().3;
    let mut k_all = Array4::<f64>::zeros((batch, n_kv, s + t, d));
    let mut v_all = Array4::<f64>::zeros((batch, n_kv, s + t, d_v));
    k_all.slice_mut(s![.., .., ..s, ..]).assign(&k_cache);
    k_all.slice_mut(s![.., .., s.., ..]).assign(&k_new);
    v_all.slice_mut(s![.., .., ..s, ..]).assign(&v_cache);
    v_all.slice_mut(s![.., .., s.., ..]).assign(&v_new);
    let group = n_head / n_kv;
    let mut out = Array4::<f64>::zeros((batch, n_head, t, d_v));
    for b in 0..batch {
        for h in 0..n_head {
            let g = h / group;
            for i in 0..t {
                let seen = s + i + 1;
                let mut w = vec![0.0; seen];
                for j in 0..seen {
                    let mut dot = 0.0;
                    for c in 0..d {
                        dot += q[[b, h, i, c]] * k_all[[b, g, j, c]];
                    }
                    w[j] = dot / (d as f64).sqrt();
                }
                let m = w.iter().fold(0.0, |a: f64, &x| a.max(x));
                let mut z = 0.0;
                for x in w.iter_mut() {
                    *x = (*x - m).exp();
                    z += *x;
                }
                for j in 0..seen {
                    for c in 0..d_v {
                        out[[b, h, i, c]] += w[j] / z * v_all[[b, g, j, c]];
                    }
                }
            }
        }
    }
    (out, k_all, v_all)
}
