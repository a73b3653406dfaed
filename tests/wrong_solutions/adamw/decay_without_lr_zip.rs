// expect: mistake adamw_decay_without_lr
// Zipped element loops; AdamW's decay written p *= 1 − weight_decay, as the
// paper's λ reads, without the learning rate torch multiplies it by.
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
fn step(
    mut p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    mut m: ArrayViewMut1<f64>,
    mut v: ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    (beta1, beta2, eps): (f64, f64, f64),
    l2: f64,
) {
    let c1 = 1.0 - beta1.powi(t as i32);
    let c2 = 1.0 - beta2.powi(t as i32);
    for i in 0..p.len() {
        let gi = g[i] + l2 * p[i];
        m[i] = beta1 * m[i] + (1.0 - beta1) * gi;
        v[i] = beta2 * v[i] + (1.0 - beta2) * gi * gi;
        p[i] -= lr * (m[i] / c1) / ((v[i] / c2).sqrt() + eps);
    }
}

#[allow(clippy::too_many_arguments)]
pub fn adam_step(
    p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    m: ArrayViewMut1<f64>,
    v: ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
) {
    step(p, g, m, v, t, lr, (beta1, beta2, eps), weight_decay);
}

#[allow(clippy::too_many_arguments)]
pub fn adamw_step(
    mut p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    m: ArrayViewMut1<f64>,
    v: ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
) {
    p.mapv_inplace(|x| x * (1.0 - weight_decay));
    step(p, g, m, v, t, lr, (beta1, beta2, eps), 0.0);
}
