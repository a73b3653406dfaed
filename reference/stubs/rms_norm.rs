use ndarray::prelude::*;

/// As `torch.nn.functional.rms_norm`: x / sqrt(mean(x²) + eps) · weight, over
/// the trailing `normalized_shape.len()` axes of `x` (the mean runs over all
/// of them together). `weight`, when given, has shape `normalized_shape`.
/// Returns an array shaped like `x`.
pub fn rms_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    todo!()
}

/// Gradients of sum(rms_norm(x, normalized_shape, Some(weight), eps) · dy),
/// dy shaped like x: (dx shaped like x, dweight shaped like
/// normalized_shape).
pub fn rms_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>) {
    todo!()
}
