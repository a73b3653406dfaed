// expect: mistake unbiased_normalization
// The unbiased variance everywhere, computed with sum and sum of squares after centering.
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
    let mut out = x.to_owned();
    for c in 0..channels {
        let values: Vec<f64> = x.index_axis(Axis(1), c).iter().copied().collect();
        let n = values.len() as f64;
        let (mean, var) = if training {
            let mean = values.iter().sum::<f64>() / n;
            let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
            running_mean[c] = (1.0 - momentum) * running_mean[c] + momentum * mean;
            running_var[c] = (1.0 - momentum) * running_var[c] + momentum * var;
            (mean, var)
        } else {
            (running_mean[c], running_var[c])
        };
        let denom = (var + eps).sqrt();
        let (g, b) = (weight.map_or(1.0, |w| w[c]), bias.map_or(0.0, |b| b[c]));
        for v in out.index_axis_mut(Axis(1), c).iter_mut() {
            *v = (*v - mean) / denom * g + b;
        }
    }
    out
}
