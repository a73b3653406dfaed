// expect: mistake padding_one_side
// The padded buffer has the right size, but x is copied to its top-left corner.
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
    let (hp, wp) = (h + 2 * padding.0, w + 2 * padding.1);
    let mut buf = vec![0.0; n * c_in * hp * wp];
    for ((b, c, i, j), &v) in x.indexed_iter() {
        buf[((b * c_in + c) * hp + i) * wp + j] = v;
    }
    let ho = (hp - kh) / stride.0 + 1;
    let wo = (wp - kw) / stride.1 + 1;
    let mut out = Array4::<f64>::zeros((n, c_out, ho, wo));
    for b in 0..n {
        for o in 0..c_out {
            let bo = bias.map_or(0.0, |v| v[o]);
            for i in 0..ho {
                for j in 0..wo {
                    let mut acc = bo;
                    for c in 0..c_in {
                        for a in 0..kh {
                            for e in 0..kw {
                                let idx = ((b * c_in + c) * hp + i * stride.0 + a) * wp + j * stride.1 + e;
                                acc += buf[idx] * weight[[o, c, a, e]];
                            }
                        }
                    }
                    out[[b, o, i, j]] = acc;
                }
            }
        }
    }
    out
}
