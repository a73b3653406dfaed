use kata_prelude::MhaWeights;
use ndarray::prelude::*;

/// Causal (or full) multi-head self-attention with explicit loops. When
/// causal, query i only ever looks at keys 0..=i; the later keys keep a
/// weight of zero without being scored at all.
pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (batch, n, _) = x.dim();
    let qp = linear(x, &w.q.weight, &w.q.bias);
    let kp = linear(x, &w.k.weight, &w.k.bias);
    let vp = linear(x, &w.v.weight, &w.v.bias);
    let d_k = qp.dim().2 / n_head;
    let d_v = vp.dim().2 / n_head;
    let scale = (d_k as f64).sqrt();
    let mut attn = Array4::<f64>::zeros((batch, n_head, n, n));
    let mut heads = Array3::<f64>::zeros((batch, n, n_head * d_v));
    for b in 0..batch {
        for h in 0..n_head {
            for i in 0..n {
                let last = if causal { i + 1 } else { n };
                let mut scores = Vec::with_capacity(last);
                for j in 0..last {
                    let mut dot = 0.0;
                    for t in 0..d_k {
                        dot += qp[[b, i, h * d_k + t]] * kp[[b, j, h * d_k + t]];
                    }
                    scores.push(dot / scale);
                }
                let mut max = scores[0];
                for &s in &scores[1..] {
                    if s > max {
                        max = s;
                    }
                }
                let mut total = 0.0;
                for s in scores.iter_mut() {
                    *s = (*s - max).exp();
                    total += *s;
                }
                for j in 0..last {
                    let p = scores[j] / total;
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
