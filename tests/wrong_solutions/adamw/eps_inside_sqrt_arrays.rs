// expect: mistake eps_inside_sqrt
// Whole-array arithmetic with temporaries; eps added under the square root.
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
fn update(
    mut p: ArrayViewMut1<f64>,
    grad: Array1<f64>,
    mut m: ArrayViewMut1<f64>,
    mut v: ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
) {
    let new_m = &m * beta1 + &grad * (1.0 - beta1);
    let new_v = &v * beta2 + &grad.mapv(|x| x * x) * (1.0 - beta2);
    let m_hat = &new_m / (1.0 - beta1.powi(t as i32));
    let v_hat = &new_v / (1.0 - beta2.powi(t as i32));
    let denom = (v_hat + eps).mapv(f64::sqrt);
    let step = m_hat / denom;
    p.scaled_add(-lr, &step);
    m.assign(&new_m);
    v.assign(&new_v);
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
    let grad = &g + &(&p * weight_decay);
    update(p, grad, m, v, t, lr, beta1, beta2, eps);
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
    p *= 1.0 - lr * weight_decay;
    update(p, g.to_owned(), m, v, t, lr, beta1, beta2, eps);
}
