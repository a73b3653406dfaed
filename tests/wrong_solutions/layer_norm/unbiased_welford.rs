// expect: mistake unbiased_variance
// Welford's running variance, finished with n − 1.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let inner: usize = normalized_shape.iter().product();
    let flat = x.to_owned().into_shape_with_order((x.len() / inner, inner)).unwrap();
    let mut y = Array2::<f64>::zeros(flat.raw_dim());
    for (r, row) in flat.outer_iter().enumerate() {
        let (mut mean, mut m2) = (0.0, 0.0);
        for (k, &v) in row.iter().enumerate() {
            let delta = v - mean;
            mean += delta / (k + 1) as f64;
            m2 += delta * (v - mean);
        }
        let var = m2 / (inner as f64 - 1.0);
        for c in 0..inner {
            let mut v = (row[c] - mean) / (var + eps).sqrt();
            if let Some(w) = &weight {
                v *= w.iter().nth(c).unwrap();
            }
            if let Some(b) = &bias {
                v += b.iter().nth(c).unwrap();
            }
            y[[r, c]] = v;
        }
    }
    y.into_shape_with_order(x.shape()).unwrap()
}
