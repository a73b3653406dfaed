// expect: mistake no_output_projection | pattern shape_relation
// Index loops everywhere; the concatenated heads are returned as they are.
use kata_prelude::MhaWeights;
use ndarray::prelude::*;

pub fn multi_head_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
    n_head: usize,
    w: &MhaWeights,
) -> (Array4<f64>, Array3<f64>) {
    let project = |x: ArrayView3<f64>, wt: &Array2<f64>, bs: &Array1<f64>| {
        let (b, n, e) = x.dim();
        let o = bs.len();
        Array3::from_shape_fn((b, n, o), |(i, j, r)| bs[r] + (0..e).map(|c| x[[i, j, c]] * wt[[r, c]]).sum::<f64>())
    };
    let qp = project(q, &w.q.weight, &w.q.bias);
    let kp = project(k, &w.k.weight, &w.k.bias);
    let vp = project(v, &w.v.weight, &w.v.bias);
    let (batch, nq, wq) = qp.dim();
    let nk = kp.dim().1;
    let (dk, dv) = (wq / n_head, vp.dim().2 / n_head);
    let mut attn = Array4::<f64>::zeros((batch, n_head, nq, nk));
    let mut concat = Array3::<f64>::zeros((batch, nq, n_head * dv));
    for b in 0..batch {
        for h in 0..n_head {
            for i in 0..nq {
                let mut sc = vec![0.0; nk];
                for j in 0..nk {
                    if mask.is_some_and(|m| m[[b, i, j]]) {
                        sc[j] = f64::NEG_INFINITY;
                        continue;
                    }
                    for t in 0..dk {
                        sc[j] += qp[[b, i, h * dk + t]] * kp[[b, j, h * dk + t]];
                    }
                    sc[j] /= (dk as f64).sqrt();
                }
                let mx = sc.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let z: f64 = sc.iter().map(|s| (s - mx).exp()).sum();
                for j in 0..nk {
                    let p = (sc[j] - mx).exp() / z;
                    attn[[b, h, i, j]] = p;
                    for t in 0..dv {
                        concat[[b, i, h * dv + t]] += p * vp[[b, j, h * dv + t]];
                    }
                }
            }
        }
    }
    (attn, concat)
}
