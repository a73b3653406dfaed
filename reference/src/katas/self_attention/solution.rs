use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

/// Multi-head self-attention, optionally causal (as in decoder-only
/// transformers).
///
/// x (batch, n, d_model) gives the queries, keys and values alike:
/// Q = x·W_qᵀ + b_q and K have width n_head·d_k, V = x·W_vᵀ + b_v has width
/// n_head·d_v; head h takes columns [h·d, (h+1)·d). Every head is scaled
/// dot-product attention with scale √d_k; if `causal`, position i attends
/// only to positions j ≤ i. The heads' outputs are concatenated in head
/// order and projected: out = concat·W_oᵀ + b_o.
/// Returns (attn (batch, n_head, n, n), output (batch, n, d_o)).
pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (batch, n, _) = x.dim();
    let (q, k, v) = (project(x, &w.q), project(x, &w.k), project(x, &w.v));
    let d_k = q.dim().2 / n_head;
    let d_v = v.dim().2 / n_head;
    let scale = (d_k as f64).sqrt();
    // future[[i, j]]: key j comes after query i, hidden when causal.
    let future = Array2::from_shape_fn((n, n), |(i, j)| j > i);
    let mut attn = Array4::zeros((batch, n_head, n, n));
    let mut concat = Array3::zeros((batch, n, n_head * d_v));
    for b in 0..batch {
        for h in 0..n_head {
            let (qh, kh, vh) = (head(&q, b, h, n_head), head(&k, b, h, n_head), head(&v, b, h, n_head));
            let mut scores = qh.dot(&kh.t()) / scale;
            if causal {
                scores.zip_mut_with(&future, |s, &hidden| {
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

/// Softmax of each row (n, n) over the keys, shifted by the row maximum so
/// that `exp` never overflows.
fn softmax_over_keys(scores: Array2<f64>) -> Array2<f64> {
    let keys = Axis(1);
    let max = scores.map_axis(keys, |row| row.fold(f64::NEG_INFINITY, |m, &s| m.max(s)));
    let e = (scores - &max.insert_axis(keys)).mapv_into(f64::exp);
    let sum = e.sum_axis(keys);
    e / &sum.insert_axis(keys)
}
