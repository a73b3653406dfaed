// expect: mistake last_batch_dropped
// exact_chunks: the shorter last batch silently disappears.
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
    let d = x.ncols();
    let mut w = w0.to_owned();
    let mut losses = Vec::with_capacity(epochs);
    let xs: Vec<f64> = x.iter().copied().collect();
    let ys: Vec<f64> = y.iter().copied().collect();
    for _ in 0..epochs {
        let mut total = 0.0;
        for (xc, yc) in xs.chunks_exact(batch_size * d).zip(ys.chunks_exact(batch_size)) {
            let xb = ArrayView2::from_shape((batch_size, d), xc).unwrap();
            let yb = ArrayView1::from(yc);
            total += mse(xb, yb, w.view()) * batch_size as f64;
            let g = mse_grad(xb, yb, w.view());
            w -= &(lr * &g);
        }
        losses.push(total / n as f64);
    }
    (w, losses)
}
