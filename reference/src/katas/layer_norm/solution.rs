use ndarray::prelude::*;

/// Layer normalization, as `torch.nn.functional.layer_norm`.
///
/// Normalizes `x` over its trailing `normalized_shape.len()` axes with the
/// biased variance (`eps` inside the square root), then applies
/// `* weight + bias` when given (both shaped `normalized_shape`).
pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let inner: usize = normalized_shape.iter().product();
    let rows = x.len() / inner.max(1);
    let weight = weight
        .as_ref()
        .map(|w| w.to_shape(inner).expect("weight has normalized_shape"));
    let bias = bias
        .as_ref()
        .map(|b| b.to_shape(inner).expect("bias has normalized_shape"));
    // One row per normalized group: the statistics are per row. The output
    // starts as a copy of x and is normalized in place a row at a time, so
    // each row is read from memory once and stays in cache for every pass.
    let mut y = x
        .to_shape((rows, inner))
        .expect("trailing axes are normalized_shape")
        .into_owned();
    for mut row in y.rows_mut() {
        let mean = row.sum() / inner as f64;
        row -= mean;
        let var = row.dot(&row) / inner as f64;
        row *= 1.0 / (var + eps).sqrt();
        if let Some(w) = &weight {
            row *= w;
        }
        if let Some(b) = &bias {
            row += b;
        }
    }
    y.into_shape_with_order(x.raw_dim()).expect("same number of elements")
}
