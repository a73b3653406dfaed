// expect: invariant standardized | mistake momentum_swapped | mistake running_var_biased
// Adapted from a public implementation: statistics per position (over the
// batch axis only), the momentum swapped, and the biased running variance.
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
    let c = x.shape()[1];
    let mut y = x.to_owned();
    if training {
        let mean = x.mean_axis(Axis(0)).unwrap();
        let var = x.map_axis(Axis(0), |col| {
            let m = col.mean().unwrap();
            col.iter().map(|v| (v - m).powi(2)).sum::<f64>() / col.len() as f64
        });
        for ch in 0..c {
            let m = mean.index_axis(Axis(0), ch).mean().unwrap();
            let v = var.index_axis(Axis(0), ch).mean().unwrap();
            running_mean[ch] = momentum * running_mean[ch] + (1.0 - momentum) * m;
            running_var[ch] = momentum * running_var[ch] + (1.0 - momentum) * v;
        }
        for mut sample in y.outer_iter_mut() {
            sample -= &mean;
            sample /= &var.mapv(|v| (v + eps).sqrt());
        }
    } else {
        for (idx, v) in y.indexed_iter_mut() {
            *v = (*v - running_mean[idx[1]]) / (running_var[idx[1]] + eps).sqrt();
        }
    }
    for (idx, v) in y.indexed_iter_mut() {
        *v = *v * weight.map_or(1.0, |w| w[idx[1]]) + bias.map_or(0.0, |b| b[idx[1]]);
    }
    y
}
