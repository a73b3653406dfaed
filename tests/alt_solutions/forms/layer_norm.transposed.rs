// A correct solution in another form: the work done on the transpose, returned through reversed_axes and to_shape.
use ndarray::prelude::*;
use ndarray::Axis;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let d: usize = normalized_shape.iter().product();
    let rows = x.len() / d;
    let flat = x.to_owned().into_shape_with_order((rows, d)).unwrap();
    // work on the transpose: (d, rows)
    let mut t = flat.t().to_owned();
    let mean = t.mean_axis(Axis(0)).unwrap();
    t -= &mean;
    let var = t.mapv(|v| v * v).mean_axis(Axis(0)).unwrap();
    t /= &var.mapv(|v| (v + eps).sqrt());
    if let Some(w) = weight {
        let w = w.to_owned().into_shape_with_order((d, 1)).unwrap();
        t *= &w;
    }
    if let Some(b) = bias {
        let b = b.to_owned().into_shape_with_order((d, 1)).unwrap();
        t += &b;
    }
    // t.reversed_axes() is (rows, d) in column-major memory
    let y = t.reversed_axes();
    y.to_shape(x.shape()).unwrap().to_owned()
}
