// A correct solution in another form: Array4::from_shape_fn with the kernel loops inside, signed index arithmetic for the padding.
use ndarray::prelude::*;

pub fn conv2d(x: ArrayView4<f64>, weight: ArrayView4<f64>, bias: Option<ArrayView1<f64>>, stride: (usize, usize), padding: (usize, usize)) -> Array4<f64> {
    let (n, c, h, w) = x.dim();
    let (f, _, kh, kw) = weight.dim();
    let ho = (h + 2 * padding.0 - kh) / stride.0 + 1;
    let wo = (w + 2 * padding.1 - kw) / stride.1 + 1;
    Array4::from_shape_fn((n, f, ho, wo), |(ni, fi, i, j)| {
        let mut s = bias.map_or(0.0, |b| b[fi]);
        for ci in 0..c {
            for a in 0..kh {
                for bb in 0..kw {
                    let r = (i * stride.0 + a) as isize - padding.0 as isize;
                    let col = (j * stride.1 + bb) as isize - padding.1 as isize;
                    if r >= 0 && col >= 0 && (r as usize) < h && (col as usize) < w {
                        s += x[[ni, ci, r as usize, col as usize]] * weight[[fi, ci, a, bb]];
                    }
                }
            }
        }
        s
    })
}
