// expect: mistake top_p_crossing_dropped | mistake top_p_sum_including
// Iterator style; top-p cuts where the cumulative sum including the token
// exceeds top_p, but always keeps the first token (so it never keeps none):
// one token too few whenever the crossing token is not the first.
use ndarray::prelude::*;

pub fn sample(
    logits: ArrayView2<f64>,
    temperature: f64,
    top_k: usize,
    top_p: f64,
    u: ArrayView1<f64>,
) -> (Array2<f64>, Array1<usize>) {
    let (batch, vocab) = logits.dim();
    let mut probs = Array2::<f64>::zeros((batch, vocab));
    let tokens: Array1<usize> = (0..batch)
        .map(|b| {
            let scaled: Vec<f64> = logits.row(b).iter().map(|l| l / temperature).collect();
            let mut by_logit: Vec<usize> = (0..vocab).collect();
            by_logit.sort_by(|&i, &j| scaled[j].total_cmp(&scaled[i]).then(i.cmp(&j)));
            let kept: Vec<usize> = if top_k == 0 || top_k >= vocab {
                by_logit.clone()
            } else {
                let kth = scaled[by_logit[top_k - 1]];
                by_logit.iter().copied().filter(|&j| scaled[j] >= kth).collect()
            };
            let m = scaled[kept[0]];
            let z: f64 = kept.iter().map(|&j| (scaled[j] - m).exp()).sum();
            let p: Vec<f64> = kept.iter().map(|&j| (scaled[j] - m).exp() / z).collect();
            let n_keep = if top_p >= 1.0 {
                kept.len()
            } else {
                let mut cum = 0.0;
                p.iter()
                    .take_while(|&&pj| {
                        cum += pj;
                        cum <= top_p
                    })
                    .count()
                    .max(1)
            };
            let mass: f64 = p[..n_keep].iter().sum();
            for (&j, &pj) in kept[..n_keep].iter().zip(&p) {
                probs[[b, j]] = pj / mass;
            }
            let row = probs.row(b);
            let mut cum = 0.0;
            row.iter()
                .position(|&pj| {
                    cum += pj;
                    cum > u[b]
                })
                .unwrap_or(kept[n_keep - 1])
        })
        .collect();
    (probs, tokens)
}
