// expect: mistake smoothing_other_classes
// Builds the target distribution q explicitly: 1 − ε on the target and
// ε/(C − 1) on each other class.
use ndarray::prelude::*;

pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let mut out = logits.to_owned();
    out.rows_mut().into_iter().for_each(|mut r| {
        let m = r.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
        let lse = m + r.iter().map(|&v| (v - m).exp()).sum::<f64>().ln();
        r.mapv_inplace(|v| v - lse);
    });
    out
}

pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    let (n, c) = logits.dim();
    let logp = log_softmax(logits);
    let rows: Vec<usize> = (0..n).filter(|&i| ignore_index.map_or(true, |ig| target[i] != ig)).collect();
    let count = rows.len() as f64;
    let mut q = Array2::<f64>::zeros((n, c));
    for &i in &rows {
        q.row_mut(i).fill(label_smoothing / (c as f64 - 1.0));
        q[[i, target[i]]] = 1.0 - label_smoothing;
    }
    let mut loss = 0.0;
    let mut grad = Array2::<f64>::zeros((n, c));
    for &i in &rows {
        loss -= q.row(i).dot(&logp.row(i));
        let p = logp.row(i).mapv(f64::exp);
        grad.row_mut(i).assign(&((&p - &q.row(i)) / count));
    }
    (loss / count, grad)
}
