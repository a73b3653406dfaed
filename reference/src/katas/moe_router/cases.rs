//! Random cases for `moe_router`: 1 to 32 tokens of width 1 to 6, 2 to 8
//! experts (of output width 1 to 6), k from 1 to the number of experts. The
//! router's logits are x·routerᵀ + bias, and `router_logits` is exactly that
//! matrix. Every other case has deliberate exact ties: some experts get a
//! zero router row and one shared bias, so their logits are bit for bit
//! equal whatever order a solution sums in, and the lower index must come
//! first. Apart from those, two logits of a token are never within 1e-6.
//! Every fourth case, from index 0, adds −1e3 to every router bias, and
//! every fourth from index 2 adds 1e3: the softmax does not change, but exp
//! of the raw logits underflows to 0 or overflows, so a softmax that does
//! not subtract the row maximum (or starts it at 0) gives NaN.

use kata_harness::Inputs;
use kata_prelude::Linear;
use ndarray::prelude::*;

use crate::gen::{self, int, normal, size, uniform};
use crate::Rng;

/// How close two different logits of a token may come.
const TIE_GAP: f64 = 1e-6;
/// The shift of every router bias in the stability cases.
const LARGE_SHIFT: f64 = 1e3;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let tokens = size(rng, 1, gen::grow(index, 3, 32));
    let n_experts = size(rng, 2, gen::grow(index, 3, 8));
    let k = size(rng, 1, n_experts);
    let (d, d_out) = (size(rng, 1, 6), size(rng, 1, 6));
    let tied = if index % 2 == 1 { size(rng, 2, n_experts) } else { 0 };
    let (x, router, logits) = loop {
        let x = normal(rng, (tokens, d));
        let mut router = gen::linear(rng, d, n_experts);
        router.weight *= 2.0;
        // The first `tied` experts of a random permutation share a logit.
        let mut order: Vec<usize> = (0..n_experts).collect();
        for i in (1..n_experts).rev() {
            order.swap(i, size(rng, 0, i));
        }
        let shared = uniform(rng, -1.0, 1.0, ())[()];
        for &e in &order[..tied] {
            router.weight.row_mut(e).fill(0.0);
            router.bias[e] = shared;
        }
        // The same shift for every expert: tied logits stay bit for bit equal.
        match index % 4 {
            0 => router.bias -= LARGE_SHIFT,
            2 => router.bias += LARGE_SHIFT,
            _ => {}
        }
        let logits = x.dot(&router.weight.t()) + &router.bias;
        if logits.rows().into_iter().all(|row| no_near_ties(row)) {
            break (x, router, logits);
        }
    };
    let experts: Vec<Linear> = (0..n_experts).map(|_| gen::linear(rng, d, d_out)).collect();
    with_experts(
        Inputs::new()
            .with("router_logits", logits)
            .with("k", int(k))
            .with("x", x)
            .with_linear("router", &router),
        &experts,
    )
}

/// The case `kata bench` times: `route` over 65,536 tokens and 64 experts
/// with k = 4; `moe_forward` of 2048 tokens of width 256 through 16 experts
/// (256 → 256) with k = 4.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let tokens = gen::scaled(2048, scale);
    let experts: Vec<Linear> = (0..16).map(|_| gen::linear(rng, 256, 256)).collect();
    with_experts(
        Inputs::new()
            .with("router_logits", normal(rng, (gen::scaled(65_536, scale), 64)))
            .with("k", int(4))
            .with("x", normal(rng, (tokens, 256)))
            .with_linear("router", &gen::linear(rng, 256, 16)),
        &experts,
    )
}

fn with_experts(mut case: Inputs, experts: &[Linear]) -> Inputs {
    for (e, expert) in experts.iter().enumerate() {
        case = case.with_linear(&format!("experts.{e}"), expert);
    }
    case
}

/// Whether every two logits of a token are equal or clearly apart.
fn no_near_ties(row: ArrayView1<f64>) -> bool {
    let mut sorted = row.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.windows(2).all(|w| w[0] == w[1] || w[1] - w[0] > TIE_GAP)
}
