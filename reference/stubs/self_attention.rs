use kata_prelude::MhaWeights;
use ndarray::prelude::*;

/// Multi-head self-attention, optionally causal (as in decoder-only
/// transformers).
///
/// x (batch, n, d_model) gives the queries, keys and values alike:
/// Q = x·W_qᵀ + b_q and K have width n_head·d_k, V = x·W_vᵀ + b_v has width
/// n_head·d_v; head h takes columns [h·d, (h+1)·d). Every head is scaled
/// dot-product attention with scale √d_k; if `causal`, position i attends
/// only to positions j ≤ i. The heads' outputs are concatenated in head
/// order and projected: out = concat·W_oᵀ + b_o.
/// Returns (attn (batch, n_head, n, n), output (batch, n, d_o)).
pub fn self_attention(
    x: ArrayView3<f64>,
    n_head: usize,
    w: &MhaWeights,
    causal: bool,
) -> (Array4<f64>, Array3<f64>) {
    todo!()
}
