use ndarray::prelude::*;

/// Layer normalization, as `torch.nn.functional.layer_norm`.
///
/// Normalizes `x` over its trailing `normalized_shape.len()` axes with the
/// biased variance (`eps` inside the square root), then applies
/// `* weight + bias` when given (both shaped `normalized_shape`).
/// Returns an array shaped like `x`.
pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    todo!()
}
