// expect: mistake param_grads_summed_over_first_axis | pattern shape_relation
// dx by the textbook formula, row by row over a (rows, D) view; dweight and
// dbias accumulated over outer_iter(), i.e. over axis 0 only.
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
    let w = weight.to_shape(d).unwrap();
    let mut dx = Array2::<f64>::zeros((rows, d));
    let mut x_hat = Array2::<f64>::zeros((rows, d));
    for i in 0..rows {
        let row = xr.row(i);
        let mean = row.mean().unwrap();
        let var = row.mapv(|a| (a - mean) * (a - mean)).mean().unwrap();
        let rstd = 1.0 / (var + eps).sqrt();
        let xh = row.mapv(|a| (a - mean) * rstd);
        let dxh = &gr.row(i) * &w;
        let m1 = dxh.mean().unwrap();
        let m2 = (&dxh * &xh).mean().unwrap();
        dx.row_mut(i).assign(&((&dxh - m1 - &xh * m2) * rstd));
        x_hat.row_mut(i).assign(&xh);
    }
    let x_hat = x_hat.into_shape_with_order(x.raw_dim()).unwrap();
    // Sum the parameter gradients over the batch.
    let mut dweight = ArrayD::<f64>::zeros(dy.index_axis(Axis(0), 0).raw_dim());
    let mut dbias = dweight.clone();
    for (g, h) in dy.outer_iter().zip(x_hat.outer_iter()) {
        dweight += &(&g * &h);
        dbias += &g;
    }
    (dx.into_shape_with_order(x.raw_dim()).unwrap(), dweight, dbias)
}
