// expect: mistake gradient_not_divided
// Zip over rows; the loss is a mean, but each gradient row stays softmax − q.
use ndarray::prelude::*;
use ndarray::Zip;

pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    let mut out = Array2::<f64>::zeros(logits.raw_dim());
    Zip::from(out.rows_mut()).and(logits.rows()).for_each(|mut o, x| {
        let m = x.iter().copied().fold(f64::MIN, f64::max);
        let s: f64 = x.iter().map(|v| (v - m).exp()).sum();
        let lse = m + s.ln();
        Zip::from(&mut o).and(&x).for_each(|o, &v| *o = v - lse);
    });
    out
}

pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    let c = logits.ncols() as f64;
    let eps = label_smoothing;
    let logp = log_softmax(logits);
    let mut grad = logp.mapv(f64::exp);
    let mut total = 0.0;
    let mut count = 0.0;
    for (i, mut g) in grad.rows_mut().into_iter().enumerate() {
        let t = target[i];
        if Some(t) == ignore_index {
            g.fill(0.0);
            continue;
        }
        count += 1.0;
        let lp = logp.row(i);
        total += -(1.0 - eps) * lp[t] - eps * lp.mean().unwrap_or(0.0);
        g.mapv_inplace(|p| p - eps / c);
        g[t] -= 1.0 - eps;
    }
    (total / count, grad)
}
