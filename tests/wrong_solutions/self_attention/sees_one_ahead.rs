// expect: invariant zero_above_diagonal | pattern above_diagonal
// The causal test hides only j > i + 1: every query also sees the next key.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn proj(x: ArrayView2<f64>, l: &Linear) -> Array2<f64> {
    x.dot(&l.weight.t()) + &l.bias
}

pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (batch, n, _) = x.dim();
    let dk = w.q.bias.len() / n_head;
    let dv = w.v.bias.len() / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, n, n));
    let mut out = Array3::<f64>::zeros((batch, n, w.o.bias.len()));
    for b in 0..batch {
        let xb = x.index_axis(Axis(0), b);
        let (qp, kp, vp) = (proj(xb, &w.q), proj(xb, &w.k), proj(xb, &w.v));
        let mut concat = Array2::<f64>::zeros((n, n_head * dv));
        for h in 0..n_head {
            let scores = Array2::from_shape_fn((n, n), |(i, j)| {
                if causal && j > i + 1 {
                    f64::NEG_INFINITY
                } else {
                    qp.slice(s![i, h * dk..(h + 1) * dk]).dot(&kp.slice(s![j, h * dk..(h + 1) * dk])) / (dk as f64).sqrt()
                }
            });
            let mut p = scores;
            for mut row in p.rows_mut() {
                let m = row.fold(f64::NEG_INFINITY, |a, &x| a.max(x));
                row.mapv_inplace(|s| (s - m).exp());
                let z = row.sum();
                row /= z;
            }
            concat.slice_mut(s![.., h * dv..(h + 1) * dv]).assign(&p.dot(&vp.slice(s![.., h * dv..(h + 1) * dv])));
            attn.slice_mut(s![b, h, .., ..]).assign(&p);
        }
        out.index_axis_mut(Axis(0), b).assign(&proj(concat.view(), &w.o));
    }
    (attn, out)
}
