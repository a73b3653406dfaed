// expect: panic incompatible_layout
// Heads split and merged by permuted_axes + into_shape_with_order: the permuted
// array is not in row-major order, so the reshape back fails.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn linear(x: ArrayView3<f64>, l: &Linear) -> Array3<f64> {
    let (b, n, e) = x.dim();
    let y = x.to_shape((b * n, e)).unwrap().dot(&l.weight.t()) + &l.bias;
    y.into_shape_with_order((b, n, l.bias.len())).unwrap()
}

pub fn multi_head_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
    n_head: usize,
    w: &MhaWeights,
) -> (Array4<f64>, Array3<f64>) {
    let split = |x: Array3<f64>| {
        let (b, n, e) = x.dim();
        x.into_shape_with_order((b, n, n_head, e / n_head)).unwrap().permuted_axes([0, 2, 1, 3])
    };
    let (qh, kh, vh) = (split(linear(q, &w.q)), split(linear(k, &w.k)), split(linear(v, &w.v)));
    let (batch, _, nq, dk) = qh.dim();
    let nk = kh.dim().2;
    let dv = vh.dim().3;
    let mut attn = Array4::<f64>::zeros((batch, n_head, nq, nk));
    let mut heads = Array4::<f64>::zeros((batch, n_head, nq, dv));
    for b in 0..batch {
        for h in 0..n_head {
            let mut s = qh.slice(s![b, h, .., ..]).dot(&kh.slice(s![b, h, .., ..]).t()) / (dk as f64).sqrt();
            if let Some(m) = mask {
                s.zip_mut_with(&m.index_axis(Axis(0), b), |x, &hid| if hid { *x = f64::NEG_INFINITY });
            }
            let mx = s.map_axis(Axis(1), |r| r.fold(f64::NEG_INFINITY, |a, &x| a.max(x)));
            let e = (&s - &mx.insert_axis(Axis(1))).mapv(f64::exp);
            let p = &e / &e.sum_axis(Axis(1)).insert_axis(Axis(1));
            heads.slice_mut(s![b, h, .., ..]).assign(&p.dot(&vh.slice(s![b, h, .., ..])));
            attn.slice_mut(s![b, h, .., ..]).assign(&p);
        }
    }
    let merged = heads
        .permuted_axes([0, 2, 1, 3])
        .into_shape_with_order((batch, nq, n_head * dv))
        .unwrap();
    (attn, linear(merged.view(), &w.o))
}
