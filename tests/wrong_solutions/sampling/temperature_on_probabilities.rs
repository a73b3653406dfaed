// expect: mistake temperature_on_probabilities
// Sorted once per row; the softmax of the raw logits is divided by the
// temperature, so only top-p's running sum sees it (renormalizing undoes it).
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
        let row = logits.row(b);
        let mut order: Vec<usize> = (0..vocab).collect();
        order.sort_by(|&i, &j| row[j].partial_cmp(&row[i]).unwrap().then(i.cmp(&j)));
        let mut kept: Vec<usize> = order.clone();
        if top_k > 0 && top_k < vocab {
            let kth = row[order[top_k - 1]];
            kept.retain(|&j| row[j] >= kth);
        }
        let m = row[kept[0]];
        let z: f64 = kept.iter().map(|&j| (row[j] - m).exp()).sum();
        let p: Vec<(usize, f64)> = kept.iter().map(|&j| (j, (row[j] - m).exp() / z / temperature)).collect();
        let mut nucleus = Vec::new();
        let mut cum = 0.0;
        for &(j, pj) in &p {
            if top_p < 1.0 && cum >= top_p {
                break;
            }
            nucleus.push((j, pj));
            cum += pj;
        }
        let mass: f64 = nucleus.iter().map(|&(_, pj)| pj).sum();
        for &(j, pj) in &nucleus {
            probs[[b, j]] = pj / mass;
        }
        let mut acc = 0.0;
        tokens[b] = nucleus.last().map_or(0, |&(j, _)| j);
        for j in 0..vocab {
            acc += probs[[b, j]];
            if acc > u[b] {
                tokens[b] = j;
                break;
            }
        }
    }
    (probs, tokens)
}
