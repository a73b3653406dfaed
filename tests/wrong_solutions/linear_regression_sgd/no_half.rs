// expect: mistake mse_without_half | pattern scaled
// The loss folds squared residuals without the 0.5.
use ndarray::prelude::*;

pub fn mse(x: ArrayView2<f64>, y: ArrayView1<f64>, w: ArrayView1<f64>) -> f64 {
    let pred = x.dot(&w);
    pred.iter().zip(y.iter()).fold(0.0, |acc, (p, t)| acc + (p - t) * (p - t)) / y.len() as f64
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
        let mut total = 0.0;
        for (xb, yb) in x.axis_chunks_iter(Axis(0), batch_size).zip(y.axis_chunks_iter(Axis(0), batch_size)) {
            total += mse(xb, yb, w.view()) * yb.len() as f64;
            let g = mse_grad(xb, yb, w.view());
            w.scaled_add(-lr, &g);
        }
        losses.push(total / n as f64);
    }
    (w, losses)
}
