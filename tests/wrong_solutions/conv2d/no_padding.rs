// expect: mistake padding_ignored | pattern shape_relation
// Windows sliced straight from x: the padding argument is never used.
use ndarray::prelude::*;

pub fn conv2d(
    x: ArrayView4<f64>,
    weight: ArrayView4<f64>,
    bias: Option<ArrayView1<f64>>,
    stride: (usize, usize),
    _padding: (usize, usize),
) -> Array4<f64> {
    let (n, _, h, w) = x.dim();
    let (c_out, _, kh, kw) = weight.dim();
    let ho = (h - kh) / stride.0 + 1;
    let wo = (w - kw) / stride.1 + 1;
    Array4::from_shape_fn((n, c_out, ho, wo), |(b, o, i, j)| {
        let window = x.slice(s![b, .., i * stride.0..i * stride.0 + kh, j * stride.1..j * stride.1 + kw]);
        let k = weight.index_axis(Axis(0), o);
        (&window * &k).sum() + bias.map_or(0.0, |bb| bb[o])
    })
}
