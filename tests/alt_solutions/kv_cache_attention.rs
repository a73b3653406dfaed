use ndarray::prelude::*;

/// GQA over a KV cache with index loops and an online (streaming) softmax:
/// each query row walks its visible keys once, rescaling the running sum
/// whenever a larger score appears, as flash attention does.
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
    let mut k_all = Array4::zeros((batch, n_kv, s + t, d));
    let mut v_all = Array4::zeros((batch, n_kv, s + t, d_v));
    for b in 0..batch {
        for g in 0..n_kv {
            for j in 0..s + t {
                for c in 0..d {
                    k_all[[b, g, j, c]] = if j < s { k_cache[[b, g, j, c]] } else { k_new[[b, g, j - s, c]] };
                }
                for c in 0..d_v {
                    v_all[[b, g, j, c]] = if j < s { v_cache[[b, g, j, c]] } else { v_new[[b, g, j - s, c]] };
                }
            }
        }
    }
    let heads_per_kv = n_head / n_kv;
    let mut out = Array4::zeros((batch, n_head, t, d_v));
    for b in 0..batch {
        for h in 0..n_head {
            let g = h / heads_per_kv;
            for i in 0..t {
                let mut running_max = f64::NEG_INFINITY;
                let mut denom = 0.0;
                let mut acc = vec![0.0; d_v];
                for j in 0..=s + i {
                    let mut score = 0.0;
                    for c in 0..d {
                        score += q[[b, h, i, c]] * k_all[[b, g, j, c]];
                    }
                    score /= (d as f64).sqrt();
                    let new_max = running_max.max(score);
                    let rescale = (running_max - new_max).exp();
                    let w = (score - new_max).exp();
                    denom = denom * rescale + w;
                    for c in 0..d_v {
                        acc[c] = acc[c] * rescale + w * v_all[[b, g, j, c]];
                    }
                    running_max = new_max;
                }
                for c in 0..d_v {
                    out[[b, h, i, c]] = acc[c] / denom;
                }
            }
        }
    }
    (out, k_all, v_all)
}
