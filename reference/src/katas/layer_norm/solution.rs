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
    // One row per normalized group: the statistics are per row.
    let flat = x.to_shape((rows, inner)).expect("trailing axes are normalized_shape");
    let mean = flat.mean_axis(Axis(1)).expect("rows are not empty");
    let centered = &flat - &mean.view().insert_axis(Axis(1));
    let var = centered.mapv(|c| c * c).mean_axis(Axis(1)).expect("rows are not empty");
    let mut y = centered / var.mapv(|v| (v + eps).sqrt()).insert_axis(Axis(1));
    if let Some(w) = weight {
        y *= &w.to_shape(inner).expect("weight has normalized_shape");
    }
    if let Some(b) = bias {
        y += &b.to_shape(inner).expect("bias has normalized_shape");
    }
    y.into_shape_clone(x.raw_dim()).expect("same number of elements")
}
