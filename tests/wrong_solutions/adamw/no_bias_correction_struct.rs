// expect: mistake no_bias_correction
// A small optimizer struct with a per-element rule; m and v used uncorrected.
use ndarray::prelude::*;

struct Adam {
    lr: f64,
    b1: f64,
    b2: f64,
    eps: f64,
}

impl Adam {
    fn apply(&self, p: &mut f64, grad: f64, m: &mut f64, v: &mut f64) {
        *m = self.b1 * *m + (1.0 - self.b1) * grad;
        *v = self.b2 * *v + (1.0 - self.b2) * grad * grad;
        *p -= self.lr * *m / (v.sqrt() + self.eps);
    }
}

#[allow(clippy::too_many_arguments)]
pub fn adam_step(
    mut p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    mut m: ArrayViewMut1<f64>,
    mut v: ArrayViewMut1<f64>,
    _t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
) {
    let opt = Adam { lr, b1: beta1, b2: beta2, eps };
    for i in 0..g.len() {
        let grad = g[i] + weight_decay * p[i];
        opt.apply(&mut p[i], grad, &mut m[i], &mut v[i]);
    }
}

#[allow(clippy::too_many_arguments)]
pub fn adamw_step(
    mut p: ArrayViewMut1<f64>,
    g: ArrayView1<f64>,
    mut m: ArrayViewMut1<f64>,
    mut v: ArrayViewMut1<f64>,
    _t: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
) {
    let opt = Adam { lr, b1: beta1, b2: beta2, eps };
    for i in 0..g.len() {
        p[i] *= 1.0 - lr * weight_decay;
        opt.apply(&mut p[i], g[i], &mut m[i], &mut v[i]);
    }
}
