use ndarray::prelude::*;

/// As `F.log_softmax(logits, dim=-1)`:
/// log_softmax(x)[c] = x[c] − logsumexp(x) for each row x of the (n, C)
/// logits. Returns an (n, C) array.
pub fn log_softmax(logits: ArrayView2<f64>) -> Array2<f64> {
    todo!()
}

/// As `F.cross_entropy(logits, target, ignore_index, label_smoothing,
/// reduction="mean")`, with its gradient. Returns (loss, dlogits (n, C)).
///
/// Rows whose target equals `ignore_index` (which may lie outside 0..C) add
/// nothing and get a zero gradient row; the mean divides by the number of
/// the other rows. With smoothing ε the target distribution is
/// q = (1 − ε)·onehot(target) + ε/C, and dlogits = (softmax − q) / count.
pub fn cross_entropy(
    logits: ArrayView2<f64>,
    target: ArrayView1<usize>,
    ignore_index: Option<usize>,
    label_smoothing: f64,
) -> (f64, Array2<f64>) {
    todo!()
}
