//! Random cases for `kv_cache_attention`: batch 1 to 2, 1 to 3 KV heads each
//! shared by 1 to 3 query heads (MQA, GQA and MHA), a cache of 0 to 8 earlier
//! tokens (empty in one case in four: a prefill) and 1 to 5 new ones (one in
//! one case in three: a decoding step), widths d and d_v of 1 to 6, drawn
//! separately.

use kata_harness::Inputs;

use crate::gen::{self, normal, size};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let batch = size(rng, 1, gen::grow(index, 1, 2));
    let n_kv_head = size(rng, 1, gen::grow(index, 1, 3));
    let n_head = n_kv_head * size(rng, 1, gen::grow(index, 2, 3));
    let past = if index.is_multiple_of(4) { 0 } else { size(rng, 1, gen::grow(index, 2, 8)) };
    let t = if index % 3 == 1 { 1 } else { size(rng, 1, gen::grow(index, 2, 5)) };
    let d = size(rng, 1, gen::grow(index, 2, 6));
    let d_v = size(rng, 1, gen::grow(index, 2, 6));
    Inputs::new()
        .with("q", normal(rng, (batch, n_head, t, d)))
        .with("k_cache", normal(rng, (batch, n_kv_head, past, d)))
        .with("v_cache", normal(rng, (batch, n_kv_head, past, d_v)))
        .with("k_new", normal(rng, (batch, n_kv_head, t, d)))
        .with("v_new", normal(rng, (batch, n_kv_head, t, d_v)))
}

/// The case `kata bench` times: a chunk of 64 tokens of a Llama-style layer
/// (32 query heads over 8 KV heads of width 128) after 1024 cached ones.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (n_head, n_kv_head, d) = (32, 8, 128);
    let past = gen::scaled(1024, scale);
    let t = gen::scaled(64, scale);
    Inputs::new()
        .with("q", normal(rng, (1, n_head, t, d)))
        .with("k_cache", normal(rng, (1, n_kv_head, past, d)))
        .with("v_cache", normal(rng, (1, n_kv_head, past, d)))
        .with("k_new", normal(rng, (1, n_kv_head, t, d)))
        .with("v_new", normal(rng, (1, n_kv_head, t, d)))
}
