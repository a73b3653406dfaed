// expect: mistake last_axis_only
// Lanes along the last axis, in both passes, then the weight broadcast over
// x: right whenever normalized_shape has one axis, wrong when it has more.
use ndarray::prelude::*;
use ndarray::Zip;

pub fn rms_norm(
    x: ArrayViewD<f64>,
    _normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let last = Axis(x.ndim() - 1);
    let d = x.len_of(last) as f64;
    let mut y = x.to_owned();
    for mut lane in y.lanes_mut(last) {
        let r = (lane.dot(&lane) / d + eps).sqrt().recip();
        lane *= r;
    }
    match weight {
        Some(w) => &y * &w,
        None => y,
    }
}

pub fn rms_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>) {
    let last = Axis(x.ndim() - 1);
    let d = x.len_of(last) as f64;
    let g = &dy * &weight;
    let mut dx = ArrayD::<f64>::zeros(x.raw_dim());
    let mut xhat = x.to_owned();
    Zip::from(x.lanes(last))
        .and(g.lanes(last))
        .and(dx.lanes_mut(last))
        .and(xhat.lanes_mut(last))
        .for_each(|xl, gl, mut dxl, mut xh| {
            let r = (xl.dot(&xl) / d + eps).sqrt().recip();
            let proj = gl.dot(&xl) / d;
            Zip::from(&mut dxl).and(&gl).and(&xl).for_each(|o, &gv, &xv| *o = r * (gv - xv * r * r * proj));
            xh *= r;
        });
    let n: usize = normalized_shape.iter().product();
    let rows = x.len() / n;
    let dw = (&dy * &xhat)
        .into_shape_with_order((rows, n))
        .unwrap()
        .sum_axis(Axis(0))
        .into_shape_with_order(weight.raw_dim())
        .unwrap();
    (dx, dw)
}
