// expect: mistake no_renormalization
// Masks with −inf logits, one softmax, then top-p zeroes the tail; the
// survivors keep their masses as they were.
use ndarray::prelude::*;

pub fn sample(
    logits: ArrayView2<f64>,
    temperature: f64,
    top_k: usize,
    top_p: f64,
    u: ArrayView1<f64>,
) -> (Array2<f64>, Array1<usize>) {
    let (batch, vocab) = logits.dim();
    let mut z = logits.mapv(|x| x / temperature);
    let mut tokens = Array1::<usize>::zeros(batch);
    for mut row in z.rows_mut() {
        if top_k > 0 && top_k < vocab {
            let mut v: Vec<f64> = row.to_vec();
            v.sort_by(|a, b| b.total_cmp(a));
            let kth = v[top_k - 1];
            row.mapv_inplace(|x| if x < kth { f64::NEG_INFINITY } else { x });
        }
        let m = row.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
        row.mapv_inplace(|x| (x - m).exp());
        let s = row.sum();
        row /= s;
        if top_p < 1.0 {
            let mut order: Vec<usize> = (0..vocab).filter(|&j| row[j] > 0.0).collect();
            order.sort_by(|&i, &j| row[j].total_cmp(&row[i]));
            let mut before = 0.0;
            for j in order {
                let pj = row[j];
                if before >= top_p {
                    row[j] = 0.0;
                }
                before += pj;
            }
        }
    }
    for (b, row) in z.rows().into_iter().enumerate() {
        let mut acc = 0.0;
        tokens[b] = vocab - 1;
        for (j, &p) in row.iter().enumerate() {
            acc += p;
            if acc > u[b] {
                tokens[b] = j;
                break;
            }
        }
    }
    (z, tokens)
}
