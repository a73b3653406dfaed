// expect: pattern non_finite
// The mask off by one: new token i sees keys 0..s + i, not itself (a
// decode step attends to the cache only, a prefill's first row to nothing).
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
    let dv = v_new.dim().3;
    let mut k_all = Array4::<f64>::zeros((batch, n_kv, s + t, d));
    let mut v_all = Array4::<f64>::zeros((batch, n_kv, s + t, dv));
    for (j, mut kj) in k_all.axis_iter_mut(Axis(2)).enumerate() {
        kj.assign(&if j < s { k_cache.index_axis(Axis(2), j) } else { k_new.index_axis(Axis(2), j - s) });
    }
    for (j, mut vj) in v_all.axis_iter_mut(Axis(2)).enumerate() {
        vj.assign(&if j < s { v_cache.index_axis(Axis(2), j) } else { v_new.index_axis(Axis(2), j - s) });
    }
    let per_kv = n_head / n_kv;
    let mut out = Array4::<f64>::zeros((batch, n_head, t, dv));
    for b in 0..batch {
        for h in 0..n_head {
            let k = k_all.slice(s![b, h / per_kv, .., ..]);
            let v = v_all.slice(s![b, h / per_kv, .., ..]);
            for i in 0..t {
                // Keys strictly before the query's position are visible.
                let scores: Vec<f64> = (0..s + t)
                    .map(|j| {
                        if j < s + i {
                            q.slice(s![b, h, i, ..]).dot(&k.row(j)) / (d as f64).sqrt()
                        } else {
                            f64::NEG_INFINITY
                        }
                    })
                    .collect();
                let m = scores.iter().fold(f64::NEG_INFINITY, |a, &x| a.max(x));
                let e: Vec<f64> = scores.iter().map(|x| (x - m).exp()).collect();
                let z: f64 = e.iter().sum();
                for (j, w) in e.iter().enumerate() {
                    out.slice_mut(s![b, h, i, ..]).scaled_add(w / z, &v.row(j));
                }
            }
        }
    }
    (out, k_all, v_all)
}
