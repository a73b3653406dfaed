use kata_prelude::Linear;
use ndarray::prelude::*;

/// Selection by repeated arg-max (strictly greater wins, so ties keep the
/// lower index) instead of a sort, and a dense mixture: every expert on
/// every token, the k chosen ones summed.
pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n) = router_logits.dim();
    let mut weights = Array2::<f64>::zeros((tokens, k));
    let mut experts = Array2::<usize>::zeros((tokens, k));
    let mut counts = vec![0usize; n];
    let mut mean_probs = vec![0.0; n];
    for t in 0..tokens {
        let row = router_logits.row(t);
        let max = row.iter().cloned().fold(f64::MIN, f64::max);
        let exps: Vec<f64> = row.iter().map(|&l| (l - max).exp()).collect();
        let total: f64 = exps.iter().sum();
        let probs: Vec<f64> = exps.iter().map(|e| e / total).collect();
        for e in 0..n {
            mean_probs[e] += probs[e] / tokens as f64;
        }
        let mut taken = vec![false; n];
        let mut picked_sum = 0.0;
        for j in 0..k {
            let mut best = usize::MAX;
            for e in 0..n {
                if !taken[e] && (best == usize::MAX || probs[e] > probs[best]) {
                    best = e;
                }
            }
            taken[best] = true;
            experts[[t, j]] = best;
            weights[[t, j]] = probs[best];
            picked_sum += probs[best];
            counts[best] += 1;
        }
        weights.row_mut(t).mapv_inplace(|w| w / picked_sum);
    }
    let aux: f64 = (0..n).map(|e| counts[e] as f64 / tokens as f64 * mean_probs[e]).sum();
    (weights, experts, aux * n as f64)
}

pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let logits = x.dot(&router.weight.t()) + &router.bias;
    let (weights, chosen, _) = route(logits.view(), k);
    let outputs: Vec<Array2<f64>> = experts.iter().map(|l| x.dot(&l.weight.t()) + &l.bias).collect();
    let mut out = Array2::zeros((x.nrows(), experts[0].bias.len()));
    for t in 0..x.nrows() {
        for j in 0..k {
            let y = outputs[chosen[[t, j]]].row(t).to_owned();
            let mut row = out.row_mut(t);
            row += &(y * weights[[t, j]]);
        }
    }
    out
}
