use ndarray::prelude::*;

/// Sampling with a full sort for top-k and the kept probabilities recomputed
/// from the surviving logits at every stage (a softmax per filter).
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
        // Removed tokens become −∞, as transformers' filter_value.
        let mut x: Vec<f64> = (0..vocab).map(|j| logits[[b, j]] / temperature).collect();
        if top_k > 0 {
            let mut sorted = x.clone();
            sorted.sort_by(|a, c| c.partial_cmp(a).unwrap());
            let kth = sorted[top_k.min(vocab) - 1];
            for v in x.iter_mut() {
                if *v < kth {
                    *v = f64::NEG_INFINITY;
                }
            }
        }
        let softmax = |x: &[f64]| -> Vec<f64> {
            let m = x.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            let e: Vec<f64> = x.iter().map(|v| (v - m).exp()).collect();
            let s: f64 = e.iter().sum();
            e.into_iter().map(|v| v / s).collect()
        };
        let p = softmax(&x);
        if top_p < 1.0 {
            let mut idx: Vec<usize> = (0..vocab).filter(|&j| p[j] > 0.0).collect();
            // Descending probability, ties by index, written out.
            idx.sort_by(|&i, &j| p[j].partial_cmp(&p[i]).unwrap().then(i.cmp(&j)));
            let mut mass = 0.0;
            for &j in &idx {
                if mass >= top_p {
                    x[j] = f64::NEG_INFINITY;
                }
                mass += p[j];
            }
        }
        let q = softmax(&x);
        let mut chosen = None;
        let mut cum = 0.0;
        for j in 0..vocab {
            probs[[b, j]] = q[j];
            cum += q[j];
            if chosen.is_none() && cum > u[b] {
                chosen = Some(j);
            }
        }
        tokens[b] = chosen.unwrap_or_else(|| (0..vocab).rev().find(|&j| q[j] > 0.0).unwrap_or(0));
    }
    (probs, tokens)
}
