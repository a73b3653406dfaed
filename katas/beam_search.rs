use ndarray::prelude::*;

/// Beam search over a position-wise language model.
///
/// `lm_prob` (batch, seqlen, vocab) holds each position's token
/// probabilities; a sequence scores Σ ln p. Step 0 keeps the `beam_size`
/// best tokens; each later step extends every beam by every token and keeps
/// the `beam_size` best of the beam × vocab candidates.
/// Returns (tokens (batch, beam, seqlen), log_probs (batch, beam)), best
/// first.
pub fn beam_search(
    lm_prob: ArrayView3<f64>,
    beam_size: usize,
) -> (Array3<usize>, Array2<f64>) {
    todo!()
}
