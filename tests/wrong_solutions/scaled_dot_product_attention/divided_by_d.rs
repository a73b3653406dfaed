// expect: mistake scale_by_d_k
// Per-batch matrix products; the scores are divided by d_k, not its root.
use ndarray::prelude::*;

pub fn scaled_dot_product_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
) -> (Array3<f64>, Array3<f64>) {
    let d_k = q.shape()[2] as f64;
    let mut attns = Vec::new();
    let mut outs = Vec::new();
    for ((qb, kb), vb) in q.outer_iter().zip(k.outer_iter()).zip(v.outer_iter()) {
        let mut s = qb.dot(&kb.t()).mapv(|x| x / d_k);
        if let Some(m) = mask {
            let mb = m.index_axis(Axis(0), attns.len());
            s.zip_mut_with(&mb, |x, &h| if h { *x = f64::NEG_INFINITY });
        }
        let mx = s.map_axis(Axis(1), |r| r.fold(f64::NEG_INFINITY, |a, &b| a.max(b)));
        let e = (&s - &mx.insert_axis(Axis(1))).mapv(f64::exp);
        let p = &e / &e.sum_axis(Axis(1)).insert_axis(Axis(1));
        outs.push(p.dot(&vb));
        attns.push(p);
    }
    let av: Vec<_> = attns.iter().map(|a| a.view()).collect();
    let ov: Vec<_> = outs.iter().map(|a| a.view()).collect();
    (ndarray::stack(Axis(0), &av).unwrap(), ndarray::stack(Axis(0), &ov).unwrap())
}
