use ndarray::prelude::*;
use ndarray::Zip;

/// Gradients of sum(layer_norm(x, normalized_shape, weight, bias, eps) · dy)
/// with respect to x, weight and bias: (dx shaped like x, dweight and dbias
/// shaped like normalized_shape). The bias does not change them, so it is
/// not an argument.
pub fn layer_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>, ArrayD<f64>) {
    let inner: usize = normalized_shape.iter().product();
    let rows = x.len() / inner.max(1);
    let n = inner as f64;
    let w = weight.to_shape(inner).expect("weight has normalized_shape");
    let x2 = x.to_shape((rows, inner)).expect("trailing axes are normalized_shape");
    let dy2 = dy.to_shape((rows, inner)).expect("dy is shaped like x");
    let mut dx = Array2::zeros((rows, inner));
    let mut dweight = Array1::<f64>::zeros(inner);
    let mut dbias = Array1::<f64>::zeros(inner);
    // Row by row, without temporaries: x̂ = (x − mean)·rstd and dx̂ = dy·w
    // are recomputed where needed rather than stored.
    for ((x_row, dy_row), mut dx_row) in x2.rows().into_iter().zip(dy2.rows()).zip(dx.rows_mut()) {
        let mean = x_row.sum() / n;
        let var = x_row.fold(0.0, |s, &v| s + (v - mean) * (v - mean)) / n;
        let rstd = 1.0 / (var + eps).sqrt();
        let (mut sum_dx_hat, mut sum_dx_hat_x_hat) = (0.0, 0.0);
        Zip::from(&x_row)
            .and(&dy_row)
            .and(&w)
            .and(&mut dweight)
            .and(&mut dbias)
            .for_each(|&v, &g, &w, dw, db| {
                let h = (v - mean) * rstd;
                *dw += g * h;
                *db += g;
                sum_dx_hat += g * w;
                sum_dx_hat_x_hat += g * w * h;
            });
        // The mean and the variance depend on x too, which gives the two
        // subtracted terms.
        let (mean_dx_hat, mean_dx_hat_x_hat) = (sum_dx_hat / n, sum_dx_hat_x_hat / n);
        Zip::from(&mut dx_row)
            .and(&x_row)
            .and(&dy_row)
            .and(&w)
            .for_each(|d, &v, &g, &w| {
                let (g, h) = (g * w, (v - mean) * rstd);
                *d = rstd * (g - mean_dx_hat - h * mean_dx_hat_x_hat);
            });
    }
    (
        dx.into_shape_with_order(x.raw_dim()).expect("same number of elements"),
        dweight.into_shape_with_order(normalized_shape).expect("inner elements"),
        dbias.into_shape_with_order(normalized_shape).expect("inner elements"),
    )
}
