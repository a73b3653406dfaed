// expect: invariant standardized
// One mean and one variance for the whole tensor, not per group.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let mean = x.mean().unwrap();
    let var = x.mapv(|v| (v - mean).powi(2)).mean().unwrap();
    let mut y = x.mapv(|v| (v - mean) / (var + eps).sqrt());
    let inner: usize = normalized_shape.iter().product();
    let mut flat = y.view_mut().into_shape_with_order((x.len() / inner, inner)).unwrap();
    if let Some(w) = weight {
        let w: Vec<f64> = w.iter().copied().collect();
        for mut row in flat.rows_mut() {
            row.iter_mut().zip(&w).for_each(|(v, g)| *v *= g);
        }
    }
    if let Some(b) = bias {
        let b: Vec<f64> = b.iter().copied().collect();
        for mut row in flat.rows_mut() {
            row.iter_mut().zip(&b).for_each(|(v, s)| *v += s);
        }
    }
    y
}
