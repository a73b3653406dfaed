// expect: mistake top_k_exactly_k
// A BinaryHeap-free partial selection: the k best indices by logit (ties to
// the lower index), exactly k of them even when the k-th ties with others.
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
        let t: Array1<f64> = logits.row(b).mapv(|v| v / temperature);
        let k = if top_k == 0 { vocab } else { top_k.min(vocab) };
        let mut chosen: Vec<usize> = Vec::with_capacity(k);
        let mut taken = vec![false; vocab];
        for _ in 0..k {
            let mut best = usize::MAX;
            for j in 0..vocab {
                if !taken[j] && (best == usize::MAX || t[j] > t[best]) {
                    best = j;
                }
            }
            taken[best] = true;
            chosen.push(best);
        }
        // chosen is already by probability, descending, ties to the lower index.
        let m = t[chosen[0]];
        let e: Vec<f64> = chosen.iter().map(|&j| (t[j] - m).exp()).collect();
        let z: f64 = e.iter().sum();
        let mut cum = 0.0;
        let mut keep = 0;
        for &ej in &e {
            if top_p < 1.0 && cum >= top_p {
                break;
            }
            cum += ej / z;
            keep += 1;
        }
        let mass: f64 = e[..keep].iter().sum();
        for i in 0..keep {
            probs[[b, chosen[i]]] = e[i] / mass;
        }
        let mut acc = 0.0;
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
