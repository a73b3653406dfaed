use ndarray::prelude::*;

/// Scaled dot-product attention, one query row at a time with explicit loops.
///
/// Hidden keys get a weight of exactly zero and are left out of the row's
/// maximum and sum; the visible scores are shifted by the row maximum before
/// `exp`, so scores of ±1000 do not overflow.
pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (batch, n_q, d_k) = q.dim();
    let n_k = k.dim().1;
    let d_v = v.dim().2;
    let scale = 1.0 / (d_k as f64).sqrt();
    let mut attn = Array3::<f64>::zeros((batch, n_q, n_k));
    let mut output = Array3::<f64>::zeros((batch, n_q, d_v));
    for b in 0..batch {
        for i in 0..n_q {
            let mut scores = vec![0.0; n_k];
            let mut visible = vec![true; n_k];
            let mut max = f64::NEG_INFINITY;
            for j in 0..n_k {
                if let Some(m) = mask {
                    visible[j] = !m[[b, i, j]];
                }
                if !visible[j] {
                    continue;
                }
                let mut dot = 0.0;
                for t in 0..d_k {
                    dot += q[[b, i, t]] * k[[b, j, t]];
                }
                scores[j] = dot * scale;
                if scores[j] > max {
                    max = scores[j];
                }
            }
            let mut total = 0.0;
            for j in 0..n_k {
                if visible[j] {
                    scores[j] = (scores[j] - max).exp();
                    total += scores[j];
                } else {
                    scores[j] = 0.0;
                }
            }
            for j in 0..n_k {
                let weight = scores[j] / total;
                attn[[b, i, j]] = weight;
                for t in 0..d_v {
                    output[[b, i, t]] += weight * v[[b, j, t]];
                }
            }
        }
    }
    (attn, output)
}
