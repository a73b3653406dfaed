// expect: mistake experts_in_index_order
// Top-k as a mask: the k-th largest probability is a threshold, experts
// above it (then equal to it, lower index first) are chosen, and the chosen
// are listed by scanning the experts in index order.
use kata_prelude::Linear;
use ndarray::prelude::*;

fn softmax(row: ArrayView1<f64>) -> Array1<f64> {
    let m = row.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
    let e = row.mapv(|v| (v - m).exp());
    let s = e.sum();
    e / s
}

pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n) = router_logits.dim();
    let mut weights = Array2::<f64>::zeros((tokens, k));
    let mut experts = Array2::<usize>::zeros((tokens, k));
    let mut f = Array1::<f64>::zeros(n);
    let mut p = Array1::<f64>::zeros(n);
    for (t, logits) in router_logits.outer_iter().enumerate() {
        let probs = softmax(logits);
        p += &probs;
        let mut sorted = probs.to_vec();
        sorted.sort_by(|a, b| b.total_cmp(a));
        let threshold = sorted[k - 1];
        let above = probs.iter().filter(|&&q| q > threshold).count();
        let mut ties_left = k - above;
        let mut mask = vec![false; n];
        for e in 0..n {
            if probs[e] > threshold {
                mask[e] = true;
            } else if probs[e] == threshold && ties_left > 0 {
                mask[e] = true;
                ties_left -= 1;
            }
        }
        let chosen: Vec<usize> = (0..n).filter(|&e| mask[e]).collect();
        let total: f64 = chosen.iter().map(|&e| probs[e]).sum();
        for (j, &e) in chosen.iter().enumerate() {
            weights[[t, j]] = probs[e] / total;
            experts[[t, j]] = e;
            f[e] += 1.0;
        }
    }
    f /= tokens as f64;
    p /= tokens as f64;
    (weights, experts, n as f64 * f.dot(&p))
}

pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let logits = x.dot(&router.weight.t()) + &router.bias;
    let (w, e, _) = route(logits.view(), k);
    // Dense: every expert on every token, then the routed ones picked.
    let outs: Vec<Array2<f64>> = experts.iter().map(|ex| x.dot(&ex.weight.t()) + &ex.bias).collect();
    let mut y = Array2::<f64>::zeros(outs[0].raw_dim());
    for t in 0..x.nrows() {
        for j in 0..k {
            y.row_mut(t).scaled_add(w[[t, j]], &outs[e[[t, j]]].row(t));
        }
    }
    y
}
