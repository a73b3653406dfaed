// expect: mistake mask_after_softmax | invariant distribution
// Softmax first, then the hidden entries zeroed, per head.
use kata_prelude::MhaWeights;
use ndarray::prelude::*;

pub fn multi_head_attention(
    q: ArrayView3<f64>,
    k: ArrayView3<f64>,
    v: ArrayView3<f64>,
    mask: Option<ArrayView3<bool>>,
    n_head: usize,
    w: &MhaWeights,
) -> (Array4<f64>, Array3<f64>) {
    let batch = q.dim().0;
    let (nq, nk) = (q.dim().1, k.dim().1);
    let dk = w.q.bias.len() / n_head;
    let dv = w.v.bias.len() / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, nq, nk));
    let mut out = Array3::<f64>::zeros((batch, nq, w.o.bias.len()));
    for b in 0..batch {
        let qp = q.index_axis(Axis(0), b).dot(&w.q.weight.t()) + &w.q.bias;
        let kp = k.index_axis(Axis(0), b).dot(&w.k.weight.t()) + &w.k.bias;
        let vp = v.index_axis(Axis(0), b).dot(&w.v.weight.t()) + &w.v.bias;
        let mut concat = Array2::<f64>::zeros((nq, n_head * dv));
        for h in 0..n_head {
            let s = qp.slice(s![.., h * dk..(h + 1) * dk]).dot(&kp.slice(s![.., h * dk..(h + 1) * dk]).t()) / (dk as f64).sqrt();
            let mut p = s.clone();
            for mut r in p.rows_mut() {
                let mx = r.fold(f64::NEG_INFINITY, |a, &x| a.max(x));
                r.mapv_inplace(|x| (x - mx).exp());
                let z = r.sum();
                r /= z;
            }
            if let Some(m) = mask {
                p.zip_mut_with(&m.index_axis(Axis(0), b), |x, &hid| if hid { *x = 0.0 });
            }
            concat.slice_mut(s![.., h * dv..(h + 1) * dv]).assign(&p.dot(&vp.slice(s![.., h * dv..(h + 1) * dv])));
            attn.slice_mut(s![b, h, .., ..]).assign(&p);
        }
        out.index_axis_mut(Axis(0), b).assign(&(concat.dot(&w.o.weight.t()) + &w.o.bias));
    }
    (attn, out)
}
