// expect: mistake mask_ignored | invariant zero_where_mask
// The mask argument is accepted and never read.
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    _mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (batch, nq, d) = q.dim();
    let nk = k.dim().1;
    let mut attn = Array3::<f64>::zeros((batch, nq, nk));
    let mut out = Array3::<f64>::zeros((batch, nq, v.dim().2));
    for b in 0..batch {
        let s = q.index_axis(Axis(0), b).dot(&k.index_axis(Axis(0), b).t()) / (d as f64).sqrt();
        for (i, row) in s.outer_iter().enumerate() {
            let m = row.fold(f64::NEG_INFINITY, |a, &x| a.max(x));
            let e = row.mapv(|x| (x - m).exp());
            let p = &e / e.sum();
            attn.slice_mut(s![b, i, ..]).assign(&p);
            out.slice_mut(s![b, i, ..]).assign(&p.dot(&v.index_axis(Axis(0), b)));
        }
    }
    (attn, out)
}
