// expect: mistake training_flag_ignored
// Always the batch statistics and always an update, as the snippet's undefined self.training.
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
pub fn batch_norm(
    x: ArrayViewD<f64>,
    running_mean: &mut Array1<f64>,
    running_var: &mut Array1<f64>,
    weight: Option<ArrayView1<f64>>,
    bias: Option<ArrayView1<f64>>,
    _training: bool,
    momentum: f64,
    eps: f64,
) -> ArrayD<f64> {
    let c = x.shape()[1];
    let mut order: Vec<usize> = (0..x.ndim()).collect();
    order.swap(0, 1);
    let moved = x.view().permuted_axes(order.clone());
    let flat = moved.as_standard_layout().into_owned();
    let per = flat.len() / c;
    let rows = flat.into_shape_with_order((c, per)).unwrap();
    let mean = rows.sum_axis(Axis(1)) / per as f64;
    let var = rows
        .outer_iter()
        .zip(mean.iter())
        .map(|(r, &m)| r.iter().map(|v| (v - m).powi(2)).sum::<f64>() / per as f64)
        .collect::<Array1<f64>>();
    *running_mean = running_mean.mapv(|r| r * (1.0 - momentum)) + &mean * momentum;
    *running_var = running_var.mapv(|r| r * (1.0 - momentum)) + &var * (momentum * per as f64 / (per as f64 - 1.0));
    let mut y = rows.clone();
    for (ci, mut r) in y.outer_iter_mut().enumerate() {
        let g = weight.map_or(1.0, |w| w[ci]);
        let b = bias.map_or(0.0, |b| b[ci]);
        r.mapv_inplace(|v| (v - mean[ci]) / (var[ci] + eps).sqrt() * g + b);
    }
    let mut shape = x.shape().to_vec();
    shape.swap(0, 1);
    y.into_shape_with_order(shape).unwrap().permuted_axes(order).to_owned()
}
