// expect: mistake no_causal_mask
// Online softmax (running max and sum) over every key, cache and new alike:
// nothing hides the new tokens after the query.
use ndarray::prelude::*;
use ndarray::concatenate;

pub fn attend_with_cache(
    q: ArrayView4<f64>,
    k_cache: ArrayView4<f64>,
    v_cache: ArrayView4<f64>,
    k_new: ArrayView4<f64>,
    v_new: ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>) {
    let (batch, n_head, t, d) = q.dim();
    let n_kv = k_new.dim().1;
    let k_all = concatenate(Axis(2), &[k_cache, k_new]).unwrap();
    let v_all = concatenate(Axis(2), &[v_cache, v_new]).unwrap();
    let keys = k_all.dim().2;
    let dv = v_all.dim().3;
    let group = n_head / n_kv;
    let scale = 1.0 / (d as f64).sqrt();
    let mut out = Array4::<f64>::zeros((batch, n_head, t, dv));
    for b in 0..batch {
        for h in 0..n_head {
            let g = h / group;
            for i in 0..t {
                let qi = q.slice(s![b, h, i, ..]);
                let mut m = f64::NEG_INFINITY;
                let mut z = 0.0;
                let mut acc = Array1::<f64>::zeros(dv);
                for j in 0..keys {
                    let sc = qi.dot(&k_all.slice(s![b, g, j, ..])) * scale;
                    let m_new = m.max(sc);
                    let shrink = (m - m_new).exp();
                    let e = (sc - m_new).exp();
                    acc = acc * shrink + &(&v_all.slice(s![b, g, j, ..]) * e);
                    z = z * shrink + e;
                    m = m_new;
                }
                out.slice_mut(s![b, h, i, ..]).assign(&(acc / z));
            }
        }
    }
    (out, k_all, v_all)
}
