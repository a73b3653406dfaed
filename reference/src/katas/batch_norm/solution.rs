use ndarray::prelude::*;

/// Batch normalization, as `torch.nn.functional.batch_norm`.
///
/// x is (N, C, *): the statistics are per channel (axis 1), over every
/// other axis. Training: normalize with the batch mean and biased variance,
/// then running = (1 − momentum)·running + momentum·batch statistic, with the
/// unbiased variance (count/(count − 1)) for `running_var`. Evaluation:
/// normalize with the running statistics and leave them alone. `eps` goes
/// inside the square root; `weight` and `bias` (C,) apply when given.
/// Returns y shaped like x.
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
    // Swap axes 0 and 1, then flatten: one row per channel, (C, N·…).
    let mut axes: Vec<usize> = (0..x.ndim()).collect();
    axes.swap(0, 1);
    let by_channel = x.view().permuted_axes(axes.clone());
    let rows = by_channel
        .to_shape((channels, x.len() / channels))
        .expect("any layout reshapes");
    let count = rows.ncols() as f64;
    let (mean, var) = if training {
        let (mean, var) = mean_and_var(rows.view());
        let unbiased = &var * (count / (count - 1.0));
        *running_mean = (1.0 - momentum) * &*running_mean + momentum * &mean;
        *running_var = (1.0 - momentum) * &*running_var + momentum * &unbiased;
        (mean, var)
    } else {
        (running_mean.clone(), running_var.clone())
    };
    let std = var.mapv(|v| (v + eps).sqrt());
    // (x − mean) / std · weight + bias in one pass over each channel's row,
    // in place in a copy of x.
    let mut y = rows.into_owned();
    for (c, mut row) in y.outer_iter_mut().enumerate() {
        let scale = weight.map_or(1.0, |w| w[c]) / std[c];
        let shift = bias.map_or(0.0, |b| b[c]);
        row.mapv_inplace(|v| (v - mean[c]) * scale + shift);
    }
    // Back to (C, N, …), then swap the axes back.
    y.into_shape_clone(by_channel.raw_dim())
        .expect("same number of elements")
        .permuted_axes(axes)
}

/// Each row's mean and biased variance (two passes, so a large mean costs
/// no digits).
fn mean_and_var(rows: ArrayView2<f64>) -> (Array1<f64>, Array1<f64>) {
    let mean = rows.mean_axis(Axis(1)).expect("rows are not empty");
    let count = rows.ncols() as f64;
    // Σ (x − mean)² row by row, without a centered copy of the whole array.
    let var = rows
        .rows()
        .into_iter()
        .zip(&mean)
        .map(|(row, &m)| row.fold(0.0, |sum, &v| sum + (v - m) * (v - m)) / count)
        .collect();
    (mean, var)
}
