// expect: mistake missing_x_hat_term | gradient gradient_check
// Flat Vecs cut into rows with chunks; dx keeps the path through the mean
// but forgets the one through the variance.
use ndarray::prelude::*;

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
    for (r, (xr, gr)) in xs.chunks(d).zip(gs.chunks(d)).enumerate() {
        let n = d as f64;
        let mu = xr.iter().sum::<f64>() / n;
        let var = xr.iter().map(|a| (a - mu).powi(2)).sum::<f64>() / n;
        let inv = 1.0 / (var + eps).sqrt();
        let mut mean_dxh = 0.0;
        for j in 0..d {
            let xh = (xr[j] - mu) * inv;
            dw[j] += gr[j] * xh;
            db[j] += gr[j];
            mean_dxh += gr[j] * w[j] / n;
        }
        for j in 0..d {
            dx[r * d + j] = inv * (gr[j] * w[j] - mean_dxh);
        }
    }
    (
        ArrayD::from_shape_vec(x.raw_dim(), dx).unwrap(),
        ArrayD::from_shape_vec(IxDyn(normalized_shape), dw).unwrap(),
        ArrayD::from_shape_vec(IxDyn(normalized_shape), db).unwrap(),
    )
}
