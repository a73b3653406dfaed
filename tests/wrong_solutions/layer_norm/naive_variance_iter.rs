// expect: mistake naive_variance
// E[x²] − E[x]² with iterator sums, written as a newcomer would.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let group: usize = normalized_shape.iter().product();
    let data: Vec<f64> = x.iter().cloned().collect();
    let w: Option<Vec<f64>> = weight.map(|w| w.iter().cloned().collect());
    let b: Option<Vec<f64>> = bias.map(|b| b.iter().cloned().collect());
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.chunks(group) {
        let n = chunk.len() as f64;
        let mean = chunk.iter().sum::<f64>() / n;
        let mean_sq = chunk.iter().map(|v| v * v).sum::<f64>() / n;
        let var = mean_sq - mean * mean;
        for (i, v) in chunk.iter().enumerate() {
            let mut y = (v - mean) / (var + eps).sqrt();
            if let Some(w) = &w {
                y *= w[i];
            }
            if let Some(b) = &b {
                y += b[i];
            }
            out.push(y);
        }
    }
    ArrayD::from_shape_vec(x.raw_dim(), out).unwrap()
}
