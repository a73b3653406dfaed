// expect: mistake heads_not_moved_back
// Heads split by reshape + permute into (b, h, n, d); the result is reshaped
// straight back to (b, n, h·d) without moving the head axis back.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn linear(x: ArrayView3<f64>, l: &Linear) -> Array3<f64> {
    let (b, n, e) = x.dim();
    let flat = x.to_shape((b * n, e)).unwrap();
    let y = flat.dot(&l.weight.t()) + &l.bias;
    y.to_shape((b, n, l.bias.len())).unwrap().to_owned()
}

fn split(x: &Array3<f64>, n_head: usize) -> Array4<f64> {
    let (b, n, e) = x.dim();
    let d = e / n_head;
    x.to_shape((b, n, n_head, d))
        .unwrap()
        .permuted_axes([0, 2, 1, 3])
        .as_standard_layout()
        .to_owned()
}

pub fn multi_head_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
    n_head: usize,
    w: &MhaWeights,
) -> (Array4<f64>, Array3<f64>) {
    let qh = split(&linear(q, &w.q), n_head);
    let kh = split(&linear(k, &w.k), n_head);
    let vh = split(&linear(v, &w.v), n_head);
    let (batch, _, nq, dk) = qh.dim();
    let nk = kh.dim().2;
    let dv = vh.dim().3;
    let mut attn = Array4::<f64>::zeros((batch, n_head, nq, nk));
    let mut heads = Array4::<f64>::zeros((batch, n_head, nq, dv));
    for b in 0..batch {
        for h in 0..n_head {
            let mut s = qh.slice(s![b, h, .., ..]).dot(&kh.slice(s![b, h, .., ..]).t()) / (dk as f64).sqrt();
            if let Some(m) = mask {
                for ((i, j), x) in s.indexed_iter_mut() {
                    if m[[b, i, j]] {
                        *x = f64::NEG_INFINITY;
                    }
                }
            }
            let mx = s.map_axis(Axis(1), |r| r.fold(f64::NEG_INFINITY, |a, &x| a.max(x)));
            let e = (&s - &mx.insert_axis(Axis(1))).mapv(f64::exp);
            let p = &e / &e.sum_axis(Axis(1)).insert_axis(Axis(1));
            heads.slice_mut(s![b, h, .., ..]).assign(&p.dot(&vh.slice(s![b, h, .., ..])));
            attn.slice_mut(s![b, h, .., ..]).assign(&p);
        }
    }
    let concat = heads.into_shape_with_order((batch, nq, n_head * dv)).unwrap();
    (attn, linear(concat.view(), &w.o))
}
