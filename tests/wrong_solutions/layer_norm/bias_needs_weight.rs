// expect: invariant standardized
// Index loops over the groups; the affine step matches on the pair of
// options, and a bias without a weight falls into the "no affine" arm.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let d: usize = normalized_shape.iter().product();
    let flat: Vec<f64> = x.iter().copied().collect();
    let w: Option<Vec<f64>> = weight.map(|w| w.iter().copied().collect());
    let b: Option<Vec<f64>> = bias.map(|b| b.iter().copied().collect());
    let mut out = vec![0.0; flat.len()];
    for g in 0..flat.len() / d {
        let row = &flat[g * d..(g + 1) * d];
        let mean = row.iter().sum::<f64>() / d as f64;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / d as f64;
        let inv = 1.0 / (var + eps).sqrt();
        for i in 0..d {
            let y = (row[i] - mean) * inv;
            out[g * d + i] = match (&w, &b) {
                (Some(w), Some(b)) => y * w[i] + b[i],
                (Some(w), None) => y * w[i],
                _ => y,
            };
        }
    }
    ArrayD::from_shape_vec(x.raw_dim(), out).unwrap()
}
