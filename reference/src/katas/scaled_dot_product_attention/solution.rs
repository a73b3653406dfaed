use ndarray::prelude::*;

/// Scaled dot-product attention.
///
/// q (batch, n_q, d_k), k (batch, n_k, d_k), v (batch, n_k, d_v).
/// scores = q·kᵀ / √d_k; where `mask` (batch, n_q, n_k) is `true` the score
/// becomes −∞ (the key is hidden from that query); softmax over the key axis.
/// Returns (attn (batch, n_q, n_k), output = attn·v (batch, n_q, d_v)).
pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (batch, n_q, d_k) = q.dim();
    let (_, n_k, d_v) = v.dim();
    let scale = (d_k as f64).sqrt();
    let mut attn = Array3::zeros((batch, n_q, n_k));
    let mut output = Array3::zeros((batch, n_q, d_v));
    for b in 0..batch {
        let (qb, kb, vb) = (
            q.index_axis(Axis(0), b),
            k.index_axis(Axis(0), b),
            v.index_axis(Axis(0), b),
        );
        let mut scores = qb.dot(&kb.t()) / scale;
        if let Some(mask) = mask {
            scores.zip_mut_with(&mask.index_axis(Axis(0), b), |s, &hidden| {
                if hidden {
                    *s = f64::NEG_INFINITY;
                }
            });
        }
        let weights = softmax_over_keys(scores);
        output.index_axis_mut(Axis(0), b).assign(&weights.dot(&vb));
        attn.index_axis_mut(Axis(0), b).assign(&weights);
    }
    (attn, output)
}

/// Softmax of each row (n_q, n_k) over the keys. The row maximum is
/// subtracted first, so `exp` never overflows however large the scores.
fn softmax_over_keys(scores: Array2<f64>) -> Array2<f64> {
    let keys = Axis(1);
    let max = scores.map_axis(keys, |row| row.fold(f64::NEG_INFINITY, |m, &s| m.max(s)));
    let e = (scores - &max.insert_axis(keys)).mapv_into(f64::exp);
    let sum = e.sum_axis(keys);
    e / &sum.insert_axis(keys)
}
