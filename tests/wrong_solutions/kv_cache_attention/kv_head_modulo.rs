// expect: mistake kv_head_modulo
// Explicit index loops over keys; query head h reads KV head h % n_kv_head
// (round-robin, as if the KV heads were tiled rather than repeated).
use ndarray::prelude::*;

pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    let (b, nh, t, d) = q.dim();
    let (_, nkv, s, _) = k_cache.dim();
    let dv = v_new.dim().3;
    let total = s + t;
    let mut k_all = Array4::<f64>::zeros((b, nkv, total, d));
    let mut v_all = Array4::<f64>::zeros((b, nkv, total, dv));
    k_all.slice_mut(s![.., .., ..s, ..]).assign(&k_cache);
    k_all.slice_mut(s![.., .., s.., ..]).assign(&k_new);
    v_all.slice_mut(s![.., .., ..s, ..]).assign(&v_cache);
    v_all.slice_mut(s![.., .., s.., ..]).assign(&v_new);
    let scale = (d as f64).sqrt();
    let mut out = Array4::<f64>::zeros((b, nh, t, dv));
    for bi in 0..b {
        for h in 0..nh {
            let kvh = h % nkv;
            for i in 0..t {
                let visible = s + i + 1;
                let mut w = vec![0.0; visible];
                for j in 0..visible {
                    let mut dot = 0.0;
                    for c in 0..d {
                        dot += q[[bi, h, i, c]] * k_all[[bi, kvh, j, c]];
                    }
                    w[j] = dot / scale;
                }
                let m = w.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let mut z = 0.0;
                for v in w.iter_mut() {
                    *v = (*v - m).exp();
                    z += *v;
                }
                for j in 0..visible {
                    for c in 0..dv {
                        out[[bi, h, i, c]] += w[j] / z * v_all[[bi, kvh, j, c]];
                    }
                }
            }
        }
    }
    (out, k_all, v_all)
}
