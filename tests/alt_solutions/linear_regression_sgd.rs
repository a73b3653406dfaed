use ndarray::prelude::*;

/// Half the mean squared error of the linear model `w`:
/// 0.5 · mean((x·w − y)²).
///
/// Written with plain index loops: one residual at a time.
pub fn mse(x: ArrayView2<f64>, y: ArrayView1<f64>, w: ArrayView1<f64>) -> f64 {
    let (n, d) = x.dim();
    let mut sum_sq = 0.0;
    for i in 0..n {
        let mut prediction = 0.0;
        for j in 0..d {
            prediction += x[[i, j]] * w[j];
        }
        let residual = prediction - y[i];
        sum_sq += residual * residual;
    }
    sum_sq / (2.0 * n as f64)
}

/// The gradient of [`mse`] with respect to `w`: xᵀ(x·w − y) / n.
///
/// Each row's residual is scattered into the gradient as soon as it is known.
pub fn mse_grad(x: ArrayView2<f64>, y: ArrayView1<f64>, w: ArrayView1<f64>) -> Array1<f64> {
    let (n, d) = x.dim();
    let mut grad = vec![0.0; d];
    for i in 0..n {
        let mut prediction = 0.0;
        for j in 0..d {
            prediction += x[[i, j]] * w[j];
        }
        let residual = prediction - y[i];
        for (j, g) in grad.iter_mut().enumerate() {
            *g += x[[i, j]] * residual;
        }
    }
    for g in grad.iter_mut() {
        *g /= n as f64;
    }
    Array1::from(grad)
}

/// Mini-batch gradient descent from `w0`.
///
/// The batches are walked with an explicit cursor; the epoch's loss is the
/// sum of every row's squared residual (taken before its batch's update)
/// over 2n, which equals Σ batch_mse · batch_len / n.
pub fn sgd(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    w0: ArrayView1<f64>,
    lr: f64,
    epochs: usize,
    batch_size: usize,
) -> (Array1<f64>, Vec<f64>) {
    let (n, d) = x.dim();
    let mut w: Vec<f64> = w0.iter().copied().collect();
    let mut losses = Vec::new();
    for _epoch in 0..epochs {
        let mut epoch_sq = 0.0;
        let mut start = 0;
        while start < n {
            let end = if start + batch_size < n { start + batch_size } else { n };
            let len = (end - start) as f64;
            let mut grad = vec![0.0; d];
            for i in start..end {
                let mut prediction = 0.0;
                for j in 0..d {
                    prediction += x[[i, j]] * w[j];
                }
                let residual = prediction - y[i];
                epoch_sq += residual * residual;
                for (j, g) in grad.iter_mut().enumerate() {
                    *g += x[[i, j]] * residual;
                }
            }
            for j in 0..d {
                w[j] -= lr * grad[j] / len;
            }
            start = end;
        }
        losses.push(epoch_sq / (2.0 * n as f64));
    }
    (Array1::from(w), losses)
}
