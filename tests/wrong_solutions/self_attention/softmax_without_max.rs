// expect: pattern overflow | pattern non_finite_rows | pattern non_finite
// Per head with index loops over the projected rows; the causal mask skips
// the future, but the softmax exponentiates the raw scores: a query whose
// score reaches 1e3 overflows to inf and its row becomes NaN.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn project(x: ArrayView2<f64>, l: &Linear) -> Array2<f64> {
    x.dot(&l.weight.t()) + &l.bias
}

pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (batch, n, _) = x.dim();
    let d_k = w.q.weight.nrows() / n_head;
    let d_v = w.v.weight.nrows() / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, n, n));
    let mut out = Array3::<f64>::zeros((batch, n, w.o.weight.nrows()));
    for b in 0..batch {
        let xb = x.index_axis(Axis(0), b);
        let (q, k, v) = (project(xb, &w.q), project(xb, &w.k), project(xb, &w.v));
        let mut concat = Array2::<f64>::zeros((n, n_head * d_v));
        for h in 0..n_head {
            for i in 0..n {
                let mut total = 0.0;
                for j in 0..n {
                    if causal && j > i {
                        continue;
                    }
                    let mut s = 0.0;
                    for c in 0..d_k {
                        s += q[[i, h * d_k + c]] * k[[j, h * d_k + c]];
                    }
                    let e = (s / (d_k as f64).sqrt()).exp();
                    attn[[b, h, i, j]] = e;
                    total += e;
                }
                for j in 0..n {
                    attn[[b, h, i, j]] /= total;
                    for c in 0..d_v {
                        concat[[i, h * d_v + c]] += attn[[b, h, i, j]] * v[[j, h * d_v + c]];
                    }
                }
            }
        }
        out.index_axis_mut(Axis(0), b).assign(&project(concat.view(), &w.o));
    }
    (attn, out)
}
