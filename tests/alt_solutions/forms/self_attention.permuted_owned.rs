// A correct solution in another form: attn built (b, n, n, h) and returned as permuted_axes([0, 3, 1, 2]): a non-standard layout.
use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;
use ndarray::Zip;

fn proj(x: &ArrayView3<f64>, l: &Linear) -> Array3<f64> {
    let (b, n, d) = x.dim();
    let flat = x.to_shape((b * n, d)).unwrap();
    let y = flat.dot(&l.weight.t()) + &l.bias;
    let o = y.ncols();
    y.to_shape((b, n, o)).unwrap().to_owned()
}

pub fn self_attention(x: ArrayView3<f64>, n_head: usize, w: &MhaWeights, causal: bool) -> (Array4<f64>, Array3<f64>) {
    let (b, n, _) = x.dim();
    let q = proj(&x, &w.q);
    let k = proj(&x, &w.k);
    let v = proj(&x, &w.v);
    let dk = q.dim().2 / n_head;
    let dv = v.dim().2 / n_head;
    // attn built as (b, n, n, h) then permuted: a non-standard layout returned
    let mut attn = Array4::<f64>::zeros((b, n, n, n_head));
    let mut concat = Array3::<f64>::zeros((b, n, n_head * dv));
    for bi in 0..b {
        for h in 0..n_head {
            let qh = q.slice(s![bi, .., h * dk..(h + 1) * dk]);
            let kh = k.slice(s![bi, .., h * dk..(h + 1) * dk]);
            let vh = v.slice(s![bi, .., h * dv..(h + 1) * dv]);
            let mut s = qh.dot(&kh.t()) / (dk as f64).sqrt();
            if causal {
                for i in 0..n { for j in (i + 1)..n { s[[i, j]] = f64::NEG_INFINITY; } }
            }
            for mut row in s.rows_mut() {
                let m = row.iter().cloned().fold(f64::MIN, f64::max);
                row.mapv_inplace(|z| (z - m).exp());
                let sum = row.sum();
                row /= sum;
            }
            attn.slice_mut(s![bi, .., .., h]).assign(&s);
            concat.slice_mut(s![bi, .., h * dv..(h + 1) * dv]).assign(&s.dot(&vh));
        }
    }
    let out = proj(&concat.view(), &w.o);
    let mut attn = attn.permuted_axes([0, 3, 1, 2]);
    Zip::from(&mut attn).for_each(|a| *a += 0.0);
    (attn, out)
}
