use ndarray::prelude::*;

/// Beam search over a position-wise language model.
///
/// `lm_prob` (batch, seqlen, vocab) holds each position's token
/// probabilities; a sequence scores Σ ln p. Returns the `beam_size` best
/// sequences per batch row, best first: (tokens (batch, beam, seqlen),
/// log_probs (batch, beam)).
pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Array3::zeros((batch, beam_size, seqlen));
    let mut log_probs = Array2::zeros((batch, beam_size));
    for b in 0..batch {
        let log_p = lm_prob.slice(s![b, .., ..]).mapv(f64::ln);
        // Step 0: the best tokens of the first position start the beams.
        let mut first: Vec<usize> = (0..vocab).collect();
        first.sort_by(|&i, &j| log_p[[0, j]].total_cmp(&log_p[[0, i]]));
        let mut seqs: Vec<Vec<usize>> = first[..beam_size].iter().map(|&v| vec![v]).collect();
        let mut scores: Vec<f64> = first[..beam_size].iter().map(|&v| log_p[[0, v]]).collect();
        for t in 1..seqlen {
            // Every beam extended by every token: (score, parent beam, token).
            let mut candidates: Vec<(f64, usize, usize)> = (0..seqs.len())
                .flat_map(|beam| (0..vocab).map(move |v| (beam, v)))
                .map(|(beam, v)| (scores[beam] + log_p[[t, v]], beam, v))
                .collect();
            candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
            candidates.truncate(beam_size);
            seqs = candidates
                .iter()
                .map(|&(_, parent, v)| {
                    let mut seq = seqs[parent].clone();
                    seq.push(v);
                    seq
                })
                .collect();
            scores = candidates.iter().map(|c| c.0).collect();
        }
        for (i, (seq, score)) in seqs.iter().zip(&scores).enumerate() {
            tokens.slice_mut(s![b, i, ..]).assign(&Array1::from(seq.clone()));
            log_probs[[b, i]] = *score;
        }
    }
    (tokens, log_probs)
}
