// expect: pattern scaled | gradient gradient_check
// Loops per group; dweight averages dy·x/rms over the groups instead of
// summing it (a mean, as the forward's mean(x²) suggested).
use ndarray::prelude::*;

pub fn rms_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let n: usize = normalized_shape.iter().product();
    let xs = x.as_standard_layout();
    let flat = xs.as_slice().unwrap();
    let w: Vec<f64> = weight.map_or(vec![1.0; n], |w| w.iter().copied().collect());
    let mut out = Vec::with_capacity(flat.len());
    for group in flat.chunks(n) {
        let ss: f64 = group.iter().map(|v| v * v).sum();
        let r = 1.0 / (ss / n as f64 + eps).sqrt();
        out.extend(group.iter().zip(&w).map(|(v, wj)| v * r * wj));
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
    let groups = xs.len() / n;
    let mut dx = Vec::with_capacity(xs.len());
    let mut dw = vec![0.0; n];
    for (xg, dyg) in xs.chunks(n).zip(dys.chunks(n)) {
        let ss: f64 = xg.iter().map(|v| v * v).sum();
        let r = 1.0 / (ss / n as f64 + eps).sqrt();
        let dot: f64 = (0..n).map(|j| dyg[j] * w[j] * xg[j]).sum();
        for j in 0..n {
            dx.push(r * dyg[j] * w[j] - r * r * r * xg[j] * dot / n as f64);
            dw[j] += dyg[j] * xg[j] * r / groups as f64;
        }
    }
    (
        ArrayD::from_shape_vec(x.raw_dim(), dx).unwrap(),
        ArrayD::from_shape_vec(weight.raw_dim(), dw).unwrap(),
    )
}
