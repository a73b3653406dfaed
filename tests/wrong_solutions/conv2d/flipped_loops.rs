// expect: mistake kernel_flipped
// Six nested loops; the kernel is read back to front (a true convolution).
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
    let h_out = (h + 2 * padding.0 - kh) / stride.0 + 1;
    let w_out = (w + 2 * padding.1 - kw) / stride.1 + 1;
    let mut out = Array4::<f64>::zeros((n, c_out, h_out, w_out));
    for b in 0..n {
        for o in 0..c_out {
            for i in 0..h_out {
                for j in 0..w_out {
                    let mut acc = bias.map_or(0.0, |bb| bb[o]);
                    for c in 0..c_in {
                        for di in 0..kh {
                            for dj in 0..kw {
                                let r = (i * stride.0 + di) as isize - padding.0 as isize;
                                let s = (j * stride.1 + dj) as isize - padding.1 as isize;
                                if r < 0 || s < 0 || r >= h as isize || s >= w as isize {
                                    continue;
                                }
                                acc += x[[b, c, r as usize, s as usize]] * weight[[o, c, kh - 1 - di, kw - 1 - dj]];
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
