use ndarray::prelude::*;

/// Grouped-query attention of t new tokens over a KV cache. Returns
/// (output (batch, n_head, t, d_v), k_all (batch, n_kv_head, s + t, d),
///  v_all (batch, n_kv_head, s + t, d_v)).
///
/// q is (batch, n_head, t, d); k_cache / v_cache hold s earlier tokens (s may
/// be 0), k_new / v_new the t new ones; k_all / v_all are cache then new
/// along the sequence axis. Query head h reads KV head
/// h / (n_head / n_kv_head).
/// New token i sits at position s + i and attends to keys 0..=s + i; scores
/// are scaled by 1/√d, softmax over keys.
pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    todo!()
}
