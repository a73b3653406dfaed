use ndarray::prelude::*;

/// Temperature, top-k and top-p (nucleus) filtering, then one draw per row.
/// Returns (probs (batch, vocab): the distribution drawn from,
/// tokens (batch,)).
///
/// In this order: divide the logits by `temperature`; top-k (0 = off): keep
/// every token whose logit is ≥ the k-th largest (ties all kept); top-p
/// (1.0 = off) on the softmax of the kept logits: sort the kept tokens by
/// probability, descending, ties to the lower index, and keep a token when
/// the sum of the probabilities before it is < top_p; renormalize; removed
/// tokens have probability exactly 0. Draw: token = the smallest index j,
/// in vocabulary order, with probs[0] + … + probs[j] > u[row].
pub fn sample(
    logits: ArrayView2<f64>,
    temperature: f64,
    top_k: usize,
    top_p: f64,
    u: ArrayView1<f64>,
) -> (Array2<f64>, Array1<usize>) {
    todo!()
}
