use ndarray::prelude::*;

/// Beam search that keeps its beams as a Vec of (score, tokens), sorted best
/// first and never longer than `beam_size`: every candidate is inserted at
/// its place and the worst one falls off the end.
pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Array3::<usize>::zeros((batch, beam_size, seqlen));
    let mut log_probs = Array2::<f64>::zeros((batch, beam_size));
    for b in 0..batch {
        // One empty sequence to start from: step 0 then keeps the best tokens.
        let mut beams: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new())];
        for t in 0..seqlen {
            let mut next: Vec<(f64, Vec<usize>)> = Vec::with_capacity(beam_size + 1);
            for (score, seq) in &beams {
                for token in 0..vocab {
                    let candidate = score + lm_prob[[b, t, token]].ln();
                    if next.len() == beam_size && candidate <= next[beam_size - 1].0 {
                        continue;
                    }
                    let mut at = next.len();
                    while at > 0 && next[at - 1].0 < candidate {
                        at -= 1;
                    }
                    let mut extended = seq.clone();
                    extended.push(token);
                    next.insert(at, (candidate, extended));
                    if next.len() > beam_size {
                        next.pop();
                    }
                }
            }
            beams = next;
        }
        for (rank, (score, seq)) in beams.iter().enumerate() {
            log_probs[[b, rank]] = *score;
            for (t, &token) in seq.iter().enumerate() {
                tokens[[b, rank, t]] = token;
            }
        }
    }
    (tokens, log_probs)
}
