// expect: mistake rms_treated_as_constant | gradient gradient_check
// Row iterators; the backward differentiates x·r·w as if r did not depend on x.
use ndarray::prelude::*;

pub fn rms_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let n: usize = normalized_shape.iter().product();
    let mut y = x.to_owned().into_shape_with_order((x.len() / n, n)).unwrap();
    let w = weight.map(|w| w.iter().copied().collect::<Vec<_>>());
    for mut row in y.outer_iter_mut() {
        let ms = row.fold(0.0, |a, &v| a + v * v) / n as f64;
        let denom = (ms + eps).sqrt();
        row.iter_mut().enumerate().for_each(|(j, v)| {
            *v /= denom;
            if let Some(w) = &w {
                *v *= w[j];
            }
        });
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
    let rows = x.len() / n;
    let xr = x.to_owned().into_shape_with_order((rows, n)).unwrap();
    let dyr = dy.to_owned().into_shape_with_order((rows, n)).unwrap();
    let w = weight.to_owned().into_shape_with_order(n).unwrap();
    let mut dx = Array2::<f64>::zeros((rows, n));
    let mut dw = Array1::<f64>::zeros(n);
    for ((xi, dyi), mut dxi) in xr.outer_iter().zip(dyr.outer_iter()).zip(dx.outer_iter_mut()) {
        let denom = (xi.dot(&xi) / n as f64 + eps).sqrt();
        dxi.assign(&(&dyi * &w / denom));
        dw += &(&dyi * &xi / denom);
    }
    (
        dx.into_shape_with_order(x.raw_dim()).unwrap(),
        dw.into_shape_with_order(weight.raw_dim()).unwrap(),
    )
}
