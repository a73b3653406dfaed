use kata_prelude::MhaWeights;
use ndarray::prelude::*;

/// Multi-head attention written element by element: every projection, score,
/// softmax and weighted sum is an explicit loop.
pub fn multi_head_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
    n_head: usize,
    w: &MhaWeights,
) -> (Array4<f64>, Array3<f64>) {
    let (batch, n_q, _) = q.dim();
    let n_k = k.dim().1;
    let qp = linear(q, &w.q.weight, &w.q.bias);
    let kp = linear(k, &w.k.weight, &w.k.bias);
    let vp = linear(v, &w.v.weight, &w.v.bias);
    let d_k = qp.dim().2 / n_head;
    let d_v = vp.dim().2 / n_head;
    let inv_sqrt = 1.0 / (d_k as f64).sqrt();
    let mut attn = Array4::<f64>::zeros((batch, n_head, n_q, n_k));
    let mut heads = Array3::<f64>::zeros((batch, n_q, n_head * d_v));
    for b in 0..batch {
        for h in 0..n_head {
            for i in 0..n_q {
                let mut row = vec![f64::NEG_INFINITY; n_k];
                let mut max = f64::NEG_INFINITY;
                for j in 0..n_k {
                    let hidden = match mask {
                        Some(m) => m[[b, i, j]],
                        None => false,
                    };
                    if hidden {
                        continue;
                    }
                    let mut dot = 0.0;
                    for t in 0..d_k {
                        dot += qp[[b, i, h * d_k + t]] * kp[[b, j, h * d_k + t]];
                    }
                    row[j] = dot * inv_sqrt;
                    max = max.max(row[j]);
                }
                let mut total = 0.0;
                for s in row.iter_mut() {
                    // A hidden key: exp(−∞) = 0.
                    *s = if *s == f64::NEG_INFINITY { 0.0 } else { (*s - max).exp() };
                    total += *s;
                }
                for j in 0..n_k {
                    let p = row[j] / total;
                    attn[[b, h, i, j]] = p;
                    for t in 0..d_v {
                        heads[[b, i, h * d_v + t]] += p * vp[[b, j, h * d_v + t]];
                    }
                }
            }
        }
    }
    let output = linear(heads.view(), &w.o.weight, &w.o.bias);
    (attn, output)
}

/// y[b, i, o] = bias[o] + Σ_c x[b, i, c] · weight[o, c].
fn linear(x: ArrayView3<f64>, weight: &Array2<f64>, bias: &Array1<f64>) -> Array3<f64> {
    let (batch, n, width) = x.dim();
    let out = weight.nrows();
    let mut y = Array3::<f64>::zeros((batch, n, out));
    for b in 0..batch {
        for i in 0..n {
            for o in 0..out {
                let mut acc = bias[o];
                for c in 0..width {
                    acc += x[[b, i, c]] * weight[[o, c]];
                }
                y[[b, i, o]] = acc;
            }
        }
    }
    y
}
