//! Random cases for `conv2d`: batch 1 to 3, 1 to 3 channels in and out,
//! images from 1×1 up to 10×10, padding 0 to 2 and stride 1 to 3 on each axis
//! independently, with and without a bias. Every fifth case has a kernel as
//! large as the padded input (a single output pixel); every fifth has a
//! column stride above 1 that leaves input columns unused.

use kata_harness::Inputs;

use crate::gen::{self, chance, ints, normal, size};
use crate::Rng;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let hi = gen::grow(index, 3, 10);
    let (n, c_in, c_out) = (size(rng, 1, 3), size(rng, 1, 3), size(rng, 1, 3));
    let (h, w) = (size(rng, 1, hi), size(rng, 1, hi));
    let padding = (size(rng, 0, 2), size(rng, 0, 2));
    let (hp, wp) = (h + 2 * padding.0, w + 2 * padding.1);
    let (kh, kw) = match index % 5 {
        4 => (hp, wp),
        _ => (size(rng, 1, hp.min(5)), size(rng, 1, wp.min(5))),
    };
    let stride = match index % 5 {
        1 if wp > kw + 1 => {
            // A column stride that does not divide the span: the last
            // columns are skipped, so rounding the size matters.
            let sw = (2..=3).find(|s| (wp - kw) % s > 0).unwrap_or(2);
            (size(rng, 1, 3), sw)
        }
        _ => (size(rng, 1, 3), size(rng, 1, 3)),
    };
    let mut case = Inputs::new()
        .with("x", normal(rng, (n, c_in, h, w)))
        .with("weight", normal(rng, (c_out, c_in, kh, kw)))
        .with("stride", ints(&[stride.0, stride.1]))
        .with("padding", ints(&[padding.0, padding.1]));
    if chance(rng, 0.7) {
        case.insert("bias", normal(rng, c_out));
    }
    case
}

/// The case `kata bench` times: a ResNet layer, 8 images of 64 channels at
/// 56×56 through 64 kernels of 3×3, stride 1, padding 1, with a bias.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (n, side) = (gen::scaled(8, scale), gen::scaled(56, scale));
    Inputs::new()
        .with("x", normal(rng, (n, 64, side, side)))
        .with("weight", normal(rng, (64, 64, 3, 3)))
        .with("bias", normal(rng, 64))
        .with("stride", ints(&[1, 1]))
        .with("padding", ints(&[1, 1]))
}
