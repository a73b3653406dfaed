// expect: mistake bias_ignored | pattern bias_missing
// im2col by hand with Vec rows and a dot per output pixel; the bias is forgotten.
use ndarray::prelude::*;

pub fn conv2d(
    x: ArrayView4<f64>,
    weight: ArrayView4<f64>,
    _bias: Option<ArrayView1<f64>>,
    stride: (usize, usize),
    padding: (usize, usize),
) -> Array4<f64> {
    let (n, c_in, h, w) = x.dim();
    let (c_out, _, kh, kw) = weight.dim();
    let ho = (h + 2 * padding.0 - kh) / stride.0 + 1;
    let wo = (w + 2 * padding.1 - kw) / stride.1 + 1;
    let kernels = weight.to_shape((c_out, c_in * kh * kw)).unwrap().to_owned();
    let mut out = Array4::<f64>::zeros((n, c_out, ho, wo));
    for b in 0..n {
        for i in 0..ho {
            for j in 0..wo {
                let mut col = Vec::with_capacity(c_in * kh * kw);
                for c in 0..c_in {
                    for a in 0..kh {
                        for e in 0..kw {
                            let r = (i * stride.0 + a) as i64 - padding.0 as i64;
                            let s = (j * stride.1 + e) as i64 - padding.1 as i64;
                            let inside = r >= 0 && s >= 0 && (r as usize) < h && (s as usize) < w;
                            col.push(if inside { x[[b, c, r as usize, s as usize]] } else { 0.0 });
                        }
                    }
                }
                let col = Array1::from(col);
                let y = kernels.dot(&col);
                for o in 0..c_out {
                    out[[b, o, i, j]] = y[o];
                }
            }
        }
    }
    out
}
