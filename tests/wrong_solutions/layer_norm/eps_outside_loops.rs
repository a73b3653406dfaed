// expect: mistake eps_outside_sqrt
// Two passes with index loops; eps added to the standard deviation.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let d: usize = normalized_shape.iter().product();
    let xs: Vec<f64> = x.iter().copied().collect();
    let ws: Vec<f64> = match &weight {
        Some(w) => w.iter().copied().collect(),
        None => vec![1.0; d],
    };
    let bs: Vec<f64> = match &bias {
        Some(b) => b.iter().copied().collect(),
        None => vec![0.0; d],
    };
    let mut ys = vec![0.0; xs.len()];
    let mut start = 0;
    while start < xs.len() {
        let mut s = 0.0;
        for i in 0..d {
            s += xs[start + i];
        }
        let mean = s / d as f64;
        let mut ss = 0.0;
        for i in 0..d {
            ss += (xs[start + i] - mean).powi(2);
        }
        let std = (ss / d as f64).sqrt() + eps;
        for i in 0..d {
            ys[start + i] = (xs[start + i] - mean) / std * ws[i] + bs[i];
        }
        start += d;
    }
    Array::from_shape_vec(x.raw_dim(), ys).unwrap()
}
