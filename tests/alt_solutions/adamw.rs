use ndarray::prelude::*;

/// Index loops, powf for the corrections, and Adam as AdamW's sibling
/// written out twice rather than through a shared helper.
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
    let step = t as f64;
    for i in 0..p.len() {
        let grad = g[i] + weight_decay * p[i];
        m[i] = m[i] + (1.0 - beta1) * (grad - m[i]);
        v[i] = beta2 * v[i] + (1.0 - beta2) * grad.powi(2);
        let denom = (v[i] / (1.0 - beta2.powf(step))).sqrt() + eps;
        p[i] -= lr / (1.0 - beta1.powf(step)) * m[i] / denom;
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
    let step = t as f64;
    let bias1 = 1.0 - beta1.powf(step);
    let bias2_sqrt = (1.0 - beta2.powf(step)).sqrt();
    for i in 0..p.len() {
        p[i] *= 1.0 - lr * weight_decay;
        m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1.0 - beta2) * g[i] * g[i];
        // torch's own arrangement: (sqrt(v) / sqrt(bias2) + eps), lr / bias1.
        p[i] -= (lr / bias1) * m[i] / (v[i].sqrt() / bias2_sqrt + eps);
    }
}
