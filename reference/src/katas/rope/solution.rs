use ndarray::prelude::*;
use ndarray::Zip;

/// Rotary position embedding in the "rotate half" layout of Llama / GPT-NeoX
/// (transformers' apply_rotary_pos_emb). x (batch, n_head, seq, d), d even;
/// positions (seq,): the absolute position of each row.
pub fn rope(x: ArrayView4<f64>, positions: ArrayView1<usize>, base: f64) -> Array4<f64> {
    let d = x.dim().3;
    let half = d / 2;
    // cos and sin of every (row, frequency) angle, computed once.
    let mut cos = Array2::zeros((positions.len(), half));
    let mut sin = Array2::zeros((positions.len(), half));
    for (s, &p) in positions.iter().enumerate() {
        for i in 0..half {
            let theta = base.powf(-2.0 * i as f64 / d as f64);
            let (sn, cs) = (p as f64 * theta).sin_cos();
            cos[[s, i]] = cs;
            sin[[s, i]] = sn;
        }
    }
    let mut out = Array4::zeros(x.raw_dim());
    Zip::indexed(x.lanes(Axis(3)))
        .and(out.lanes_mut(Axis(3)))
        .for_each(|(_, _, s), row, mut o| {
            for i in 0..half {
                let (c, sn) = (cos[[s, i]], sin[[s, i]]);
                let (x1, x2) = (row[i], row[i + half]);
                o[i] = x1 * c - x2 * sn;
                o[i + half] = x2 * c + x1 * sn;
            }
        });
    out
}
