// expect: pattern renumbered | pattern confined | pattern reordered
// Index loops; the experts are ranked with sort_unstable_by, which leaves
// equal probabilities in any order (it happens to be stable on short
// slices), so with 64 experts a tie can pick other experts than the lowest.
use kata_prelude::Linear;
use ndarray::prelude::*;

pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n) = router_logits.dim();
    let mut weights = Array2::<f64>::zeros((tokens, k));
    let mut experts = Array2::<usize>::zeros((tokens, k));
    let mut count = vec![0.0; n];
    let mut mean_p = vec![0.0; n];
    for t in 0..tokens {
        let mut max = f64::NEG_INFINITY;
        for e in 0..n {
            max = max.max(router_logits[[t, e]]);
        }
        let mut p = vec![0.0; n];
        let mut z = 0.0;
        for e in 0..n {
            p[e] = (router_logits[[t, e]] - max).exp();
            z += p[e];
        }
        for e in 0..n {
            p[e] /= z;
            mean_p[e] += p[e] / tokens as f64;
        }
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_unstable_by(|&a, &b| p[b].partial_cmp(&p[a]).unwrap());
        let mut s = 0.0;
        for j in 0..k {
            s += p[idx[j]];
        }
        for j in 0..k {
            experts[[t, j]] = idx[j];
            weights[[t, j]] = p[idx[j]] / s;
            count[idx[j]] += 1.0;
        }
    }
    let mut aux = 0.0;
    for e in 0..n {
        aux += count[e] / tokens as f64 * mean_p[e];
    }
    (weights, experts, n as f64 * aux)
}

pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let logits = x.dot(&router.weight.t()) + &router.bias;
    let (w, chosen, _) = route(logits.view(), k);
    let d_out = experts[0].bias.len();
    let mut out = Array2::<f64>::zeros((x.nrows(), d_out));
    for t in 0..x.nrows() {
        for j in 0..k {
            let ex = &experts[chosen[[t, j]]];
            let y = ex.weight.dot(&x.row(t)) + &ex.bias;
            out.row_mut(t).scaled_add(w[[t, j]], &y);
        }
    }
    out
}
