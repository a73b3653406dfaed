// expect: mistake asserts_even_batches
// The snippet's assertion that the batches divide the data evenly.
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
    assert!(n % batch_size == 0, "n must be a multiple of batch_size");
    let batches = n / batch_size;
    let mut w = w0.to_owned();
    let mut losses = Vec::new();
    for _ in 0..epochs {
        let mut total = 0.0;
        for k in 0..batches {
            let r = k * batch_size..(k + 1) * batch_size;
            let xb = x.slice(s![r.clone(), ..]);
            let yb = y.slice(s![r]);
            total += mse(xb, yb, w.view());
            w = &w - &(mse_grad(xb, yb, w.view()) * lr);
        }
        losses.push(total / batches as f64);
    }
    (w, losses)
}
