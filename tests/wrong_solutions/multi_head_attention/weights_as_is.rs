// expect: mistake weights_not_transposed | panic matmul_shapes
// Projections as x·W, the weight taken as (in, out).
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn proj(x: ArrayView3<f64>, l: &Linear) -> Array3<f64> {
    let (b, n, _) = x.dim();
    let out = l.bias.len();
    let mut y = Array3::<f64>::zeros((b, n, out));
    for bi in 0..b {
        let r = x.index_axis(Axis(0), bi).dot(&l.weight) + &l.bias;
        y.index_axis_mut(Axis(0), bi).assign(&r);
    }
    y
}

pub fn multi_head_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
    n_head: usize,
    w: &MhaWeights,
) -> (Array4<f64>, Array3<f64>) {
    let (qp, kp, vp) = (proj(q, &w.q), proj(k, &w.k), proj(v, &w.v));
    let (batch, nq, _) = qp.dim();
    let nk = kp.dim().1;
    let dk = qp.dim().2 / n_head;
    let dv = vp.dim().2 / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, nq, nk));
    let mut cat = Array3::<f64>::zeros((batch, nq, n_head * dv));
    for b in 0..batch {
        for h in 0..n_head {
            let qh = qp.slice(s![b, .., h * dk..(h + 1) * dk]);
            let kh = kp.slice(s![b, .., h * dk..(h + 1) * dk]);
            let vh = vp.slice(s![b, .., h * dv..(h + 1) * dv]);
            let mut sc = qh.dot(&kh.t()) / (dk as f64).sqrt();
            if let Some(m) = mask {
                sc.zip_mut_with(&m.index_axis(Axis(0), b), |s, &x| if x { *s = f64::NEG_INFINITY });
            }
            for mut row in sc.rows_mut() {
                let mx = row.fold(f64::NEG_INFINITY, |a, &x| a.max(x));
                row.mapv_inplace(|x| (x - mx).exp());
                let z = row.sum();
                row /= z;
            }
            cat.slice_mut(s![b, .., h * dv..(h + 1) * dv]).assign(&sc.dot(&vh));
            attn.slice_mut(s![b, h, .., ..]).assign(&sc);
        }
    }
    (attn, proj(cat.view(), &w.o))
}
