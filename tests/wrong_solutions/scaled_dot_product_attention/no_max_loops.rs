// expect: mistake no_max_subtraction | pattern overflow
// Index loops; the softmax exponentiates the raw scores.
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let (b, nq, dk) = q.dim();
    let nk = k.dim().1;
    let dv = v.dim().2;
    let mut attn = Array3::<f64>::zeros((b, nq, nk));
    let mut out = Array3::<f64>::zeros((b, nq, dv));
    for bi in 0..b {
        for i in 0..nq {
            let mut total = 0.0;
            for j in 0..nk {
                let hidden = mask.map_or(false, |m| m[[bi, i, j]]);
                if hidden {
                    continue;
                }
                let mut s = 0.0;
                for t in 0..dk {
                    s += q[[bi, i, t]] * k[[bi, j, t]];
                }
                let e = (s / (dk as f64).sqrt()).exp();
                attn[[bi, i, j]] = e;
                total += e;
            }
            for j in 0..nk {
                attn[[bi, i, j]] /= total;
                for t in 0..dv {
                    out[[bi, i, t]] += attn[[bi, i, j]] * v[[bi, j, t]];
                }
            }
        }
    }
    (attn, out)
}
