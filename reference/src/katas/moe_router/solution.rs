use kata_prelude::Linear;
use ndarray::prelude::*;

/// Top-k routing of a Mixtral-style mixture of experts.
///
/// `router_logits` is (tokens, n_experts). Per token: probs = softmax over
/// the experts; the k largest, in descending order (ties to the lower expert
/// index); weights = those probabilities divided by their sum. aux_loss =
/// n_experts · Σₑ fₑ·Pₑ, fₑ the fraction of tokens that chose e among their
/// k, Pₑ the mean of probs[·, e]. Returns (weights (tokens, k), experts
/// (tokens, k), aux_loss).
pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n_experts) = router_logits.dim();
    let probs = softmax_rows(router_logits);
    let mut weights = Array2::zeros((tokens, k));
    let mut experts = Array2::zeros((tokens, k));
    let mut chosen = Array1::<f64>::zeros(n_experts);
    for (t, row) in probs.rows().into_iter().enumerate() {
        // A stable sort, so equal probabilities keep the lower index first.
        let mut order: Vec<usize> = (0..n_experts).collect();
        order.sort_by(|&a, &b| row[b].total_cmp(&row[a]));
        let top = &order[..k];
        let total: f64 = top.iter().map(|&e| row[e]).sum();
        for (j, &e) in top.iter().enumerate() {
            weights[[t, j]] = row[e] / total;
            experts[[t, j]] = e;
            chosen[e] += 1.0;
        }
    }
    let f = chosen / tokens as f64;
    let p = probs.mean_axis(Axis(0)).expect("at least one token");
    let aux_loss = n_experts as f64 * f.dot(&p);
    (weights, experts, aux_loss)
}

/// Σⱼ weights[t, j] · experts[experts[t, j]](x[t]) for every token t, with
/// the router's logits x·routerᵀ routed by [`route`].
pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let logits = x.dot(&router.weight.t()) + &router.bias;
    let (weights, chosen, _) = route(logits.view(), k);
    let d_out = experts[0].weight.nrows();
    let mut out = Array2::zeros((x.nrows(), d_out));
    // Expert by expert: gather the tokens routed to it, run the layer on
    // them at once, and add each result with its token's weight.
    for (e, expert) in experts.iter().enumerate() {
        let routed: Vec<(usize, f64)> = chosen
            .indexed_iter()
            .filter(|(_, &c)| c == e)
            .map(|((t, j), _)| (t, weights[[t, j]]))
            .collect();
        if routed.is_empty() {
            continue;
        }
        let rows: Vec<usize> = routed.iter().map(|&(t, _)| t).collect();
        let y = x.select(Axis(0), &rows).dot(&expert.weight.t()) + &expert.bias;
        for (&(t, w), y_row) in routed.iter().zip(y.rows()) {
            out.row_mut(t).scaled_add(w, &y_row);
        }
    }
    out
}

/// Softmax of each row, its maximum subtracted first.
fn softmax_rows(logits: ArrayView2<f64>) -> Array2<f64> {
    let mut probs = logits.to_owned();
    for mut row in probs.rows_mut() {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        row.mapv_inplace(|v| (v - max).exp());
        let sum = row.sum();
        row /= sum;
    }
    probs
}
