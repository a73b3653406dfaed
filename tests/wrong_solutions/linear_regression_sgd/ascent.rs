// expect: mistake gradient_ascent
// The step adds the gradient.
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
    let losses = (0..epochs)
        .map(|_| {
            let mut total = 0.0;
            for (xb, yb) in x.axis_chunks_iter(Axis(0), batch_size).zip(y.axis_chunks_iter(Axis(0), batch_size)) {
                total += mse(xb, yb, w.view()) * yb.len() as f64;
                w = &w + &(mse_grad(xb, yb, w.view()) * lr);
            }
            total / n as f64
        })
        .collect();
    (w, losses)
}
