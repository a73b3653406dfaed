//! Random cases for `kv_cache_attention`: batch 1 to 2, 1 to 3 KV heads each
//! shared by 1 to 3 query heads (MQA, GQA and MHA), a cache of 0 to 8 earlier
//! tokens (empty in one case in four: a prefill) and 1 to 5 new ones (one in
//! one case in three: a decoding step), widths d and d_v of 1 to 6, drawn
//! separately. Every fourth case, from index 3, is a stability case: each
//! query is rescaled so that its largest visible score is 1e3 (or −1e3 for
//! every other query, where its scores share a sign), where exp overflows
//! (or underflows to 0) unless the softmax subtracts the row maximum.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, normal, size};
use crate::Rng;

/// The largest visible score of every query in a stability case.
const LARGE_SCORE: f64 = 1e3;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let batch = size(rng, 1, gen::grow(index, 1, 2));
    let n_kv_head = size(rng, 1, gen::grow(index, 1, 3));
    let n_head = n_kv_head * size(rng, 1, gen::grow(index, 2, 3));
    let past = if index.is_multiple_of(4) { 0 } else { size(rng, 1, gen::grow(index, 2, 8)) };
    let t = if index % 3 == 1 { 1 } else { size(rng, 1, gen::grow(index, 2, 5)) };
    let d = size(rng, 1, gen::grow(index, 2, 6));
    let d_v = size(rng, 1, gen::grow(index, 2, 6));
    let mut q = normal(rng, (batch, n_head, t, d));
    let k_cache = normal(rng, (batch, n_kv_head, past, d));
    let v_cache = normal(rng, (batch, n_kv_head, past, d_v));
    let k_new = normal(rng, (batch, n_kv_head, t, d));
    if index % 4 == 3 {
        stability_case(&mut q, &k_cache, &k_new);
    }
    Inputs::new()
        .with("q", q)
        .with("k_cache", k_cache)
        .with("v_cache", v_cache)
        .with("k_new", k_new)
        .with("v_new", normal(rng, (batch, n_kv_head, t, d_v)))
}

/// Rescales each query so that its largest score over the keys it sees (the
/// cache and the new tokens up to itself) is `LARGE_SCORE`, or −`LARGE_SCORE`
/// for every other query when its scores share a sign: exp overflows, or
/// underflows to 0 everywhere, while a softmax shifted by the row maximum is
/// unaffected.
fn stability_case(q: &mut Array4<f64>, k_cache: &Array4<f64>, k_new: &Array4<f64>) {
    let (batch, n_head, t, d) = q.dim();
    let n_kv_head = k_cache.dim().1;
    let group = n_head / n_kv_head;
    for b in 0..batch {
        for h in 0..n_head {
            let kv = h / group;
            for i in 0..t {
                let mut query = q.slice_mut(s![b, h, i, ..]);
                let keys = k_cache
                    .slice(s![b, kv, .., ..])
                    .rows()
                    .into_iter()
                    .chain(k_new.slice(s![b, kv, ..=i, ..]).rows())
                    .map(|key| key.dot(&query) / (d as f64).sqrt())
                    .collect::<Vec<f64>>();
                query *= gen::stability_factor(&keys, (h + i) % 2 == 1, LARGE_SCORE);
            }
        }
    }
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
