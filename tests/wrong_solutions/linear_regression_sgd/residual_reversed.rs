// expect: pattern sign_flipped | mistake gradient_ascent
// The residual taken as y − x·w in the gradient: every gradient has its sign
// flipped, so SGD climbs.
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
    let residual = &y - &x.dot(&w);
    x.t().dot(&residual) / y.len() as f64
}

pub fn sgd(x: ArrayView2<f64>, y: ArrayView1<f64>, w0: ArrayView1<f64>, lr: f64, epochs: usize, batch_size: usize) -> (Array1<f64>, Vec<f64>) {
    let n = y.len();
    let mut w = w0.to_owned();
    let mut losses = Vec::new();
    for _ in 0..epochs {
        let mut total = 0.0;
        for start in (0..n).step_by(batch_size) {
            let end = (start + batch_size).min(n);
            let (xb, yb) = (x.slice(s![start..end, ..]), y.slice(s![start..end]));
            total += mse(xb, yb, w.view()) * (end - start) as f64;
            let g = mse_grad(xb, yb, w.view());
            w.scaled_add(-lr, &g);
        }
        losses.push(total / n as f64);
    }
    (w, losses)
}
