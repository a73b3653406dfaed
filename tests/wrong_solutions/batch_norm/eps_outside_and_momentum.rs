// expect: mistake eps_outside_sqrt | mistake momentum_swapped
// Two mistakes: eps outside the square root (everywhere) and the momentum
// swapped (training only). On the evaluation cases eps is the only deviation.
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
pub fn batch_norm(
    x: ArrayViewD<f64>,
    running_mean: &mut Array1<f64>,
    running_var: &mut Array1<f64>,
    weight: Option<ArrayView1<f64>>,
    bias: Option<ArrayView1<f64>>,
    training: bool,
    momentum: f64,
    eps: f64,
) -> ArrayD<f64> {
    let channels = x.shape()[1];
    let mut means = vec![0.0; channels];
    let mut vars = vec![0.0; channels];
    for c in 0..channels {
        let xc = x.index_axis(Axis(1), c);
        if training {
            let n = xc.len() as f64;
            let m = xc.sum() / n;
            let v = xc.fold(0.0, |a, &t| a + (t - m) * (t - m)) / n;
            running_mean[c] = momentum * running_mean[c] + (1.0 - momentum) * m;
            running_var[c] = momentum * running_var[c] + (1.0 - momentum) * v * n / (n - 1.0);
            means[c] = m;
            vars[c] = v;
        } else {
            means[c] = running_mean[c];
            vars[c] = running_var[c];
        }
    }
    let mut y = x.to_owned();
    for (idx, v) in y.indexed_iter_mut() {
        let c = idx[1];
        let scale = weight.map_or(1.0, |w| w[c]);
        let shift = bias.map_or(0.0, |b| b[c]);
        *v = (*v - means[c]) / (vars[c].sqrt() + eps) * scale + shift;
    }
    y
}
