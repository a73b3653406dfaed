// expect: mistake causal_transposed
// Index loops; the causal test hides the past (j < i) instead of the future.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn project(x: &Array2<f64>, l: &Linear) -> Array2<f64> {
    let mut y = Array2::<f64>::zeros((x.nrows(), l.bias.len()));
    for i in 0..x.nrows() {
        for o in 0..l.bias.len() {
            let mut acc = l.bias[o];
            for c in 0..x.ncols() {
                acc += x[[i, c]] * l.weight[[o, c]];
            }
            y[[i, o]] = acc;
        }
    }
    y
}

pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (batch, n, _) = x.dim();
    let dk = w.q.bias.len() / n_head;
    let dv = w.v.bias.len() / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, n, n));
    let mut out = Array3::<f64>::zeros((batch, n, w.o.bias.len()));
    for b in 0..batch {
        let xb = x.index_axis(Axis(0), b).to_owned();
        let (qp, kp, vp) = (project(&xb, &w.q), project(&xb, &w.k), project(&xb, &w.v));
        let mut concat = Array2::<f64>::zeros((n, n_head * dv));
        for h in 0..n_head {
            for i in 0..n {
                let mut p = vec![0.0; n];
                for j in 0..n {
                    let mut s = 0.0;
                    for t in 0..dk {
                        s += qp[[i, h * dk + t]] * kp[[j, h * dk + t]];
                    }
                    p[j] = s / (dk as f64).sqrt();
                    if causal && j < i { p[j] = f64::NEG_INFINITY; }
                }
                let mx = p.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let z: f64 = p.iter().map(|s| (s - mx).exp()).sum();
                for j in 0..n {
                    p[j] = (p[j] - mx).exp() / z;
                    
                    attn[[b, h, i, j]] = p[j];
                    for t in 0..dv {
                        concat[[i, h * dv + t]] += p[j] * vp[[j, h * dv + t]];
                    }
                }
            }
        }
        out.index_axis_mut(Axis(0), b).assign(&project(&concat, &w.o));
    }
    (attn, out)
}
