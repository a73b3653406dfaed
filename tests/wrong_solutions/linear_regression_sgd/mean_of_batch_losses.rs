// expect: mistake epoch_loss_plain_mean
// The epoch loss as the average of the batch losses, whatever their lengths.
use ndarray::prelude::*;

pub fn mse(x: ArrayView2<f64>, y: ArrayView1<f64>, w: ArrayView1<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..x.nrows() {
        let mut p = 0.0;
        for j in 0..x.ncols() {
            p += x[[i, j]] * w[j];
        }
        s += (p - y[i]).powi(2);
    }
    0.5 * s / x.nrows() as f64
}

pub fn mse_grad(x: ArrayView2<f64>, y: ArrayView1<f64>, w: ArrayView1<f64>) -> Array1<f64> {
    let (n, d) = x.dim();
    let mut g = Array1::<f64>::zeros(d);
    for i in 0..n {
        let r = x.row(i).dot(&w) - y[i];
        for j in 0..d {
            g[j] += x[[i, j]] * r;
        }
    }
    g / n as f64
}

pub fn sgd(x: ArrayView2<f64>, y: ArrayView1<f64>, w0: ArrayView1<f64>, lr: f64, epochs: usize, batch_size: usize) -> (Array1<f64>, Vec<f64>) {
    let n = y.len();
    let mut w = w0.to_owned();
    let mut losses = Vec::new();
    for _ in 0..epochs {
        let mut batch_losses = Vec::new();
        for start in (0..n).step_by(batch_size) {
            let end = (start + batch_size).min(n);
            let (xb, yb) = (x.slice(s![start..end, ..]), y.slice(s![start..end]));
            batch_losses.push(mse(xb, yb, w.view()));
            let g = mse_grad(xb, yb, w.view());
            for j in 0..w.len() {
                w[j] -= lr * g[j];
            }
        }
        losses.push(batch_losses.iter().sum::<f64>() / batch_losses.len() as f64);
    }
    (w, losses)
}
