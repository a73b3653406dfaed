// expect: mistake adamw_decay_in_gradient
// Index loops; AdamW's decay folded into the gradient, as Adam's L2 is.
use ndarray::prelude::*;

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
    let bc1 = 1.0 - beta1.powi(t as i32);
    let bc2 = 1.0 - beta2.powi(t as i32);
    for i in 0..p.len() {
        let grad = g[i] + weight_decay * p[i];
        m[i] = beta1 * m[i] + (1.0 - beta1) * grad;
        v[i] = beta2 * v[i] + (1.0 - beta2) * grad * grad;
        let m_hat = m[i] / bc1;
        let v_hat = v[i] / bc2;
        p[i] -= lr * m_hat / (v_hat.sqrt() + eps);
    }
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
    let bc1 = 1.0 - beta1.powi(t as i32);
    let bc2 = 1.0 - beta2.powi(t as i32);
    for i in 0..p.len() {
        // "weight decay" = add wd * p to the gradient
        let grad = g[i] + weight_decay * p[i];
        m[i] = beta1 * m[i] + (1.0 - beta1) * grad;
        v[i] = beta2 * v[i] + (1.0 - beta2) * grad.powi(2);
        p[i] -= lr * (m[i] / bc1) / ((v[i] / bc2).sqrt() + eps);
    }
}
