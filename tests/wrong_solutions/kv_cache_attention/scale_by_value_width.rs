// expect: mistake scale_by_value_width
// Index loops over (batch, head, new token); the scores scaled by 1/√d_v,
// the width of the values, where the keys' width d belongs.
use ndarray::prelude::*;
use ndarray::concatenate;

pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    let k_all = concatenate(Axis(2), &[k_cache, k_new]).unwrap();
    let v_all = concatenate(Axis(2), &[v_cache, v_new]).unwrap();
    let (b, h, t, d) = q.dim();
    let (hk, s) = (k_cache.dim().1, k_cache.dim().2);
    let dv = v_all.dim().3;
    let group = h / hk;
    let scale = 1.0 / (dv as f64).sqrt();
    let mut out = Array4::<f64>::zeros((b, h, t, dv));
    for bi in 0..b {
        for hi in 0..h {
            let kv = hi / group;
            for i in 0..t {
                let visible = s + i + 1;
                let scores: Vec<f64> = (0..visible)
                    .map(|j| (0..d).map(|c| q[[bi, hi, i, c]] * k_all[[bi, kv, j, c]]).sum::<f64>() * scale)
                    .collect();
                let m = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let e: Vec<f64> = scores.iter().map(|&x| (x - m).exp()).collect();
                let z: f64 = e.iter().sum();
                for j in 0..visible {
                    for c in 0..dv {
                        out[[bi, hi, i, c]] += e[j] / z * v_all[[bi, kv, j, c]];
                    }
                }
            }
        }
    }
    (out, k_all, v_all)
}
