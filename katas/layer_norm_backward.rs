use ndarray::prelude::*;

/// Gradients of sum(layer_norm(x, normalized_shape, weight, bias, eps) · dy)
/// with respect to x, weight and bias, as torch autograd computes them
/// through `F.layer_norm`.
///
/// The forward pass normalizes x over its trailing `normalized_shape.len()`
/// axes with the biased variance: x̂ = (x − mean) / sqrt(var + eps), then
/// y = x̂·weight + bias. `weight` and the returned dweight and dbias are
/// shaped `normalized_shape`; `dy` and the returned dx are shaped like x.
/// Returns (dx, dweight, dbias).
pub fn layer_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>, ArrayD<f64>) {
    todo!()
}
