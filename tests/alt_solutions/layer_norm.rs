use ndarray::prelude::*;

/// Layer normalization with Welford's online mean and variance: one pass per
/// group for the statistics (numerically stable however large the mean),
/// one more to write the normalized values.
pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let mut group = 1;
    for &len in normalized_shape {
        group *= len;
    }
    // Logical (row-major) order, whatever x's memory layout.
    let values: Vec<f64> = x.iter().copied().collect();
    let gamma: Option<Vec<f64>> = weight.map(|w| w.iter().copied().collect());
    let beta: Option<Vec<f64>> = bias.map(|b| b.iter().copied().collect());
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < values.len() {
        let chunk = &values[start..start + group];
        let mut mean = 0.0;
        let mut m2 = 0.0;
        for (seen, &v) in chunk.iter().enumerate() {
            let delta = v - mean;
            mean += delta / (seen + 1) as f64;
            m2 += delta * (v - mean);
        }
        let inv_std = 1.0 / (m2 / group as f64 + eps).sqrt();
        for (t, &v) in chunk.iter().enumerate() {
            let mut y = (v - mean) * inv_std;
            if let Some(g) = &gamma {
                y *= g[t];
            }
            if let Some(b) = &beta {
                y += b[t];
            }
            out[start + t] = y;
        }
        start += group;
    }
    ArrayD::from_shape_vec(x.shape(), out).unwrap()
}
