// expect: mistake aux_p_from_topk_weights
// Mixtral's order: top-k of the logits, then a softmax over those k only
// (the same weights). The loss's Pₑ then averages those sparse weights, not
// the full softmax.
use kata_prelude::Linear;
use ndarray::prelude::*;

pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n) = router_logits.dim();
    let mut weights = Array2::<f64>::zeros((tokens, k));
    let mut experts = Array2::<usize>::zeros((tokens, k));
    let mut dense = Array2::<f64>::zeros((tokens, n));
    for t in 0..tokens {
        let row = router_logits.row(t);
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by(|&a, &b| row[b].partial_cmp(&row[a]).unwrap());
        let top = &idx[..k];
        let max = row[top[0]];
        let exps: Vec<f64> = top.iter().map(|&e| (row[e] - max).exp()).collect();
        let z: f64 = exps.iter().sum();
        for j in 0..k {
            weights[[t, j]] = exps[j] / z;
            experts[[t, j]] = top[j];
            dense[[t, top[j]]] = exps[j] / z;
        }
    }
    let mut counts = vec![0.0; n];
    for &e in experts.iter() {
        counts[e] += 1.0;
    }
    let p_mean = dense.mean_axis(Axis(0)).unwrap();
    let aux: f64 = (0..n).map(|e| counts[e] / tokens as f64 * p_mean[e]).sum();
    (weights, experts, n as f64 * aux)
}

pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let logits = x.dot(&router.weight.t()) + &router.bias;
    let (w, e, _) = route(logits.view(), k);
    let mut out = Array2::<f64>::zeros((x.nrows(), experts[0].bias.len()));
    for t in 0..x.nrows() {
        for j in 0..k {
            let ex = &experts[e[[t, j]]];
            let y = ex.weight.dot(&x.row(t)) + &ex.bias;
            out.row_mut(t).scaled_add(w[[t, j]], &y);
        }
    }
    out
}
