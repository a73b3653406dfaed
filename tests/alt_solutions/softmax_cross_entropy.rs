use ndarray::prelude::*;

/// Log-softmax with index loops: logsumexp by the max trick, one row at a time.
pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let (n, c) = logits.dim();
    let mut out = Array2::zeros((n, c));
    for i in 0..n {
        let mut m = logits[[i, 0]];
        for j in 1..c {
            if logits[[i, j]] > m {
                m = logits[[i, j]];
            }
        }
        let mut s = 0.0;
        for j in 0..c {
            s += (logits[[i, j]] - m).exp();
        }
        let lse = m + s.ln();
        for j in 0..c {
            out[[i, j]] = logits[[i, j]] - lse;
        }
    }
    out
}

/// Cross-entropy as the expectation of −log p under the smoothed target
/// distribution q, computed element by element.
pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    let (n, c) = logits.dim();
    let lp = log_softmax(logits);
    let mut count = 0usize;
    for i in 0..n {
        if ignore_index != Some(target[i]) {
            count += 1;
        }
    }
    let mut loss = 0.0;
    let mut grad = Array2::zeros((n, c));
    for i in 0..n {
        if ignore_index == Some(target[i]) {
            continue;
        }
        for j in 0..c {
            let mut q = label_smoothing / c as f64;
            if j == target[i] {
                q += 1.0 - label_smoothing;
            }
            loss -= q * lp[[i, j]];
            grad[[i, j]] = (lp[[i, j]].exp() - q) / count as f64;
        }
    }
    (loss / count as f64, grad)
}
