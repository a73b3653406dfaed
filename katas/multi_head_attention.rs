use kata_prelude::MhaWeights;
use ndarray::prelude::*;

/// Multi-head attention, as `torch.nn.MultiheadAttention(batch_first=True)`.
///
/// q (batch, n_q, e_q), k (batch, n_k, e_k), v (batch, n_k, e_v). The
/// projections give Q = q·W_qᵀ + b_q and K of width n_head·d_k, V of width
/// n_head·d_v; head h takes columns [h·d, (h+1)·d) of each. Every head is
/// scaled dot-product attention with scale √d_k, `mask` (batch, n_q, n_k)
/// (true = hidden) applying to every head. The heads' outputs are
/// concatenated in head order and projected: out = concat·W_oᵀ + b_o.
/// Returns (attn (batch, n_head, n_q, n_k), output (batch, n_q, d_o)).
pub fn multi_head_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
    n_head: usize,
    w: &MhaWeights,
) -> (Array4<f64>, Array3<f64>) {
    todo!()
}
