// expect: mistake weights_not_renormalized
// Index loops throughout, top-k by repeated arg-max; the chosen
// probabilities are used as the weights without dividing by their sum.
use kata_prelude::Linear;
use ndarray::prelude::*;

pub fn route(router_logits: ArrayView2<f64>, k: usize) -> (Array2<f64>, Array2<usize>, f64) {
    let (tokens, n) = router_logits.dim();
    let mut probs = Array2::<f64>::zeros((tokens, n));
    for t in 0..tokens {
        let mut mx = f64::NEG_INFINITY;
        for e in 0..n {
            mx = mx.max(router_logits[[t, e]]);
        }
        let mut z = 0.0;
        for e in 0..n {
            probs[[t, e]] = (router_logits[[t, e]] - mx).exp();
            z += probs[[t, e]];
        }
        for e in 0..n {
            probs[[t, e]] /= z;
        }
    }
    let mut weights = Array2::<f64>::zeros((tokens, k));
    let mut experts = Array2::<usize>::zeros((tokens, k));
    let mut f = vec![0.0; n];
    for t in 0..tokens {
        let mut taken = vec![false; n];
        for j in 0..k {
            let mut best = usize::MAX;
            for e in 0..n {
                if !taken[e] && (best == usize::MAX || probs[[t, e]] > probs[[t, best]]) {
                    best = e;
                }
            }
            taken[best] = true;
            weights[[t, j]] = probs[[t, best]];
            experts[[t, j]] = best;
            f[best] += 1.0 / tokens as f64;
        }
    }
    let mut aux = 0.0;
    for e in 0..n {
        let mut p = 0.0;
        for t in 0..tokens {
            p += probs[[t, e]];
        }
        aux += f[e] * p / tokens as f64;
    }
    (weights, experts, n as f64 * aux)
}

pub fn moe_forward(x: ArrayView2<f64>, router: &Linear, experts: &[Linear], k: usize) -> Array2<f64> {
    let (tokens, d) = x.dim();
    let n = router.weight.nrows();
    let mut logits = Array2::<f64>::zeros((tokens, n));
    for t in 0..tokens {
        for e in 0..n {
            let mut s = router.bias[e];
            for i in 0..d {
                s += x[[t, i]] * router.weight[[e, i]];
            }
            logits[[t, e]] = s;
        }
    }
    let (w, chosen, _) = route(logits.view(), k);
    let d_out = experts[0].weight.nrows();
    let mut out = Array2::<f64>::zeros((tokens, d_out));
    for t in 0..tokens {
        for j in 0..k {
            let ex = &experts[chosen[[t, j]]];
            for o in 0..d_out {
                let mut s = ex.bias[o];
                for i in 0..d {
                    s += ex.weight[[o, i]] * x[[t, i]];
                }
                out[[t, o]] += w[[t, j]] * s;
            }
        }
    }
    out
}
