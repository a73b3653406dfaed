// expect: mistake biases_forgotten
// Every projection as x·Wᵀ, biases never added.
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
    let batch = q.dim().0;
    let (nq, nk) = (q.dim().1, k.dim().1);
    let dk = w.q.weight.nrows() / n_head;
    let dv = w.v.weight.nrows() / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, nq, nk));
    let mut out = Array3::<f64>::zeros((batch, nq, w.o.weight.nrows()));
    for b in 0..batch {
        let qp = q.index_axis(Axis(0), b).dot(&w.q.weight.t());
        let kp = k.index_axis(Axis(0), b).dot(&w.k.weight.t());
        let vp = v.index_axis(Axis(0), b).dot(&w.v.weight.t());
        let mut concat = Array2::<f64>::zeros((nq, n_head * dv));
        for h in 0..n_head {
            for i in 0..nq {
                let mut row: Vec<f64> = (0..nk)
                    .map(|j| {
                        let hidden = mask.is_some_and(|m| m[[b, i, j]]);
                        let dot: f64 = (0..dk).map(|t| qp[[i, h * dk + t]] * kp[[j, h * dk + t]]).sum();
                        if hidden { f64::NEG_INFINITY } else { dot / (dk as f64).sqrt() }
                    })
                    .collect();
                let mx = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                row.iter_mut().for_each(|x| *x = (*x - mx).exp());
                let z: f64 = row.iter().sum();
                for j in 0..nk {
                    attn[[b, h, i, j]] = row[j] / z;
                    for t in 0..dv {
                        concat[[i, h * dv + t]] += row[j] / z * vp[[j, h * dv + t]];
                    }
                }
            }
        }
        out.index_axis_mut(Axis(0), b).assign(&concat.dot(&w.o.weight.t()));
    }
    (attn, out)
}
