use ndarray::prelude::*;

/// Half the mean squared error of the linear model `w`:
/// 0.5 · mean((x·w − y)²).
///
/// `x` is (n, d) and already carries its bias column, `y` is (n,), `w` (d,).
pub fn mse(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    w: ArrayView1<f64>,
) -> f64 {
    todo!()
}

/// The gradient of [`mse`] with respect to `w`: xᵀ(x·w − y) / n, shape (d,).
pub fn mse_grad(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    w: ArrayView1<f64>,
) -> Array1<f64> {
    todo!()
}

/// Mini-batch gradient descent from `w0`.
///
/// Each epoch walks the rows in order in batches of `batch_size` (the last
/// one may be shorter); per batch it takes the batch's `mse` before the
/// update, then steps `w -= lr · mse_grad(batch)`. An epoch's loss is
/// Σ batch_mse · batch_len / n. Returns (final w, one loss per epoch).
pub fn sgd(
    x: ArrayView2<f64>,
    y: ArrayView1<f64>,
    w0: ArrayView1<f64>,
    lr: f64,
    epochs: usize,
    batch_size: usize,
) -> (Array1<f64>, Vec<f64>) {
    todo!()
}
