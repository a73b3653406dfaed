//! Random cases for `linear_regression_sgd`: 1 to 3 features plus the ones
//! column, one row up to about a hundred, one to four epochs. Batch sizes
//! cycle through 1, the whole set or more (a single batch), a size that leaves
//! a shorter last batch, a size that divides n, and any size.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, int, normal, size, uniform};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let features = size(rng, 1, 3);
    let hi = 5 * gen::grow(index, 1, 20);
    let (n, batch_size) = match index % 5 {
        0 => (size(rng, 1, hi), 1),
        1 => {
            let n = size(rng, 1, hi);
            (n, size(rng, n, n + 3))
        }
        2 => {
            // A shorter last batch: n = q·b + r with 0 < r < b.
            let b = size(rng, 2, 8);
            (b * size(rng, 1, 4) + size(rng, 1, b - 1), b)
        }
        3 => {
            // Batches that split n evenly.
            let b = size(rng, 1, 8);
            (b * size(rng, 1, 5), b)
        }
        _ => {
            let n = size(rng, 1, hi);
            (n, size(rng, 1, n))
        }
    };
    let mut x = Array2::ones((n, features + 1));
    x.slice_mut(s![.., ..features]).assign(&normal(rng, (n, features)));
    let w_true = normal(rng, features + 1);
    let y = x.dot(&w_true) + 0.3 * normal(rng, n);
    let w = 0.5 * normal(rng, features + 1);
    let lr = uniform(rng, 0.01, 0.2, ());
    Inputs::new()
        .with("x", x)
        .with("y", y)
        .with("w", w)
        .with("lr", lr)
        .with("epochs", int(size(rng, 1, 4)))
        .with("batch_size", int(batch_size))
}

/// The case `kata bench` times: 200,000 rows of 32 features and the ones
/// column, three epochs of batches of 64.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (n, features) = (gen::scaled(200_000, scale), 32);
    let mut x = Array2::ones((n, features + 1));
    x.slice_mut(s![.., ..features]).assign(&normal(rng, (n, features)));
    let y = x.dot(&normal(rng, features + 1)) + 0.3 * normal(rng, n);
    Inputs::new()
        .with("x", x)
        .with("y", y)
        .with("w", 0.5 * normal(rng, features + 1))
        .with("lr", arr0(0.01))
        .with("epochs", int(3))
        .with("batch_size", int(64))
}
