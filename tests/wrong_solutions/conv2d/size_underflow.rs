// expect: panic usize_underflow
// Right arithmetic in the wrong order: h - kh underflows when the kernel is
// larger than the unpadded input.
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
    let h_out = (h - kh + 2 * padding.0) / stride.0 + 1;
    let w_out = (w - kw + 2 * padding.1) / stride.1 + 1;
    let mut padded = Array4::<f64>::zeros((n, c_in, h + 2 * padding.0, w + 2 * padding.1));
    padded
        .slice_mut(s![.., .., padding.0..padding.0 + h, padding.1..padding.1 + w])
        .assign(&x);
    let mut out = Array4::<f64>::zeros((n, c_out, h_out, w_out));
    for b in 0..n {
        for o in 0..c_out {
            for i in 0..h_out {
                for j in 0..w_out {
                    let r = i * stride.0;
                    let s = j * stride.1;
                    let patch = padded.slice(s![b, .., r..r + kh, s..s + kw]);
                    out[[b, o, i, j]] = (&patch * &weight.slice(s![o, .., .., ..])).sum()
                        + bias.map(|bb| bb[o]).unwrap_or(0.0);
                }
            }
        }
    }
    out
}
