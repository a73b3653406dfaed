// expect: mistake running_var_biased
// Welford per channel; the running variance takes the biased estimate.
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
    let mut stats = vec![(0.0f64, 0.0f64, 0usize); channels];
    if training {
        for (idx, &v) in x.indexed_iter() {
            let s = &mut stats[idx[1]];
            s.2 += 1;
            let d = v - s.0;
            s.0 += d / s.2 as f64;
            s.1 += d * (v - s.0);
        }
        for c in 0..channels {
            let (mean, m2, count) = stats[c];
            running_mean[c] = (1.0 - momentum) * running_mean[c] + momentum * mean;
            running_var[c] = (1.0 - momentum) * running_var[c] + momentum * (m2 / count as f64);
        }
    }
    let mut out = ArrayD::<f64>::zeros(x.raw_dim());
    for (idx, &v) in x.indexed_iter() {
        let c = idx[1];
        let (mean, var) = if training {
            (stats[c].0, stats[c].1 / stats[c].2 as f64)
        } else {
            (running_mean[c], running_var[c])
        };
        let mut y = (v - mean) / (var + eps).sqrt();
        if let Some(w) = weight {
            y *= w[c];
        }
        if let Some(b) = bias {
            y += b[c];
        }
        out[&idx] = y;
    }
    out
}
