// expect: mistake adamw_decay_after_step
// Iterator zips over the elements; AdamW's decay applied once the step is taken.
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
fn moments_and_step(
    p: &mut ArrayViewMut1<f64>,
    grads: &[f64],
    m: &mut ArrayViewMut1<f64>,
    v: &mut ArrayViewMut1<f64>,
    t: usize,
    lr: f64,
    betas: (f64, f64),
    eps: f64,
) {
    let (b1, b2) = betas;
    let c1 = 1.0 - b1.powf(t as f64);
    let c2 = 1.0 - b2.powf(t as f64);
    for (((pi, mi), vi), gi) in p.iter_mut().zip(m.iter_mut()).zip(v.iter_mut()).zip(grads) {
        *mi = b1 * *mi + (1.0 - b1) * gi;
        *vi = b2 * *vi + (1.0 - b2) * gi * gi;
        *pi -= lr * (*mi / c1) / ((*vi / c2).sqrt() + eps);
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
    let grads: Vec<f64> = g.iter().zip(p.iter()).map(|(gi, pi)| gi + weight_decay * pi).collect();
    moments_and_step(&mut p, &grads, &mut m, &mut v, t, lr, (beta1, beta2), eps);
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
    let grads: Vec<f64> = g.iter().copied().collect();
    moments_and_step(&mut p, &grads, &mut m, &mut v, t, lr, (beta1, beta2), eps);
    for pi in p.iter_mut() {
        *pi -= lr * weight_decay * *pi;
    }
}
