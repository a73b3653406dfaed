use ndarray::prelude::*;

/// Softmax over the kept entries of x; the others get probability 0.
fn softmax_kept(x: &[f64], keep: &[bool]) -> Vec<f64> {
    let max = x
        .iter()
        .zip(keep)
        .filter(|(_, &k)| k)
        .fold(f64::NEG_INFINITY, |m, (&v, _)| m.max(v));
    let e: Vec<f64> = x
        .iter()
        .zip(keep)
        .map(|(&v, &k)| if k { (v - max).exp() } else { 0.0 })
        .collect();
    let sum: f64 = e.iter().sum();
    e.iter().map(|v| v / sum).collect()
}

/// Temperature, then top-k, then top-p, as transformers' logits processors;
/// then one draw per row with u. Returns (probs (batch, vocab): the
/// distribution drawn from, tokens (batch,)).
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
    for b in 0..batch {
        let scaled: Vec<f64> = logits.row(b).iter().map(|&x| x / temperature).collect();
        // Top-k: keep every token at least as large as the k-th largest, so
        // ties at the boundary are all kept.
        let mut keep = vec![true; vocab];
        if top_k > 0 && top_k < vocab {
            let mut values = scaled.clone();
            let (_, &mut kth, _) = values.select_nth_unstable_by(top_k - 1, |a, b| b.total_cmp(a));
            for (k, &x) in keep.iter_mut().zip(&scaled) {
                *k = x >= kth;
            }
        }
        let p = softmax_kept(&scaled, &keep);
        // Top-p over the survivors, by probability descending, ties to the
        // lower index (a stable sort): keep a token while the mass before it
        // is below top_p, so the first one is always kept.
        if top_p < 1.0 {
            let mut order: Vec<usize> = (0..vocab).filter(|&j| keep[j]).collect();
            order.sort_by(|&i, &j| p[j].total_cmp(&p[i]));
            let mut before = 0.0;
            for &j in &order {
                if before >= top_p {
                    keep[j] = false;
                }
                before += p[j];
            }
        }
        let total: f64 = (0..vocab).filter(|&j| keep[j]).map(|j| p[j]).sum();
        let mut row = probs.row_mut(b);
        for j in 0..vocab {
            row[j] = if keep[j] { p[j] / total } else { 0.0 };
        }
        // The draw: the first token, in vocabulary order, whose cumulative
        // probability exceeds u (the last kept one if rounding leaves none).
        tokens[b] = (0..vocab).rev().find(|&j| row[j] > 0.0).unwrap_or(0);
        let mut cum = 0.0;
        for j in 0..vocab {
            cum += row[j];
            if cum > u[b] {
                tokens[b] = j;
                break;
            }
        }
    }
    (probs, tokens)
}
