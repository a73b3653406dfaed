// expect: mistake ignored_rows_in_mean
// Log-probabilities first, then the loss and gradient; ignored rows are
// skipped but the mean still divides by every row.
use ndarray::prelude::*;

pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let max = logits.map_axis(Axis(1), |r| r.iter().cloned().fold(f64::NEG_INFINITY, f64::max));
    let shifted = &logits - &max.insert_axis(Axis(1));
    let lse = shifted.mapv(f64::exp).sum_axis(Axis(1)).mapv(f64::ln);
    shifted - &lse.insert_axis(Axis(1))
}

pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    let (n, c) = logits.dim();
    let logp = log_softmax(logits);
    let probs = logp.mapv(f64::exp);
    let mut loss = 0.0;
    let mut grad = Array2::<f64>::zeros((n, c));
    for i in 0..n {
        let t = target[i];
        if let Some(ig) = ignore_index {
            if t == ig {
                continue;
            }
        }
        let uniform = -logp.row(i).sum() / c as f64;
        loss += (1.0 - label_smoothing) * -logp[[i, t]] + label_smoothing * uniform;
        for j in 0..c {
            let q = if j == t { 1.0 - label_smoothing + label_smoothing / c as f64 } else { label_smoothing / c as f64 };
            grad[[i, j]] = probs[[i, j]] - q;
        }
    }
    let denom = n as f64;
    (loss / denom, grad / denom)
}
