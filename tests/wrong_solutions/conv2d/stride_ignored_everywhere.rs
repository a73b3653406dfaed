// expect: pattern shape_relation | mistake stride_on_one_axis
// Every window at every offset: the stride is never used.
use ndarray::prelude::*;

pub fn conv2d(
    x: ArrayView4<f64>,
    weight: ArrayView4<f64>,
    bias: Option<ArrayView1<f64>>,
    _stride: (usize, usize),
    padding: (usize, usize),
) -> Array4<f64> {
    let (n, c_in, h, w) = x.dim();
    let (c_out, _, kh, kw) = weight.dim();
    let mut xp = Array4::<f64>::zeros((n, c_in, h + 2 * padding.0, w + 2 * padding.1));
    xp.slice_mut(s![.., .., padding.0..padding.0 + h, padding.1..padding.1 + w]).assign(&x);
    let ho = h + 2 * padding.0 - kh + 1;
    let wo = w + 2 * padding.1 - kw + 1;
    let mut y = Array4::<f64>::zeros((n, c_out, ho, wo));
    for b in 0..n {
        for o in 0..c_out {
            for i in 0..ho {
                for j in 0..wo {
                    let win = xp.slice(s![b, .., i..i + kh, j..j + kw]);
                    y[[b, o, i, j]] = win.iter().zip(weight.slice(s![o, .., .., ..]).iter()).map(|(a, k)| a * k).sum::<f64>()
                        + bias.map_or(0.0, |bb| bb[o]);
                }
            }
        }
    }
    y
}
