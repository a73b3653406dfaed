// expect: mistake probabilities_not_logs
// Scores summed from the raw probabilities, with a BinaryHeap-free partial sort.
use ndarray::prelude::*;

pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Array3::<usize>::zeros((batch, beam_size, seqlen));
    let mut logp = Array2::<f64>::zeros((batch, beam_size));
    for b in 0..batch {
        let mut beams: Vec<(Vec<usize>, f64)> = (0..vocab).map(|v| (vec![v], lm_prob[[b, 0, v]])).collect();
        beams.sort_by(|x, y| y.1.total_cmp(&x.1));
        beams.truncate(beam_size);
        for t in 1..seqlen {
            let mut next: Vec<(Vec<usize>, f64)> = Vec::with_capacity(beams.len() * vocab);
            for (h, s) in &beams {
                for v in 0..vocab {
                    let mut h2 = h.clone();
                    h2.push(v);
                    next.push((h2, s + lm_prob[[b, t, v]]));
                }
            }
            next.sort_by(|x, y| y.1.total_cmp(&x.1));
            next.truncate(beam_size);
            beams = next;
        }
        for (i, (h, s)) in beams.into_iter().enumerate() {
            logp[[b, i]] = s;
            tokens.slice_mut(s![b, i, ..]).assign(&Array1::from(h));
        }
    }
    (tokens, logp)
}
