// expect: mistake start_beams_duplicated
// Beams as (score, tokens) pairs, started as beam_size empty beams of score
// 0 and extended at every position, the first included: the first step
// keeps beam_size copies of the best first token.
use ndarray::prelude::*;

pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Array3::<usize>::zeros((batch, beam_size, seqlen));
    let mut scores = Array2::<f64>::zeros((batch, beam_size));
    for b in 0..batch {
        let mut beams: Vec<(f64, Vec<usize>)> = vec![(0.0, vec![]); beam_size];
        for t in 0..seqlen {
            let mut next = Vec::with_capacity(beams.len() * vocab);
            for (s, seq) in &beams {
                for w in 0..vocab {
                    let mut ext = seq.clone();
                    ext.push(w);
                    next.push((s + lm_prob[[b, t, w]].ln(), ext));
                }
            }
            next.sort_by(|a, c| c.0.partial_cmp(&a.0).unwrap());
            next.truncate(beam_size);
            beams = next;
        }
        for (i, (s, seq)) in beams.iter().enumerate() {
            scores[[b, i]] = *s;
            for (t, &w) in seq.iter().enumerate() {
                tokens[[b, i, t]] = w;
            }
        }
    }
    (tokens, scores)
}
