use ndarray::prelude::*;

/// Batch normalization with Welford's online mean and variance per channel,
/// walking x once in its logical order and working out each element's
/// channel from its flat index.
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
    let shape = x.shape().to_vec();
    let channels = shape[1];
    let mut spatial = 1;
    for &len in &shape[2..] {
        spatial *= len;
    }
    let channel_of = |flat: usize| (flat / spatial) % channels;
    let values: Vec<f64> = x.iter().copied().collect();

    let mut mean = vec![0.0; channels];
    let mut var = vec![0.0; channels];
    if training {
        let mut count = vec![0usize; channels];
        let mut m2 = vec![0.0; channels];
        for (flat, &v) in values.iter().enumerate() {
            let c = channel_of(flat);
            count[c] += 1;
            let delta = v - mean[c];
            mean[c] += delta / count[c] as f64;
            m2[c] += delta * (v - mean[c]);
        }
        for c in 0..channels {
            let n = count[c] as f64;
            var[c] = m2[c] / n;
            let unbiased = m2[c] / (n - 1.0);
            running_mean[c] = (1.0 - momentum) * running_mean[c] + momentum * mean[c];
            running_var[c] = (1.0 - momentum) * running_var[c] + momentum * unbiased;
        }
    } else {
        for c in 0..channels {
            mean[c] = running_mean[c];
            var[c] = running_var[c];
        }
    }

    let mut out = vec![0.0; values.len()];
    for (flat, &v) in values.iter().enumerate() {
        let c = channel_of(flat);
        let mut y = (v - mean[c]) / (var[c] + eps).sqrt();
        if let Some(g) = weight {
            y *= g[c];
        }
        if let Some(b) = bias {
            y += b[c];
        }
        out[flat] = y;
    }
    ArrayD::from_shape_vec(shape, out).unwrap()
}
