// expect: gradient gradient_check
// Iterator folds per row; dx right, but dweight sums dy·x instead of dy·x̂.
use ndarray::prelude::*;

pub fn layer_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>, ArrayD<f64>) {
    let d: usize = normalized_shape.iter().product();
    let n = d as f64;
    let w: Vec<f64> = weight.iter().copied().collect();
    let xs: Vec<f64> = x.iter().copied().collect();
    let gs: Vec<f64> = dy.iter().copied().collect();
    let mut dx = Vec::with_capacity(xs.len());
    let (mut dw, mut db) = (vec![0.0; d], vec![0.0; d]);
    for (xr, gr) in xs.chunks(d).zip(gs.chunks(d)) {
        let mean = xr.iter().fold(0.0, |s, a| s + a) / n;
        let var = xr.iter().fold(0.0, |s, a| s + (a - mean) * (a - mean)) / n;
        let rstd = (var + eps).sqrt().recip();
        let hat: Vec<f64> = xr.iter().map(|a| (a - mean) * rstd).collect();
        let dhat: Vec<f64> = gr.iter().zip(&w).map(|(g, w)| g * w).collect();
        let s1 = dhat.iter().sum::<f64>() / n;
        let s2 = dhat.iter().zip(&hat).map(|(a, b)| a * b).sum::<f64>() / n;
        dx.extend(dhat.iter().zip(&hat).map(|(dh, h)| rstd * (dh - s1 - h * s2)));
        for j in 0..d {
            dw[j] += gr[j] * xr[j];
            db[j] += gr[j];
        }
    }
    (
        ArrayD::from_shape_vec(x.raw_dim(), dx).unwrap(),
        ArrayD::from_shape_vec(IxDyn(normalized_shape), dw).unwrap(),
        ArrayD::from_shape_vec(IxDyn(normalized_shape), db).unwrap(),
    )
}
