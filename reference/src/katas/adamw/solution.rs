use ndarray::prelude::*;
use ndarray::Zip;

/// One step of `torch.optim.Adam`, in place: weight decay as L2
/// (g + weight_decay·p); `t` is the 1-based step number.
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
    // L2 regularization: the decay joins the gradient, so the moments see it.
    update(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay, 1.0);
}

/// One step of `torch.optim.AdamW`, in place: p ← p·(1 − lr·weight_decay)
/// first (decoupled decay), then the Adam update without decay.
#[allow(clippy::too_many_arguments)]
pub fn adamw_step(
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
    // Decoupled: p shrinks first, and the moments see the plain gradient.
    update(p, g, m, v, t, lr, beta1, beta2, eps, 0.0, 1.0 - lr * weight_decay);
}

/// The Adam update both share, in one pass over the elements: the gradient
/// plus `l2`·p, p multiplied by `shrink` (both with p before the step), the
/// moments, their bias correction, the step.
#[allow(clippy::too_many_arguments)]
fn update(
    mut p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    mut m: ArrayViewMut1<f64>,
    mut v: ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    l2: f64,
    shrink: f64,
) {
    let t = t as i32;
    let correction1 = 1.0 - beta1.powi(t);
    let correction2 = 1.0 - beta2.powi(t);
    Zip::from(&mut p)
        .and(&mut m)
        .and(&mut v)
        .and(&g)
        .for_each(|p, m, v, &g| {
            let g = g + l2 * *p;
            *p *= shrink;
            *m = beta1 * *m + (1.0 - beta1) * g;
            *v = beta2 * *v + (1.0 - beta2) * g * g;
            let m_hat = *m / correction1;
            let v_hat = *v / correction2;
            *p -= lr * m_hat / (v_hat.sqrt() + eps);
        });
}
