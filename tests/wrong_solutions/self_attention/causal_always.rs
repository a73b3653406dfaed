// expect: mistake always_causal
// Reshape + permute into (batch, head, n, d) and one mask built up front:
// the triangle is applied whatever `causal` says.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn heads(x: ArrayView3<f64>, l: &Linear, n_head: usize) -> Array4<f64> {
    let (b, n, e) = x.dim();
    let y = x.to_shape((b * n, e)).unwrap().dot(&l.weight.t()) + &l.bias;
    let d = l.bias.len() / n_head;
    y.to_shape((b, n, n_head, d)).unwrap().permuted_axes([0, 2, 1, 3]).to_owned()
}

pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, _causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (batch, n, _) = x.dim();
    let (q, k, v) = (heads(x, &w.q, n_head), heads(x, &w.k, n_head), heads(x, &w.v, n_head));
    let dk = q.dim().3;
    let dv = v.dim().3;
    let future = Array2::from_shape_fn((n, n), |(i, j)| j > i);
    let mut attn = Array4::<f64>::zeros((batch, n_head, n, n));
    let mut ctx = Array4::<f64>::zeros((batch, n_head, n, dv));
    for b in 0..batch {
        for h in 0..n_head {
            let mut s = q.slice(s![b, h, .., ..]).dot(&k.slice(s![b, h, .., ..]).t()) / (dk as f64).sqrt();
            s.zip_mut_with(&future, |x, &f| {
                if f {
                    *x = f64::NEG_INFINITY
                }
            });
            let m = s.fold_axis(Axis(1), f64::NEG_INFINITY, |a, &x| a.max(x));
            let e = (&s - &m.insert_axis(Axis(1))).mapv(f64::exp);
            let p = &e / &e.sum_axis(Axis(1)).insert_axis(Axis(1));
            ctx.slice_mut(s![b, h, .., ..]).assign(&p.dot(&v.slice(s![b, h, .., ..])));
            attn.slice_mut(s![b, h, .., ..]).assign(&p);
        }
    }
    let concat = ctx.permuted_axes([0, 2, 1, 3]).as_standard_layout().to_shape((batch * n, n_head * dv)).unwrap().to_owned();
    let out = concat.dot(&w.o.weight.t()) + &w.o.bias;
    (attn, out.into_shape_with_order((batch, n, w.o.bias.len())).unwrap())
}
