// A correct solution in another form: one Zip over p, g, m, v; mapv_inplace for the decay.
use ndarray::prelude::*;
use ndarray::Zip;

#[allow(clippy::too_many_arguments)]
pub fn adam_step(p: ArrayViewMut1<f64>, g: ArrayView1<f64>, m: ArrayViewMut1<f64>, v: ArrayViewMut1<f64>, t: usize, lr: f64, beta1: f64, beta2: f64, eps: f64, weight_decay: f64) {
    let bc1 = 1.0 - beta1.powi(t as i32);
    let bc2 = 1.0 - beta2.powi(t as i32);
    Zip::from(p).and(g).and(m).and(v).for_each(|p, &g, m, v| {
        let g = g + weight_decay * *p;
        *m = beta1 * *m + (1.0 - beta1) * g;
        *v = beta2 * *v + (1.0 - beta2) * g * g;
        *p -= lr * (*m / bc1) / ((*v / bc2).sqrt() + eps);
    });
}

#[allow(clippy::too_many_arguments)]
pub fn adamw_step(mut p: ArrayViewMut1<f64>, g: ArrayView1<f64>, m: ArrayViewMut1<f64>, v: ArrayViewMut1<f64>, t: usize, lr: f64, beta1: f64, beta2: f64, eps: f64, weight_decay: f64) {
    p.mapv_inplace(|x| x * (1.0 - lr * weight_decay));
    adam_step(p, g, m, v, t, lr, beta1, beta2, eps, 0.0);
}
