// expect: mistake worst_first | pattern reversed | invariant sorted_descending
// Right beams, kept sorted ascending (the best last), and written out in that order.
use ndarray::prelude::*;

pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let logs = lm_prob.mapv(f64::ln);
    let logs = &logs;
    let mut tokens = Array3::<usize>::zeros((batch, beam_size, seqlen));
    let mut scores = Array2::<f64>::zeros((batch, beam_size));
    for b in 0..batch {
        let mut beams: Vec<(f64, Vec<usize>)> = vec![(0.0, vec![])];
        for t in 0..seqlen {
            let mut cands: Vec<(f64, Vec<usize>)> = beams
                .iter()
                .flat_map(|(s, h)| {
                    (0..vocab).map(move |v| {
                        let mut h = h.clone();
                        h.push(v);
                        (s + logs[[b, t, v]], h)
                    })
                })
                .collect();
            cands.sort_by(|x, y| x.0.total_cmp(&y.0));
            let keep = cands.len() - beam_size.min(cands.len());
            beams = cands.split_off(keep);
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
