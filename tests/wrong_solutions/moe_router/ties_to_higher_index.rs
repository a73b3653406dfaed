// expect: mistake ties_to_higher_index
// Repeated arg-max with `>=`: among equal probabilities the LAST expert wins,
// where the spec (a stable sort) wants the lower index first.
use kata_prelude::Linear;
use ndarray::prelude::*;

pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n) = router_logits.dim();
    let mut weights = Array2::<f64>::zeros((tokens, k));
    let mut experts = Array2::<usize>::zeros((tokens, k));
    let mut frac = Array1::<f64>::zeros(n);
    let mut mean_p = Array1::<f64>::zeros(n);
    for t in 0..tokens {
        let row = router_logits.row(t);
        let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let ex: Vec<f64> = row.iter().map(|v| (v - m).exp()).collect();
        let z: f64 = ex.iter().sum();
        let probs: Vec<f64> = ex.iter().map(|v| v / z).collect();
        let mut left = probs.clone();
        let mut picked = Vec::new();
        for _ in 0..k {
            let mut best = 0;
            for e in 0..n {
                if left[e] >= left[best] {
                    best = e;
                }
            }
            picked.push(best);
            left[best] = f64::NEG_INFINITY;
        }
        let s: f64 = picked.iter().map(|&e| probs[e]).sum();
        for (j, &e) in picked.iter().enumerate() {
            weights[[t, j]] = probs[e] / s;
            experts[[t, j]] = e;
            frac[e] += 1.0 / tokens as f64;
        }
        for e in 0..n {
            mean_p[e] += probs[e] / tokens as f64;
        }
    }
    (weights, experts, n as f64 * frac.dot(&mean_p))
}

pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let logits = x.dot(&router.weight.t()) + &router.bias;
    let (w, e, _) = route(logits.view(), k);
    let mut out = Array2::<f64>::zeros((x.nrows(), experts[0].weight.nrows()));
    for ((t, j), &idx) in e.indexed_iter() {
        let y = experts[idx].weight.dot(&x.row(t)) + &experts[idx].bias;
        let mut row = out.row_mut(t);
        row += &(y * w[[t, j]]);
    }
    out
}
