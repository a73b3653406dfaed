// expect: pattern non_finite | pattern non_finite_rows
// Enumerated iter_mut loops; the bias correction uses t − 1 (as if t counted
// the steps already done), so the first step divides by 1 − beta^0 = 0.
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
fn step(
    p: &mut ArrayViewMut1<f64>,
    grad: impl Fn(usize, f64) -> f64,
    m: &mut ArrayViewMut1<f64>,
    v: &mut ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
) {
    let done = (t - 1) as i32;
    let c1 = 1.0 - beta1.powi(done);
    let c2 = 1.0 - beta2.powi(done);
    for (i, pi) in p.iter_mut().enumerate() {
        let gi = grad(i, *pi);
        m[i] = beta1 * m[i] + (1.0 - beta1) * gi;
        v[i] = beta2 * v[i] + (1.0 - beta2) * gi * gi;
        *pi -= lr * (m[i] / c1) / ((v[i] / c2).sqrt() + eps);
    }
}

#[allow(clippy::too_many_arguments)]
pub fn adam_step(
    mut p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    mut m: ArrayViewMut1<f64>,
    mut v: ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
) {
    step(&mut p, |i, pi| g[i] + weight_decay * pi, &mut m, &mut v, t, lr, beta1, beta2, eps);
}

#[allow(clippy::too_many_arguments)]
pub fn adamw_step(
    mut p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    mut m: ArrayViewMut1<f64>,
    mut v: ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
) {
    p.mapv_inplace(|x| x * (1.0 - lr * weight_decay));
    step(&mut p, |i, _| g[i], &mut m, &mut v, t, lr, beta1, beta2, eps);
}
