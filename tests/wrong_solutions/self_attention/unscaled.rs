// expect: mistake no_scaling
// Row by row with iterators: each query's scores folded over the keys, never scaled.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;

fn apply(l: &Linear, row: ArrayView1<f64>) -> Array1<f64> {
    l.weight.outer_iter().zip(l.bias.iter()).map(|(w, b)| w.dot(&row) + b).collect()
}

pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (batch, n, _) = x.dim();
    let dk = w.q.bias.len() / n_head;
    let dv = w.v.bias.len() / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, n, n));
    let mut out = Array3::<f64>::zeros((batch, n, w.o.bias.len()));
    for b in 0..batch {
        let rows: Vec<(Array1<f64>, Array1<f64>, Array1<f64>)> = x
            .index_axis(Axis(0), b)
            .outer_iter()
            .map(|r| (apply(&w.q, r), apply(&w.k, r), apply(&w.v, r)))
            .collect();
        for i in 0..n {
            let mut concat = Array1::<f64>::zeros(n_head * dv);
            for h in 0..n_head {
                let qh = rows[i].0.slice(s![h * dk..(h + 1) * dk]);
                let visible = if causal { i + 1 } else { n };
                let scores: Vec<f64> = (0..visible).map(|j| qh.dot(&rows[j].1.slice(s![h * dk..(h + 1) * dk]))).collect();
                let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let weights: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
                let z: f64 = weights.iter().sum();
                for (j, wj) in weights.iter().enumerate() {
                    attn[[b, h, i, j]] = wj / z;
                    let mut part = concat.slice_mut(s![h * dv..(h + 1) * dv]);
                    part.scaled_add(wj / z, &rows[j].2.slice(s![h * dv..(h + 1) * dv]));
                }
            }
            out.slice_mut(s![b, i, ..]).assign(&apply(&w.o, concat.view()));
        }
    }
    (attn, out)
}
