// expect: mistake grad_not_divided_by_n | pattern scaled
// Gradient accumulated row by row and never averaged.
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
    let mut g = Array1::<f64>::zeros(x.ncols());
    for (row, &t) in x.outer_iter().zip(y.iter()) {
        let r = row.dot(&w) - t;
        g.scaled_add(r, &row);
    }
    g
}

pub fn sgd(x: ArrayView2<f64>, y: ArrayView1<f64>, w0: ArrayView1<f64>, lr: f64, epochs: usize, batch_size: usize) -> (Array1<f64>, Vec<f64>) {
    let n = x.nrows();
    let mut w = w0.to_owned();
    let mut losses = vec![];
    for _ in 0..epochs {
        let mut acc = 0.0;
        let mut s = 0;
        while s < n {
            let e = (s + batch_size).min(n);
            let (xb, yb) = (x.slice(s![s..e, ..]), y.slice(s![s..e]));
            acc += mse(xb, yb, w.view()) * (e - s) as f64;
            let g = mse_grad(xb, yb, w.view()) / (e - s) as f64;
            w = &w - &(g * lr);
            s = e;
        }
        losses.push(acc / n as f64);
    }
    (w, losses)
}
