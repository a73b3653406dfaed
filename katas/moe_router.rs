use kata_prelude::Linear;
use ndarray::prelude::*;

/// Top-k routing of a Mixtral-style mixture of experts.
///
/// `router_logits` is (tokens, n_experts), 1 ≤ k ≤ n_experts. Per token:
/// probs = softmax over the experts; take the k largest probabilities in
/// descending order (equal ones: the lower expert index first); their
/// weights are those probabilities divided by their sum.
/// aux_loss = n_experts · Σₑ fₑ·Pₑ, with fₑ = (tokens that chose e among
/// their k) / tokens and Pₑ = the mean over tokens of probs[·, e].
/// Returns (weights (tokens, k), experts (tokens, k), aux_loss).
pub fn route(
    router_logits: ArrayView2<f64>,
    k: usize,
) -> (Array2<f64>, Array2<usize>, f64) {
    todo!()
}

/// The mixture's output for each token t: Σⱼ weights[t, j] ·
/// experts[experts[t, j]](x[t]), where (weights, experts) route the router's
/// logits x·router.weightᵀ + router.bias. Each `Linear` computes
/// y = x·weightᵀ + bias. x is (tokens, d); returns (tokens, d_out).
pub fn moe_forward(
    x: ArrayView2<f64>,
    router: &Linear,
    experts: &[Linear],
    k: usize,
) -> Array2<f64> {
    todo!()
}
