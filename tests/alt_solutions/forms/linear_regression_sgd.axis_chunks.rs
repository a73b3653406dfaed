// A correct solution in another form: axis_chunks_iter batches inside a map over epochs.
use ndarray::prelude::*;

pub fn mse(x: ArrayView2<f64>, y: ArrayView1<f64>, w: ArrayView1<f64>) -> f64 {
    let r = x.dot(&w) - &y;
    0.5 * r.mapv(|v| v * v).mean().unwrap()
}

pub fn mse_grad(x: ArrayView2<f64>, y: ArrayView1<f64>, w: ArrayView1<f64>) -> Array1<f64> {
    x.t().dot(&(x.dot(&w) - &y)) / y.len() as f64
}

pub fn sgd(x: ArrayView2<f64>, y: ArrayView1<f64>, w0: ArrayView1<f64>, lr: f64, epochs: usize, batch_size: usize) -> (Array1<f64>, Vec<f64>) {
    let n = y.len();
    let mut w = w0.to_owned();
    let losses = (0..epochs)
        .map(|_| {
            let mut total = 0.0;
            for (xb, yb) in x.axis_chunks_iter(Axis(0), batch_size).zip(y.axis_chunks_iter(Axis(0), batch_size)) {
                total += mse(xb, yb, w.view()) * yb.len() as f64;
                w = &w - &(lr * mse_grad(xb, yb, w.view()));
            }
            total / n as f64
        })
        .collect();
    (w, losses)
}
