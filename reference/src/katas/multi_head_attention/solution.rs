use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

/// Multi-head attention, as `torch.nn.MultiheadAttention(batch_first=True)`.
///
/// q (batch, n_q, e_q), k (batch, n_k, e_k), v (batch, n_k, e_v). The
/// projections give Q = q·W_qᵀ + b_q and K of width n_head·d_k, V of width
/// n_head·d_v; head h takes columns [h·d, (h+1)·d) of each. Every head is
/// scaled dot-product attention with scale √d_k, `mask` (batch, n_q, n_k)
/// (true = hidden) applying to every head. The heads' outputs are
/// concatenated in head order and projected: out = concat·W_oᵀ + b_o.
/// Returns (attn (batch, n_head, n_q, n_k), output (batch, n_q, d_o)).
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
    let (q, k, v) = (project(q, &w.q), project(k, &w.k), project(v, &w.v));
    let d_k = q.dim().2 / n_head;
    let d_v = v.dim().2 / n_head;
    let scale = (d_k as f64).sqrt();
    let mut attn = Array4::zeros((batch, n_head, n_q, n_k));
    let mut concat = Array3::zeros((batch, n_q, n_head * d_v));
    for b in 0..batch {
        for h in 0..n_head {
            let (qh, kh, vh) = (head(&q, b, h, n_head), head(&k, b, h, n_head), head(&v, b, h, n_head));
            let mut scores = qh.dot(&kh.t()) / scale;
            if let Some(mask) = mask {
                scores.zip_mut_with(&mask.index_axis(Axis(0), b), |s, &hidden| {
                    if hidden {
                        *s = f64::NEG_INFINITY;
                    }
                });
            }
            let weights = softmax_over_keys(scores);
            concat
                .slice_mut(s![b, .., h * d_v..(h + 1) * d_v])
                .assign(&weights.dot(&vh));
            attn.slice_mut(s![b, h, .., ..]).assign(&weights);
        }
    }
    let output = project(concat.view(), &w.o);
    (attn, output)
}

/// x·Wᵀ + b on the last axis of x (batch, n, in), as one matrix product.
fn project(x: ArrayView3<f64>, layer: &Linear) -> Array3<f64> {
    let (batch, n, width) = x.dim();
    let rows = x.to_shape((batch * n, width)).expect("any layout reshapes");
    let y = rows.dot(&layer.weight.t()) + &layer.bias;
    y.into_shape_clone((batch, n, layer.bias.len()))
        .expect("same number of elements")
}

/// Head `h` of batch row `b`: the h-th block of columns, (n, width / n_head).
fn head(x: &Array3<f64>, b: usize, h: usize, n_head: usize) -> ArrayView2<'_, f64> {
    let d = x.dim().2 / n_head;
    x.slice(s![b, .., h * d..(h + 1) * d])
}

/// Softmax of each row (n_q, n_k) over the keys, shifted by the row maximum
/// so that `exp` never overflows.
fn softmax_over_keys(scores: Array2<f64>) -> Array2<f64> {
    let keys = Axis(1);
    let max = scores.map_axis(keys, |row| row.fold(f64::NEG_INFINITY, |m, &s| m.max(s)));
    let e = (scores - &max.insert_axis(keys)).mapv_into(f64::exp);
    let sum = e.sum_axis(keys);
    e / &sum.insert_axis(keys)
}
