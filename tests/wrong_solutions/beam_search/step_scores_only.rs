// expect: mistake score_not_cumulative
// Candidates ranked by the new token's log-probability alone.
use ndarray::prelude::*;

pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Array3::<usize>::zeros((batch, beam_size, seqlen));
    let mut out = Array2::<f64>::zeros((batch, beam_size));
    for b in 0..batch {
        let mut hist: Vec<Vec<usize>> = vec![vec![]];
        let mut score: Vec<f64> = vec![0.0];
        for t in 0..seqlen {
            let mut all = Vec::new();
            for (p, _) in hist.iter().enumerate() {
                for v in 0..vocab {
                    let s = if t == 0 { lm_prob[[b, t, v]].ln() } else { lm_prob[[b, t, v]].ln() };
                    all.push((s, p, v));
                }
            }
            all.sort_by(|x, y| y.0.total_cmp(&x.0));
            all.truncate(beam_size);
            hist = all.iter().map(|&(_, p, v)| {
                let mut h = hist[p].clone();
                h.push(v);
                h
            }).collect();
            score = all.iter().map(|a| a.0).collect();
        }
        for i in 0..beam_size {
            out[[b, i]] = score[i];
            for t in 0..seqlen {
                tokens[[b, i, t]] = hist[i][t];
            }
        }
    }
    (tokens, out)
}
