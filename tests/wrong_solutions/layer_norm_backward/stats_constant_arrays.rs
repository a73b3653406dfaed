// expect: mistake stats_treated_as_constants | gradient gradient_check
// Whole-array ops on a (rows, D) reshape; dx = dy·weight/σ, as if the mean
// and the variance did not depend on x.
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
    let x2 = x.to_shape((rows, d)).unwrap().to_owned();
    let dy2 = dy.to_shape((rows, d)).unwrap().to_owned();
    let w = weight.to_shape((1, d)).unwrap().to_owned();
    let mean = x2.mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let centered = &x2 - &mean;
    let var = (&centered * &centered).mean_axis(Axis(1)).unwrap().insert_axis(Axis(1));
    let std = var.mapv(|s| (s + eps).sqrt());
    let x_hat = &centered / &std;
    let dx = &dy2 * &w / &std;
    let dweight = (&dy2 * &x_hat).sum_axis(Axis(0));
    let dbias = dy2.sum_axis(Axis(0));
    (
        dx.into_shape_with_order(x.raw_dim()).unwrap(),
        dweight.into_shape_with_order(IxDyn(normalized_shape)).unwrap(),
        dbias.into_shape_with_order(IxDyn(normalized_shape)).unwrap(),
    )
}
