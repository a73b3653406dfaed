use ndarray::prelude::*;

/// As `F.log_softmax(logits, dim=-1)`: each row minus its logsumexp,
/// computed as m + log Σ exp(x − m) with m the row's maximum.
pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let mut out = logits.to_owned();
    for mut row in out.rows_mut() {
        let max = row.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        row -= max;
        let log_sum = row.mapv(f64::exp).sum().ln();
        row -= log_sum;
    }
    out
}

/// As `F.cross_entropy(logits, target, ignore_index, label_smoothing,
/// reduction="mean")`, with its gradient. Returns (loss, dlogits (n, C)).
pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    let (n, classes) = logits.dim();
    let eps = label_smoothing;
    // ignore_index may lie outside 0..C: test it before using a target.
    let counts = |i: usize| Some(target[i]) != ignore_index;
    let count = (0..n).filter(|&i| counts(i)).count() as f64;
    // One pass per row: the row becomes its softmax in place, and
    // log p[c] = x[c] − logsumexp(x) gives the loss terms.
    let mut grad = logits.to_owned();
    let mut loss = 0.0;
    for (i, mut g) in grad.rows_mut().into_iter().enumerate() {
        if !counts(i) {
            g.fill(0.0);
            continue;
        }
        let t = target[i];
        let (x_t, sum_x) = (g[t], g.sum());
        let max = g.fold(f64::NEG_INFINITY, |m, &v| m.max(v));
        g.mapv_inplace(|v| (v - max).exp());
        let total = g.sum();
        let lse = max + total.ln();
        loss -= (1.0 - eps) * (x_t - lse) + eps * (sum_x / classes as f64 - lse);
        g *= 1.0 / total;
        g -= eps / classes as f64;
        g[t] -= 1.0 - eps;
        g /= count;
    }
    (loss / count, grad)
}
