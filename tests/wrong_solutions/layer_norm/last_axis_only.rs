// expect: mistake last_axis_only
// Lanes of the last axis: right only when one axis is normalized.
use ndarray::prelude::*;

pub fn layer_norm(
    x: ArrayViewD<f64>,
    _normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let last = Axis(x.ndim() - 1);
    let mut y = x.to_owned();
    let w: Option<Vec<f64>> = weight.map(|w| w.iter().copied().collect());
    let b: Option<Vec<f64>> = bias.map(|b| b.iter().copied().collect());
    let width = x.shape()[x.ndim() - 1];
    for (lane_index, mut lane) in y.lanes_mut(last).into_iter().enumerate() {
        let n = lane.len() as f64;
        let mean = lane.sum() / n;
        let var = lane.fold(0.0, |acc, v| acc + (v - mean) * (v - mean)) / n;
        let scale = 1.0 / (var + eps).sqrt();
        // The lane's offset inside the affine parameters (they span normalized_shape).
        let offset = (lane_index * width) % w.as_ref().or(b.as_ref()).map_or(width, |p| p.len());
        for (j, v) in lane.iter_mut().enumerate() {
            let mut t = (*v - mean) * scale;
            if let Some(w) = &w {
                t *= w[offset + j];
            }
            if let Some(b) = &b {
                t += b[offset + j];
            }
            *v = t;
        }
    }
    y
}
