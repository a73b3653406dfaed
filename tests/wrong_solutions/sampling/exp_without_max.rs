// expect: pattern non_finite_rows | pattern non_finite
// Everything in the right order, but the softmax exponentiates the scaled
// logits without subtracting the row's maximum: logits near 1e3 overflow.
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
    let mut tokens = Array1::<usize>::zeros(batch);
    for b in 0..batch {
        let z: Vec<f64> = logits.row(b).iter().map(|&l| l / temperature).collect();
        let mut keep = vec![true; vocab];
        if top_k > 0 && top_k < vocab {
            let mut sorted = z.clone();
            sorted.sort_by(|a, c| c.total_cmp(a));
            let kth = sorted[top_k - 1];
            for j in 0..vocab {
                keep[j] = z[j] >= kth;
            }
        }
        let e: Vec<f64> = (0..vocab).map(|j| if keep[j] { z[j].exp() } else { 0.0 }).collect();
        let total: f64 = e.iter().sum();
        let mut p: Vec<f64> = e.iter().map(|v| v / total).collect();
        if top_p < 1.0 {
            let mut order: Vec<usize> = (0..vocab).filter(|&j| keep[j]).collect();
            order.sort_by(|&a, &c| p[c].total_cmp(&p[a]));
            let mut before = 0.0;
            for &j in &order {
                if before >= top_p {
                    keep[j] = false;
                }
                before += p[j];
            }
            for j in 0..vocab {
                if !keep[j] {
                    p[j] = 0.0;
                }
            }
            let s: f64 = p.iter().sum();
            p.iter_mut().for_each(|v| *v /= s);
        }
        let mut cum = 0.0;
        let mut token = vocab - 1;
        for j in 0..vocab {
            cum += p[j];
            if cum > u[b] {
                token = j;
                break;
            }
        }
        while p[token] == 0.0 && token > 0 {
            token -= 1;
        }
        tokens[b] = token;
        for j in 0..vocab {
            probs[[b, j]] = p[j];
        }
    }
    (probs, tokens)
}
