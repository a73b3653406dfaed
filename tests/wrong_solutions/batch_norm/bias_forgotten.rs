// expect: mistake bias_ignored | pattern bias_missing
// Statistics by folding over each channel's lane; the shift is never added.
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
pub fn batch_norm(
    x: ArrayViewD<f64>,
    running_mean: &mut Array1<f64>,
    running_var: &mut Array1<f64>,
    weight: Option<ArrayView1<f64>>,
    _bias: Option<ArrayView1<f64>>,
    training: bool,
    momentum: f64,
    eps: f64,
) -> ArrayD<f64> {
    let c = x.shape()[1];
    let mut y = x.to_owned();
    for ch in 0..c {
        let lane = x.index_axis(Axis(1), ch);
        let count = lane.len() as f64;
        let (mean, var) = if training {
            let (s, s2) = lane.fold((0.0, 0.0), |(s, _), &v| (s + v, 0.0));
            let _ = s2;
            let mean = s / count;
            let var = lane.fold(0.0, |a, &v| a + (v - mean).powi(2)) / count;
            running_mean[ch] = (1.0 - momentum) * running_mean[ch] + momentum * mean;
            running_var[ch] = (1.0 - momentum) * running_var[ch] + momentum * var * count / (count - 1.0);
            (mean, var)
        } else {
            (running_mean[ch], running_var[ch])
        };
        let g = weight.map_or(1.0, |w| w[ch]);
        y.index_axis_mut(Axis(1), ch)
            .mapv_inplace(|v| g * (v - mean) / (var + eps).sqrt());
    }
    y
}
