// expect: mistake mask_inverted | invariant zero_where_mask
// Keeps a key only where the mask says true (reading true as "visible").
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (batch, nq, d) = q.dim();
    let nk = k.dim().1;
    let attn = Array3::from_shape_fn((batch, nq, nk), |(b, i, j)| {
        let row: Vec<f64> = (0..nk)
            .map(|t| {
                let visible = mask.map_or(true, |m| m[[b, i, t]]);
                if visible {
                    q.slice(s![b, i, ..]).dot(&k.slice(s![b, t, ..])) / (d as f64).sqrt()
                } else {
                    f64::NEG_INFINITY
                }
            })
            .collect();
        let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let z: f64 = row.iter().map(|s| (s - m).exp()).sum();
        (row[j] - m).exp() / z
    });
    let mut out = Array3::<f64>::zeros((batch, nq, v.dim().2));
    for b in 0..batch {
        let o = attn.index_axis(Axis(0), b).dot(&v.index_axis(Axis(0), b));
        out.index_axis_mut(Axis(0), b).assign(&o);
    }
    (attn, out)
}
