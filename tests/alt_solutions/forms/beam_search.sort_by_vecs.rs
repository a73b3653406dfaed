// A correct solution in another form: Vec histories, sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap()), truncate.
use ndarray::prelude::*;

pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Vec::new();
    let mut scores = Vec::new();
    for b in 0..batch {
        let mut beams: Vec<(Vec<usize>, f64)> = vec![(vec![], 0.0)];
        for t in 0..seqlen {
            let mut cand: Vec<(Vec<usize>, f64)> = Vec::with_capacity(beams.len() * vocab);
            for (seq, s) in &beams {
                for w in 0..vocab {
                    let mut nseq = seq.clone();
                    nseq.push(w);
                    cand.push((nseq, s + lm_prob[[b, t, w]].ln()));
                }
            }
            cand.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
            cand.truncate(beam_size);
            beams = cand;
        }
        for (seq, s) in beams {
            tokens.extend(seq);
            scores.push(s);
        }
    }
    (
        Array::from_shape_vec((batch, beam_size, seqlen), tokens).unwrap(),
        Array::from_shape_vec((batch, beam_size), scores).unwrap(),
    )
}
