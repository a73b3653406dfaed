// A correct solution in another form: fold and mapv_inplace, a column-major dlogits.
use ndarray::prelude::*;

pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let mut out = logits.to_owned();
    for mut row in out.rows_mut() {
        let m = row.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
        let lse = m + row.mapv(|v| (v - m).exp()).sum().ln();
        row.mapv_inplace(|v| v - lse);
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
    let rows: Vec<usize> = (0..n).filter(|&i| Some(target[i]) != ignore_index).collect();
    let count = rows.len() as f64;
    let mut loss = 0.0;
    // column-major gradient
    let mut d = Array2::<f64>::zeros((n, c).f());
    for &i in &rows {
        let t = target[i];
        loss += -(1.0 - label_smoothing) * lp[[i, t]] - label_smoothing * lp.row(i).mean().unwrap();
        for j in 0..c {
            let q = label_smoothing / c as f64 + if j == t { 1.0 - label_smoothing } else { 0.0 };
            d[[i, j]] = (lp[[i, j]].exp() - q) / count;
        }
    }
    (loss / count, d)
}
