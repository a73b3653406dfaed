use ndarray::prelude::*;

/// RMSNorm with index loops over a flat copy of x, group by group.
pub fn rms_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let mut group = 1;
    for &len in normalized_shape {
        group *= len;
    }
    let values: Vec<f64> = x.iter().copied().collect();
    let w: Option<Vec<f64>> = weight.map(|w| w.iter().copied().collect());
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < values.len() {
        let mut squares = 0.0;
        for j in 0..group {
            squares += values[start + j] * values[start + j];
        }
        let rms = (squares / group as f64 + eps).sqrt();
        for j in 0..group {
            let scale = w.as_ref().map_or(1.0, |w| w[j]);
            out[start + j] = values[start + j] / rms * scale;
        }
        start += group;
    }
    ArrayD::from_shape_vec(x.shape(), out).expect("same number of elements")
}

/// The backward pass as the Jacobian-vector product written out:
/// dx_j = Σ_k dy_k·w_k·(δ_jk/rms − x_k·x_j/(n·rms³)).
pub fn rms_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>) {
    let group: usize = normalized_shape.iter().product();
    let xs: Vec<f64> = x.iter().copied().collect();
    let dys: Vec<f64> = dy.iter().copied().collect();
    let w: Vec<f64> = weight.iter().copied().collect();
    let mut dx = vec![0.0; xs.len()];
    let mut dw = vec![0.0; group];
    for start in (0..xs.len()).step_by(group.max(1)) {
        let row = &xs[start..start + group];
        let d = &dys[start..start + group];
        let ms = row.iter().map(|v| v * v).sum::<f64>() / group as f64;
        let rms = (ms + eps).sqrt();
        let rms3 = rms * rms * rms;
        for j in 0..group {
            let mut acc = d[j] * w[j] / rms;
            for k in 0..group {
                acc -= d[k] * w[k] * row[k] * row[j] / (group as f64 * rms3);
            }
            dx[start + j] = acc;
            dw[j] += d[j] * row[j] / rms;
        }
    }
    (
        ArrayD::from_shape_vec(x.shape(), dx).expect("same number of elements"),
        ArrayD::from_shape_vec(normalized_shape, dw).expect("group elements"),
    )
}
