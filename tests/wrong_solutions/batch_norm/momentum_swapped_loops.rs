// expect: mistake momentum_swapped
// Per-channel loops over every element; the running update weights the batch by 1 − m.
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
    let c_count = x.shape()[1];
    let mut y = x.to_owned();
    for c in 0..c_count {
        let xc = x.index_axis(Axis(1), c);
        let n = xc.len() as f64;
        let (mean, var) = if training {
            let mean = xc.iter().sum::<f64>() / n;
            let var = xc.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
            running_mean[c] = momentum * running_mean[c] + (1.0 - momentum) * mean;
            running_var[c] = momentum * running_var[c] + (1.0 - momentum) * var * n / (n - 1.0);
            (mean, var)
        } else {
            (running_mean[c], running_var[c])
        };
        let g = weight.map_or(1.0, |w| w[c]);
        let b = bias.map_or(0.0, |b| b[c]);
        y.index_axis_mut(Axis(1), c)
            .mapv_inplace(|v| (v - mean) / (var + eps).sqrt() * g + b);
    }
    y
}
