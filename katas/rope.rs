use ndarray::prelude::*;

/// Rotary position embedding in the "rotate half" layout of Llama / GPT-NeoX
/// (transformers' apply_rotary_pos_emb). x (batch, n_head, seq, d), d even;
/// positions (seq,): the absolute position of each row.
///
/// For i in 0..d/2: θᵢ = base^(−2i/d), a = position·θᵢ;
/// out[i] = x[i]·cos a − x[i + d/2]·sin a;
/// out[i + d/2] = x[i + d/2]·cos a + x[i]·sin a.
pub fn rope(
    x: ArrayView4<f64>,
    positions: ArrayView1<usize>,
    base: f64,
) -> Array4<f64> {
    todo!()
}
