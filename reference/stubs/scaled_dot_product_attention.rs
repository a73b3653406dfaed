use ndarray::prelude::*;

/// Scaled dot-product attention.
///
/// q (batch, n_q, d_k), k (batch, n_k, d_k), v (batch, n_k, d_v).
/// scores = q·kᵀ / √d_k; where `mask` (batch, n_q, n_k) is `true` the score
/// becomes −∞ (the key is hidden from that query); softmax over the key axis.
/// Scores can be as large as ±1000.
/// Returns (attn (batch, n_q, n_k), output = attn·v (batch, n_q, d_v)).
pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    todo!()
}
