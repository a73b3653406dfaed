//! Random cases for `beam_search`: batch 1 to 3, one to six positions,
//! vocabularies of 2 to 8, beam sizes from 1 (greedy) to the whole vocabulary.
//! A draw is rejected when candidates near the cut of any step are within
//! 1e-6 of each other, so no verdict hinges on rounding.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, int, normal, size};
use crate::Rng;

/// The smallest gap allowed between candidates ranked around a cut.
const MIN_GAP: f64 = 1e-6;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    loop {
        let batch = size(rng, 1, gen::grow(index, 1, 3));
        let seqlen = size(rng, 1, gen::grow(index, 2, 6));
        let vocab = size(rng, 2, gen::grow(index, 3, 8));
        let beam_size = match index % 4 {
            0 => 1,
            1 => vocab,
            _ => size(rng, 1, vocab),
        };
        let logits = normal(rng, (batch, seqlen, vocab));
        let lm_prob = softmax_last(&logits);
        if well_separated(&lm_prob, beam_size) {
            return Inputs::new().with("lm_prob", lm_prob).with("beam_size", int(beam_size));
        }
    }
}

/// The case `kata bench` times: 8 rows of 64 positions over a vocabulary of
/// 1000, beam size 8.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let logits = 2.0 * normal(rng, (gen::scaled(8, scale), 64, 1000));
    Inputs::new()
        .with("lm_prob", softmax_last(&logits))
        .with("beam_size", int(8))
}

fn softmax_last(logits: &Array3<f64>) -> Array3<f64> {
    let e = logits.mapv(f64::exp);
    let sums = e.sum_axis(Axis(2)).insert_axis(Axis(2));
    &e / &sums
}

/// Runs the search and checks every step's ranking around the cut.
fn well_separated(lm_prob: &Array3<f64>, beam_size: usize) -> bool {
    let (batch, seqlen, vocab) = lm_prob.dim();
    (0..batch).all(|b| {
        let mut scores = vec![0.0];
        (0..seqlen).all(|t| {
            let mut candidates: Vec<f64> = scores
                .iter()
                .flat_map(|s| (0..vocab).map(move |v| s + lm_prob[[b, t, v]].ln()))
                .collect();
            candidates.sort_by(|x, y| y.total_cmp(x));
            let window = &candidates[..(beam_size + 1).min(candidates.len())];
            let ok = window.windows(2).all(|w| w[0] - w[1] >= MIN_GAP);
            candidates.truncate(beam_size);
            scores = candidates;
            ok
        })
    })
}
