// expect: mistake stride_on_one_axis
// Zero-padded copy, then windows; the columns step by 1 whatever the stride.
use ndarray::prelude::*;

pub fn conv2d(
    x: ArrayView4<f64>,
    weight: ArrayView4<f64>,
    bias: Option<ArrayView1<f64>>,
    stride: (usize, usize),
    padding: (usize, usize),
) -> Array4<f64> {
    let (n, c_in, h, w) = x.dim();
    let (c_out, _, kh, kw) = weight.dim();
    let (ph, pw) = padding;
    let mut xp = Array4::<f64>::zeros((n, c_in, h + 2 * ph, w + 2 * pw));
    for b in 0..n {
        for c in 0..c_in {
            for i in 0..h {
                for j in 0..w {
                    xp[[b, c, i + ph, j + pw]] = x[[b, c, i, j]];
                }
            }
        }
    }
    let ho = (h + 2 * ph - kh) / stride.0 + 1;
    let wo = w + 2 * pw - kw + 1;
    let mut y = Array4::<f64>::zeros((n, c_out, ho, wo));
    for ((b, o, i, j), v) in y.indexed_iter_mut() {
        let mut acc = 0.0;
        for c in 0..c_in {
            for a in 0..kh {
                for e in 0..kw {
                    acc += xp[[b, c, i * stride.0 + a, j + e]] * weight[[o, c, a, e]];
                }
            }
        }
        *v = acc + bias.map_or(0.0, |bb| bb[o]);
    }
    y
}
