//! Random cases for `rope`: batch 1 to 2, 1 to 4 heads, 1 to 8 rows, head
//! widths d of 2 to 16 (even). Positions start at 0 in one case in five; the
//! others continue a cache (a start up to 1000, or up to 1e5 in every fifth
//! case), and one case in four has increasing positions with gaps. Bases are
//! 1e4 (Llama 2), 5e5 (Llama 3) and 100 (fast rotation at small positions).

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, ints, normal, size};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let batch = size(rng, 1, gen::grow(index, 1, 2));
    let heads = size(rng, 1, gen::grow(index, 1, 4));
    let seq = size(rng, 1, gen::grow(index, 2, 8));
    let d = 2 * size(rng, 1, gen::grow(index, 2, 8));
    let start = match index % 5 {
        0 => 0,
        4 => size(rng, 0, 100_000),
        _ => size(rng, 1, 1000),
    };
    let mut positions = Vec::with_capacity(seq);
    let mut p = start;
    for _ in 0..seq {
        positions.push(p);
        p += if index % 4 == 1 { size(rng, 1, 50) } else { 1 };
    }
    let base = [1e4, 5e5, 100.0][size(rng, 0, 2)];
    Inputs::new()
        .with("x", normal(rng, (batch, heads, seq, d)))
        .with("positions", ints(&positions))
        .with("base", arr0(base))
}

/// The case `kata bench` times: the queries of a Llama-7B layer, 32 heads of
/// width 128 over 1024 positions of one sequence.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let seq = gen::scaled(1024, scale);
    let positions: Vec<usize> = (0..seq).collect();
    Inputs::new()
        .with("x", normal(rng, (1, 32, seq, 128)))
        .with("positions", ints(&positions))
        .with("base", arr0(1e4))
}
