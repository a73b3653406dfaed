// expect: mistake history_not_reordered
// Beams as a Vec of (score, tokens); the new token is appended to the history
// of the beam at the candidate's rank, not to its parent's.
use ndarray::prelude::*;

pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Array3::<usize>::zeros((batch, beam_size, seqlen));
    let mut scores = Array2::<f64>::zeros((batch, beam_size));
    for b in 0..batch {
        let mut beams: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new())];
        for t in 0..seqlen {
            let mut cand: Vec<(f64, usize, usize)> = Vec::new();
            for (i, (s, _)) in beams.iter().enumerate() {
                for v in 0..vocab {
                    cand.push((s + lm_prob[[b, t, v]].ln(), i, v));
                }
            }
            cand.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
            cand.truncate(beam_size);
            let old = beams.clone();
            beams = cand
                .iter()
                .enumerate()
                .map(|(rank, &(s, _parent, v))| {
                    let mut hist = old.get(rank).map(|o| o.1.clone()).unwrap_or_else(|| old[0].1.clone());
                    hist.push(v);
                    (s, hist)
                })
                .collect();
        }
        for (i, (s, h)) in beams.iter().enumerate() {
            scores[[b, i]] = *s;
            for (t, &v) in h.iter().enumerate() {
                tokens[[b, i, t]] = v;
            }
        }
    }
    (tokens, scores)
}
