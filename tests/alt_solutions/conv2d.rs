use ndarray::prelude::*;

/// 2-D cross-correlation as six nested loops over (sample, output channel,
/// output row, output column, input channel, kernel row, kernel column) —
/// the padding is never materialized: a kernel tap that lands in the zero
/// border is skipped.
pub fn conv2d(
    x: ArrayView4<f64>,
    weight: ArrayView4<f64>,
    bias: Option<ArrayView1<f64>>,
    stride: (usize, usize),
    padding: (usize, usize),
) -> Array4<f64> {
    let (n, c_in, h, w) = x.dim();
    let (c_out, _, kh, kw) = weight.dim();
    let (sh, sw) = stride;
    let (ph, pw) = padding;
    let h_out = (h + 2 * ph - kh) / sh + 1;
    let w_out = (w + 2 * pw - kw) / sw + 1;
    let mut out = Array4::<f64>::zeros((n, c_out, h_out, w_out));
    for s in 0..n {
        for o in 0..c_out {
            for i in 0..h_out {
                for j in 0..w_out {
                    let mut acc = match bias {
                        Some(b) => b[o],
                        None => 0.0,
                    };
                    for c in 0..c_in {
                        for di in 0..kh {
                            // Row in padded coordinates, then back to x's rows.
                            let row = i * sh + di;
                            if row < ph || row >= ph + h {
                                continue;
                            }
                            for dj in 0..kw {
                                let col = j * sw + dj;
                                if col < pw || col >= pw + w {
                                    continue;
                                }
                                acc += x[[s, c, row - ph, col - pw]] * weight[[o, c, di, dj]];
                            }
                        }
                    }
                    out[[s, o, i, j]] = acc;
                }
            }
        }
    }
    out
}
