// expect: mistake top_p_sum_including
// Index loops; top-p keeps a token while the cumulative sum including it
// stays ≤ top_p (the token that crosses top_p is dropped).
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
        let mut x = vec![0.0; vocab];
        for j in 0..vocab {
            x[j] = logits[[b, j]] / temperature;
        }
        let mut alive = vec![true; vocab];
        if top_k > 0 && top_k < vocab {
            let mut sorted = x.clone();
            sorted.sort_by(|a, c| c.partial_cmp(a).unwrap());
            let kth = sorted[top_k - 1];
            for j in 0..vocab {
                if x[j] < kth {
                    alive[j] = false;
                }
            }
        }
        let mut m = f64::NEG_INFINITY;
        for j in 0..vocab {
            if alive[j] && x[j] > m {
                m = x[j];
            }
        }
        let mut p = vec![0.0; vocab];
        let mut z = 0.0;
        for j in 0..vocab {
            if alive[j] {
                p[j] = (x[j] - m).exp();
                z += p[j];
            }
        }
        for j in 0..vocab {
            p[j] /= z;
        }
        if top_p < 1.0 {
            let mut idx: Vec<usize> = (0..vocab).filter(|&j| alive[j]).collect();
            idx.sort_by(|&i, &j| p[j].partial_cmp(&p[i]).unwrap());
            let mut cum = 0.0;
            for &j in &idx {
                cum += p[j];
                if cum > top_p {
                    alive[j] = false;
                }
            }
        }
        let mut z2 = 0.0;
        for j in 0..vocab {
            if alive[j] {
                z2 += p[j];
            }
        }
        for j in 0..vocab {
            probs[[b, j]] = if alive[j] { p[j] / z2 } else { 0.0 };
        }
        let mut c = 0.0;
        for j in 0..vocab {
            c += probs[[b, j]];
            if c > u[b] {
                tokens[b] = j;
                break;
            }
        }
    }
    (probs, tokens)
}
