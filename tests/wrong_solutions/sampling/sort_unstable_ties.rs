// expect: pattern reordered | pattern confined
// Iterator style throughout; top-p orders the survivors with
// sort_unstable_by, which puts equal probabilities in any order (it is an
// insertion sort, hence stable, only on short slices), so on a wide
// vocabulary a tie at the cut keeps other tokens than the lowest-index ones.
use ndarray::prelude::*;

pub fn sample(
    logits: ArrayView2<f64>,
    temperature: f64,
    top_k: usize,
    top_p: f64,
    u: ArrayView1<f64>,
) -> (Array2<f64>, Array1<usize>) {
    let (batch, vocab) = logits.dim();
    let mut probs = Array2::zeros((batch, vocab));
    let mut tokens = Array1::zeros(batch);
    for (b, row) in logits.rows().into_iter().enumerate() {
        let z: Vec<f64> = row.iter().map(|&x| x / temperature).collect();
        let kth = if top_k == 0 || top_k >= vocab {
            f64::NEG_INFINITY
        } else {
            let mut sorted = z.clone();
            sorted.sort_unstable_by(|a, c| c.total_cmp(a));
            sorted[top_k - 1]
        };
        let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let e: Vec<f64> = z.iter().map(|&x| if x >= kth { (x - max).exp() } else { 0.0 }).collect();
        let sum: f64 = e.iter().sum();
        let mut p: Vec<f64> = e.iter().map(|x| x / sum).collect();
        if top_p < 1.0 {
            let mut order: Vec<usize> = (0..vocab).filter(|&j| p[j] > 0.0).collect();
            order.sort_unstable_by(|&i, &j| p[j].total_cmp(&p[i]));
            let mut before = 0.0;
            let mut dropped = Vec::new();
            for &j in &order {
                if before >= top_p {
                    dropped.push(j);
                }
                before += p[j];
            }
            dropped.into_iter().for_each(|j| p[j] = 0.0);
            let kept: f64 = p.iter().sum();
            p.iter_mut().for_each(|x| *x /= kept);
        }
        let mut cum = 0.0;
        let last = (0..vocab).rev().find(|&j| p[j] > 0.0).unwrap_or(0);
        tokens[b] = (0..vocab)
            .find(|&j| {
                cum += p[j];
                cum > u[b]
            })
            .unwrap_or(last);
        probs.row_mut(b).assign(&Array1::from(p));
    }
    (probs, tokens)
}
