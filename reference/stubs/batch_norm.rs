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
    todo!()
}
