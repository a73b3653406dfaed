// expect: pattern scaled
// Right search, but the scores are base-10 logarithms.
use ndarray::prelude::*;

pub fn beam_search(lm_prob: ArrayView3<f64>, beam_size: usize) -> (Array3<usize>, Array2<f64>) {
    let (batch, seqlen, vocab) = lm_prob.dim();
    let mut tokens = Array3::<usize>::zeros((batch, beam_size, seqlen));
    let mut scores = Array2::<f64>::zeros((batch, beam_size));
    for b in 0..batch {
        let mut beams: Vec<(f64, Vec<usize>)> = vec![(0.0, Vec::new())];
        for t in 0..seqlen {
            let mut c: Vec<(f64, usize, usize)> = Vec::new();
            for (i, beam) in beams.iter().enumerate() {
                for v in 0..vocab {
                    c.push((beam.0 + lm_prob[[b, t, v]].log10(), i, v));
                }
            }
            c.sort_by(|x, y| y.0.partial_cmp(&x.0).unwrap());
            c.truncate(beam_size);
            beams = c
                .into_iter()
                .map(|(s, i, v)| {
                    let mut h = beams[i].1.clone();
                    h.push(v);
                    (s, h)
                })
                .collect();
        }
        for (i, (s, h)) in beams.into_iter().enumerate() {
            scores[[b, i]] = s;
            tokens.slice_mut(s![b, i, ..]).assign(&Array1::from(h));
        }
    }
    (tokens, scores)
}
