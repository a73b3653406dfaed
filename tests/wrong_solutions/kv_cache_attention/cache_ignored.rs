// expect: mistake cache_ignored
// Returns the concatenated cache, but attends only among the new tokens
// (a prefill written first, then reused for decoding).
use ndarray::prelude::*;
use ndarray::concatenate;

fn causal_attention(q: ArrayView2<f64>, k: ArrayView2<f64>, v: ArrayView2<f64>) -> Array2<f64> {
    let d = q.ncols() as f64;
    let mut w = q.dot(&k.t()).mapv(|x| x / d.sqrt());
    for (i, mut row) in w.outer_iter_mut().enumerate() {
        row.slice_mut(s![i + 1..]).fill(f64::NEG_INFINITY);
        let m = row.fold(f64::NEG_INFINITY, |a, &b| a.max(b));
        row.mapv_inplace(|x| (x - m).exp());
        let z = row.sum();
        row.mapv_inplace(|x| x / z);
    }
    w.dot(&v)
}

pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    let (batch, n_head, t, _) = q.dim();
    let n_kv = k_new.dim().1;
    let mut out = Array4::<f64>::zeros((batch, n_head, t, v_new.dim().3));
    for b in 0..batch {
        for h in 0..n_head {
            let kv = h * n_kv / n_head;
            let o = causal_attention(
                q.slice(s![b, h, .., ..]),
                k_new.slice(s![b, kv, .., ..]),
                v_new.slice(s![b, kv, .., ..]),
            );
            out.slice_mut(s![b, h, .., ..]).assign(&o);
        }
    }
    let k_all = concatenate(Axis(2), &[k_cache, k_new]).unwrap();
    let v_all = concatenate(Axis(2), &[v_cache, v_new]).unwrap();
    (out, k_all, v_all)
}
