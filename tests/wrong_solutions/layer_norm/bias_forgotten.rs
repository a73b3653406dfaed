// expect: mistake bias_ignored | pattern bias_missing
// Axis-wise statistics with mean_axis over a 2-D view; the bias is never added.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    _bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let inner: usize = normalized_shape.iter().product();
    let rows = x.len() / inner;
    let m = x.to_shape((rows, inner)).unwrap().to_owned();
    let mean = m.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let centered = &m - &mean;
    let var = centered.mapv(|v| v * v).mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let mut y = centered / var.mapv(|v| (v + eps).sqrt());
    if let Some(w) = weight {
        let w = w.to_shape(inner).unwrap().to_owned();
        y = y * &w;
    }
    y.to_shape(x.raw_dim()).unwrap().to_owned()
}
