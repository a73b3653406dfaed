use ndarray::prelude::*;

/// Plain vectors and index loops, Welford's mean and variance, and dx from
/// the chain rule written term by term (through x̂, then through σ, then
/// through μ) instead of the closed form.
pub fn layer_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>, ArrayD<f64>) {
    let d: usize = normalized_shape.iter().product();
    let xs: Vec<f64> = x.iter().copied().collect();
    let gs: Vec<f64> = dy.iter().copied().collect();
    let w: Vec<f64> = weight.iter().copied().collect();
    let mut dx = vec![0.0; xs.len()];
    let mut dw = vec![0.0; d];
    let mut db = vec![0.0; d];
    for start in (0..xs.len()).step_by(d.max(1)) {
        let row = &xs[start..start + d];
        let g = &gs[start..start + d];
        let (mut mean, mut m2) = (0.0, 0.0);
        for (k, &v) in row.iter().enumerate() {
            let delta = v - mean;
            mean += delta / (k + 1) as f64;
            m2 += delta * (v - mean);
        }
        let var = m2 / d as f64;
        let sigma = (var + eps).sqrt();
        // dL/dσ and dL/dμ, as in the computational graph x → (μ, σ) → x̂.
        let mut d_sigma = 0.0;
        let mut d_mean = 0.0;
        for i in 0..d {
            let x_hat = (row[i] - mean) / sigma;
            dw[i] += g[i] * x_hat;
            db[i] += g[i];
            let dx_hat = g[i] * w[i];
            d_sigma -= dx_hat * (row[i] - mean) / (sigma * sigma);
            d_mean -= dx_hat / sigma;
        }
        // σ = sqrt(var + eps), var = Σ (x − μ)² / d: ∂σ/∂xᵢ = (xᵢ − μ) / (d·σ)
        // (the μ-dependence of var sums to zero).
        for i in 0..d {
            let dx_hat = g[i] * w[i];
            dx[start + i] = dx_hat / sigma + d_sigma * (row[i] - mean) / (d as f64 * sigma) + d_mean / d as f64;
        }
    }
    (
        ArrayD::from_shape_vec(x.raw_dim(), dx).unwrap(),
        ArrayD::from_shape_vec(IxDyn(normalized_shape), dw).unwrap(),
        ArrayD::from_shape_vec(IxDyn(normalized_shape), db).unwrap(),
    )
}
