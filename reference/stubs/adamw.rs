use ndarray::prelude::*;

/// One step of `torch.optim.Adam`, updating `p`, `m` and `v` in place.
///
/// p, g, m, v have one length; `t` is the step number, counting from 1.
/// Weight decay is L2: g ← g + weight_decay·p first. Then
/// m ← beta1·m + (1 − beta1)·g, v ← beta2·v + (1 − beta2)·g²,
/// m̂ = m / (1 − beta1^t), v̂ = v / (1 − beta2^t),
/// p ← p − lr·m̂ / (sqrt(v̂) + eps).
///
/// To write through the views, declare them `mut p: ArrayViewMut1<f64>`.
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
    todo!()
}

/// One step of `torch.optim.AdamW`, updating `p`, `m` and `v` in place:
/// p ← p·(1 − lr·weight_decay) first (decoupled decay, p before the step),
/// then the Adam update of [`adam_step`] with the plain gradient g.
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
    todo!()
}
