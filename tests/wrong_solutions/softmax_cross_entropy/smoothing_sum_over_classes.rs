// expect: mistake smoothing_summed_over_classes
// The smoothing term written as ε · Σ_c (−log p[c]), a sum over the classes
// where F.cross_entropy takes their mean; dlogits = (softmax − q)/count is
// right, so only the loss is wrong.
use ndarray::prelude::*;

pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let mut out = Array2::<f64>::zeros(logits.dim());
    for (i, row) in logits.outer_iter().enumerate() {
        let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let s: f64 = row.iter().map(|&v| (v - m).exp()).sum();
        for (j, &v) in row.iter().enumerate() {
            out[[i, j]] = v - m - s.ln();
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
    let lp = log_softmax(logits);
    let mut grad = Array2::<f64>::zeros((n, c));
    let kept: Vec<usize> = (0..n).filter(|&i| Some(target[i]) != ignore_index).collect();
    let count = kept.len() as f64;
    let mut loss = 0.0;
    for &i in &kept {
        let t = target[i];
        let all: f64 = lp.row(i).iter().map(|&v| -v).sum();
        loss += (1.0 - label_smoothing) * -lp[[i, t]] + label_smoothing * all;
        for j in 0..c {
            let q = label_smoothing / c as f64 + if j == t { 1.0 - label_smoothing } else { 0.0 };
            grad[[i, j]] = (lp[[i, j]].exp() - q) / count;
        }
    }
    (loss / count, grad)
}
