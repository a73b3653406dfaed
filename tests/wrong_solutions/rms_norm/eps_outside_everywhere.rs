// expect: mistake eps_outside_sqrt
// Reshaped to (groups, n) with axis reductions; rms + eps in both passes.
use ndarray::prelude::*;

fn as_groups(a: &ArrayViewD<f64>, n: usize) -> Array2<f64> {
    let groups = a.len() / n.max(1);
    a.to_owned().into_shape_with_order((groups, n)).unwrap()
}

pub fn rms_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let n: usize = normalized_shape.iter().product();
    let x2 = as_groups(&x, n);
    let rms = x2.mapv(|v| v * v).mean_axis(Axis(1)).unwrap().mapv(f64::sqrt);
    let mut y = &x2 / &(rms + eps).insert_axis(Axis(1));
    if let Some(w) = weight {
        let w = w.to_owned().into_shape_with_order(n).unwrap();
        y = y * &w;
    }
    y.into_shape_with_order(x.raw_dim()).unwrap()
}

pub fn rms_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>) {
    let n: usize = normalized_shape.iter().product();
    let x2 = as_groups(&x, n);
    let dy2 = as_groups(&dy, n);
    let w = weight.to_owned().into_shape_with_order(n).unwrap();
    let inv = x2.mapv(|v| v * v).mean_axis(Axis(1)).unwrap().mapv(|m| 1.0 / (m.sqrt() + eps));
    let inv_col = inv.clone().insert_axis(Axis(1));
    let xhat = &x2 * &inv_col;
    let g = &dy2 * &w;
    let proj = (&g * &xhat).mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let dx = (&g - &(&xhat * &proj)) * &inv_col;
    let dw = (&dy2 * &xhat).sum_axis(Axis(0));
    (
        dx.into_shape_with_order(x.raw_dim()).unwrap(),
        dw.into_shape_with_order(weight.raw_dim()).unwrap(),
    )
}
