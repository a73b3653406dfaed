// expect: mistake unbiased_variance
// Welford's running mean and variance per row, divided by D − 1 at the end.
use ndarray::prelude::*;

pub fn layer_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>, ArrayD<f64>) {
    let d: usize = normalized_shape.iter().product();
    let rows = x.len() / d;
    let xr = x.to_shape((rows, d)).unwrap();
    let gr = dy.to_shape((rows, d)).unwrap();
    let w: Vec<f64> = weight.iter().copied().collect();
    let mut dx = Array2::<f64>::zeros((rows, d));
    let mut dw = Array1::<f64>::zeros(d);
    let mut db = Array1::<f64>::zeros(d);
    for r in 0..rows {
        let (mut mean, mut m2) = (0.0, 0.0);
        for j in 0..d {
            let delta = xr[[r, j]] - mean;
            mean += delta / (j + 1) as f64;
            m2 += delta * (xr[[r, j]] - mean);
        }
        let var = m2 / (d as f64 - 1.0);
        let rstd = 1.0 / (var + eps).sqrt();
        let (mut a, mut b) = (0.0, 0.0);
        for j in 0..d {
            let h = (xr[[r, j]] - mean) * rstd;
            let dh = gr[[r, j]] * w[j];
            a += dh;
            b += dh * h;
            dw[j] += gr[[r, j]] * h;
            db[j] += gr[[r, j]];
        }
        a /= d as f64;
        b /= d as f64;
        for j in 0..d {
            let h = (xr[[r, j]] - mean) * rstd;
            dx[[r, j]] = (gr[[r, j]] * w[j] - a - h * b) * rstd;
        }
    }
    (
        dx.into_shape_with_order(x.raw_dim()).unwrap(),
        dw.into_shape_with_order(IxDyn(normalized_shape)).unwrap(),
        db.into_shape_with_order(IxDyn(normalized_shape)).unwrap(),
    )
}
