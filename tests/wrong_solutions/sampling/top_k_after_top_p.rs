// expect: mistake top_p_over_full_distribution
// The filters in the wrong order: top-p on the softmax of every logit, then
// top-k on what is left. Top-p's masses are then those of the full
// distribution, not of the top-k survivors.
use ndarray::prelude::*;

fn softmax(x: &[f64]) -> Vec<f64> {
    let m = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e: Vec<f64> = x.iter().map(|v| (v - m).exp()).collect();
    let s: f64 = e.iter().sum();
    e.into_iter().map(|v| v / s).collect()
}

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
    for (b, row) in logits.outer_iter().enumerate() {
        let scaled: Vec<f64> = row.iter().map(|v| v / temperature).collect();
        let p = softmax(&scaled);
        let mut order: Vec<usize> = (0..vocab).collect();
        order.sort_by(|&i, &j| p[j].total_cmp(&p[i]));
        // Nucleus first.
        let mut mass = 0.0;
        let nucleus: Vec<usize> = order
            .iter()
            .copied()
            .take_while(|&j| {
                let keep = top_p >= 1.0 || mass < top_p;
                mass += p[j];
                keep
            })
            .collect();
        // Then top-k among the nucleus, ties at the boundary kept.
        let kept: Vec<usize> = if top_k == 0 || top_k >= nucleus.len() {
            nucleus
        } else {
            let kth = scaled[nucleus[top_k - 1]];
            nucleus.into_iter().filter(|&j| scaled[j] >= kth).collect()
        };
        let z: f64 = kept.iter().map(|&j| p[j]).sum();
        for &j in &kept {
            probs[[b, j]] = p[j] / z;
        }
        let mut cum = 0.0;
        tokens[b] = (0..vocab)
            .find(|&j| {
                cum += probs[[b, j]];
                cum > u[b]
            })
            .unwrap_or(kept[kept.len() - 1]);
    }
    (probs, tokens)
}
