// expect: mistake log_of_softmax | pattern non_finite
// Iterator folds; a stable softmax, then its log (which is −inf where it
// underflowed); cross_entropy reads the same log-probabilities.
use ndarray::prelude::*;

fn softmax_row(row: ArrayView1<f64>) -> Array1<f64> {
    let m = row.iter().fold(f64::NEG_INFINITY, |a, &b| a.max(b));
    let e = row.mapv(|v| (v - m).exp());
    let s = e.iter().fold(0.0, |a, &b| a + b);
    e / s
}

pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let mut out = Array2::<f64>::zeros(logits.raw_dim());
    for (row, mut o) in logits.outer_iter().zip(out.outer_iter_mut()) {
        o.assign(&softmax_row(row).mapv(f64::ln));
    }
    out
}

pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    let c = logits.ncols() as f64;
    let kept: Vec<usize> = (0..logits.nrows()).filter(|&i| Some(target[i]) != ignore_index).collect();
    let count = kept.len() as f64;
    let logp = log_softmax(logits);
    let mut grad = Array2::<f64>::zeros(logits.raw_dim());
    let loss = kept.iter().fold(0.0, |acc, &i| {
        let t = target[i];
        let row = logp.row(i);
        let nll = -row[t];
        let smooth = -row.iter().fold(0.0, |a, &b| a + b) / c;
        let mut g = grad.row_mut(i);
        g.assign(&row.mapv(f64::exp));
        g -= label_smoothing / c;
        g[t] -= 1.0 - label_smoothing;
        g /= count;
        acc + (1.0 - label_smoothing) * nll + label_smoothing * smooth
    });
    (loss / count, grad)
}
