// expect: mistake negative_rotation
// transformers' form: x·cos + rotate_half(x)·sin with cos and sin tables of
// width d, but rotate_half written as [x2, −x1] instead of [−x2, x1].
use ndarray::prelude::*;
use ndarray::concatenate;

pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let d = x.dim().3;
    let half = d / 2;
    let inv_freq: Vec<f64> = (0..half).map(|i| base.powf(-((2 * i) as f64) / d as f64)).collect();
    let seq = positions.len();
    let mut cos = Array2::<f64>::zeros((seq, d));
    let mut sin = Array2::<f64>::zeros((seq, d));
    for (t, &p) in positions.iter().enumerate() {
        for j in 0..d {
            let angle = p as f64 * inv_freq[j % half];
            cos[[t, j]] = angle.cos();
            sin[[t, j]] = angle.sin();
        }
    }
    let x1 = x.slice(s![.., .., .., ..half]);
    let x2 = x.slice(s![.., .., .., half..]);
    let neg_x1 = x1.mapv(|v| -v);
    let rotated = concatenate(Axis(3), &[x2, neg_x1.view()]).unwrap();
    &x * &cos + &rotated * &sin
}
