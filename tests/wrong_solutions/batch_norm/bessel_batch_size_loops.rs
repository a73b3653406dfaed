// expect: mistake bessel_from_batch_size
// Per-channel index loops over (n, c, rest); the running variance's Bessel
// correction uses N/(N − 1), the batch size, not the N·H·W values averaged.
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
    let n = x.shape()[0];
    let c = x.shape()[1];
    let rest = x.len() / (n * c);
    let flat = x.as_standard_layout().into_owned().into_shape_with_order((n, c, rest)).unwrap();
    let mut out = flat.clone();
    for ch in 0..c {
        let (mean, var) = if training {
            let mut s = 0.0;
            for i in 0..n {
                for j in 0..rest {
                    s += flat[[i, ch, j]];
                }
            }
            let cnt = (n * rest) as f64;
            let mean = s / cnt;
            let mut q = 0.0;
            for i in 0..n {
                for j in 0..rest {
                    q += (flat[[i, ch, j]] - mean).powi(2);
                }
            }
            let var = q / cnt;
            let nb = n as f64;
            running_mean[ch] = (1.0 - momentum) * running_mean[ch] + momentum * mean;
            running_var[ch] = (1.0 - momentum) * running_var[ch] + momentum * var * nb / (nb - 1.0);
            (mean, var)
        } else {
            (running_mean[ch], running_var[ch])
        };
        let w = weight.map_or(1.0, |w| w[ch]);
        let b = bias.map_or(0.0, |b| b[ch]);
        for i in 0..n {
            for j in 0..rest {
                out[[i, ch, j]] = (flat[[i, ch, j]] - mean) / (var + eps).sqrt() * w + b;
            }
        }
    }
    out.into_shape_with_order(x.shape()).unwrap().into_dyn()
}
