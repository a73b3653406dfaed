// expect: mistake heads_concatenated_reversed | mistake biases_forgotten
// Two mistakes: projections without their biases, and the heads written into
// the concatenation from the last block backwards.
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
    let (batch, nq, _) = q.dim();
    let nk = k.dim().1;
    let dk = w.q.weight.nrows() / n_head;
    let dv = w.v.weight.nrows() / n_head;
    let mut attn = Array4::<f64>::zeros((batch, n_head, nq, nk));
    let mut out = Array3::<f64>::zeros((batch, nq, w.o.weight.nrows()));
    for b in 0..batch {
        let qp = q.index_axis(Axis(0), b).dot(&w.q.weight.t());
        let kp = k.index_axis(Axis(0), b).dot(&w.k.weight.t());
        let vp = v.index_axis(Axis(0), b).dot(&w.v.weight.t());
        let mut blocks: Vec<Array2<f64>> = Vec::new();
        for h in 0..n_head {
            let mut s = qp.slice(s![.., h * dk..(h + 1) * dk]).dot(&kp.slice(s![.., h * dk..(h + 1) * dk]).t());
            s /= (dk as f64).sqrt();
            if let Some(m) = mask {
                s.zip_mut_with(&m.index_axis(Axis(0), b), |x, &hid| if hid { *x = f64::NEG_INFINITY });
            }
            let mx = s.map_axis(Axis(1), |r| r.fold(f64::NEG_INFINITY, |a, &x| a.max(x)));
            let e = (&s - &mx.insert_axis(Axis(1))).mapv(f64::exp);
            let p = &e / &e.sum_axis(Axis(1)).insert_axis(Axis(1));
            blocks.push(p.dot(&vp.slice(s![.., h * dv..(h + 1) * dv])));
            attn.slice_mut(s![b, h, .., ..]).assign(&p);
        }
        blocks.reverse();
        let views: Vec<ArrayView2<f64>> = blocks.iter().map(|a| a.view()).collect();
        let concat = ndarray::concatenate(Axis(1), &views).unwrap();
        out.index_axis_mut(Axis(0), b).assign(&(concat.dot(&w.o.weight.t()) + &w.o.bias));
    }
    (attn, out)
}
