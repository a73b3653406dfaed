// expect: mistake subtract_mean
// Flat index loops over groups; the forward centers each group first (as
// LayerNorm does). The backward is right.
use ndarray::prelude::*;

pub fn rms_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let n: usize = normalized_shape.iter().product();
    let flat: Vec<f64> = x.iter().copied().collect();
    let w: Option<Vec<f64>> = weight.map(|w| w.iter().copied().collect());
    let mut out = vec![0.0; flat.len()];
    let groups = if n == 0 { 0 } else { flat.len() / n };
    for g in 0..groups {
        let start = g * n;
        let mut mean = 0.0;
        for j in 0..n {
            mean += flat[start + j];
        }
        mean /= n as f64;
        let mut ms = 0.0;
        for j in 0..n {
            let c = flat[start + j] - mean;
            ms += c * c;
        }
        let inv = 1.0 / (ms / n as f64 + eps).sqrt();
        for j in 0..n {
            let scale = w.as_ref().map_or(1.0, |w| w[j]);
            out[start + j] = (flat[start + j] - mean) * inv * scale;
        }
    }
    ArrayD::from_shape_vec(x.raw_dim(), out).unwrap()
}

pub fn rms_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>) {
    let n: usize = normalized_shape.iter().product();
    let xs: Vec<f64> = x.iter().copied().collect();
    let dys: Vec<f64> = dy.iter().copied().collect();
    let w: Vec<f64> = weight.iter().copied().collect();
    let mut dx = vec![0.0; xs.len()];
    let mut dw = vec![0.0; n];
    let groups = if n == 0 { 0 } else { xs.len() / n };
    for g in 0..groups {
        let s = g * n;
        let mut ms = 0.0;
        for j in 0..n {
            ms += xs[s + j] * xs[s + j];
        }
        let r = 1.0 / (ms / n as f64 + eps).sqrt();
        let mut dot = 0.0;
        for j in 0..n {
            dot += dys[s + j] * w[j] * xs[s + j];
        }
        for j in 0..n {
            dx[s + j] = r * (dys[s + j] * w[j] - xs[s + j] * r * r * dot / n as f64);
            dw[j] += dys[s + j] * xs[s + j] * r;
        }
    }
    (
        ArrayD::from_shape_vec(x.raw_dim(), dx).unwrap(),
        ArrayD::from_shape_vec(weight.raw_dim(), dw).unwrap(),
    )
}
