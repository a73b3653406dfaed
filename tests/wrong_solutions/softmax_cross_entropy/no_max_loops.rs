// expect: mistake no_max_subtraction | pattern overflow | pattern non_finite
// Index loops; logsumexp is log Σ exp(x) of the raw logits, in both functions.
use ndarray::prelude::*;

pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let (n, c) = logits.dim();
    let mut out = Array2::<f64>::zeros((n, c));
    for i in 0..n {
        let mut z = 0.0;
        for j in 0..c {
            z += logits[[i, j]].exp();
        }
        let lse = z.ln();
        for j in 0..c {
            out[[i, j]] = logits[[i, j]] - lse;
        }
    }
    out
}

pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    let (n, c) = logits.dim();
    let mut used = 0usize;
    for i in 0..n {
        if ignore_index != Some(target[i]) {
            used += 1;
        }
    }
    let m = used as f64;
    let mut loss = 0.0;
    let mut grad = Array2::<f64>::zeros((n, c));
    for i in 0..n {
        if ignore_index == Some(target[i]) {
            continue;
        }
        let mut z = 0.0;
        for j in 0..c {
            z += logits[[i, j]].exp();
        }
        let lse = z.ln();
        for j in 0..c {
            let logp = logits[[i, j]] - lse;
            let mut q = label_smoothing / c as f64;
            if j == target[i] {
                q += 1.0 - label_smoothing;
            }
            loss -= q * logp;
            grad[[i, j]] = (logits[[i, j]].exp() / z - q) / m;
        }
    }
    (loss / m, grad)
}
