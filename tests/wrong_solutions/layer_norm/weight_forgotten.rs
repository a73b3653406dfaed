// expect: invariant standardized
// Normalized and shifted by the bias, but never multiplied by the weight.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    _weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let inner: usize = normalized_shape.iter().product();
    let b: Vec<f64> = bias.map_or(vec![0.0; inner], |b| b.iter().copied().collect());
    let values: Vec<f64> = x.iter().copied().collect();
    let out: Vec<f64> = values
        .chunks(inner)
        .flat_map(|g| {
            let mean = g.iter().sum::<f64>() / inner as f64;
            let var = g.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / inner as f64;
            let inv = 1.0 / (var + eps).sqrt();
            g.iter().zip(&b).map(move |(v, bb)| (v - mean) * inv + bb).collect::<Vec<_>>()
        })
        .collect();
    ArrayD::from_shape_vec(x.shape(), out).unwrap()
}
