//! Random cases for `nms`: boxes drawn around a few cluster centres, so that
//! most boxes overlap a neighbour (chains of suppression, boxes kept out of
//! index order) while boxes of different clusters are disjoint. Up to 40
//! boxes; case 1 has none, and `b` of `box_iou` is sometimes empty. Scores
//! are distinct, and every IoU among the boxes stays at least 1e-6 away from
//! the threshold (0.3, 0.5 or 0.7), so no verdict hinges on rounding.

use kata_harness::Inputs;
use ndarray::prelude::*;

use crate::gen::{self, chance, normal, size, uniform};
use crate::Rng;

/// How close to the threshold an IoU may come in a random case.
const THRESHOLD_GAP: f64 = 1e-6;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    let hi = gen::grow(index, 3, 40);
    let n = if index == 1 { 0 } else { size(rng, 1, hi) };
    let m = if chance(rng, 0.15) { 0 } else { size(rng, 1, hi) };
    let iou_threshold = [0.3, 0.5, 0.7][size(rng, 0, 2)];
    let n_centers = size(rng, 1, n.div_ceil(4).max(1));
    let centers = normal(rng, (n_centers, 2)) * 15.0;
    let (boxes, scores) = loop {
        let boxes = clustered_boxes(rng, &centers, n, 3.0);
        let scores = uniform(rng, 0.0, 1.0, n);
        if distinct(&scores) && away_from(&boxes, iou_threshold) {
            break (boxes, scores);
        }
    };
    Inputs::new()
        .with("a", boxes.clone())
        .with("b", clustered_boxes(rng, &centers, m, 3.0))
        .with("boxes", boxes)
        .with("scores", scores)
        .with("iou_threshold", arr0(iou_threshold))
}

/// The case `kata bench` times: `box_iou` of 2000 by 2000 boxes, `nms` over
/// 5000 boxes spread over a 1000 × 1000 image (most of them kept, so the
/// greedy loop compares nearly every pair).
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let spread = |rng: &mut Rng, n: usize| {
        let centers = uniform(rng, 0.0, 1000.0, (n, 2));
        let sides = uniform(rng, 10.0, 60.0, (n, 2));
        Array2::from_shape_fn((n, 4), |(i, k)| centers[[i, k % 2]] + sides[[i, k % 2]] * if k < 2 { -0.5 } else { 0.5 })
    };
    let n = gen::scaled(5000, scale);
    let side = gen::scaled(2000, scale);
    Inputs::new()
        .with("a", spread(rng, side))
        .with("b", spread(rng, side))
        .with("boxes", spread(rng, n))
        .with("scores", uniform(rng, 0.0, 1.0, n))
        .with("iou_threshold", arr0(0.5))
}

/// `n` boxes around the given centres (chosen at random), each centre
/// jittered by `jitter`, sides in [4, 16).
fn clustered_boxes(rng: &mut Rng, centers: &Array2<f64>, n: usize, jitter: f64) -> Array2<f64> {
    let mut boxes = Array2::zeros((n, 4));
    for mut row in boxes.rows_mut() {
        let c = centers.row(size(rng, 0, centers.nrows() - 1));
        let shift = normal(rng, 2) * jitter;
        let sides = uniform(rng, 4.0, 16.0, 2);
        for k in 0..2 {
            row[k] = c[k] + shift[k] - sides[k] / 2.0;
            row[k + 2] = c[k] + shift[k] + sides[k] / 2.0;
        }
    }
    boxes
}

fn distinct(scores: &Array1<f64>) -> bool {
    let mut sorted = scores.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.windows(2).all(|w| w[0] < w[1])
}

/// Whether every IoU between two of the boxes is clearly above or below the
/// threshold.
fn away_from(boxes: &Array2<f64>, threshold: f64) -> bool {
    let iou = super::solution::box_iou(boxes.view(), boxes.view());
    iou.indexed_iter()
        .all(|((i, j), &v)| i == j || (v - threshold).abs() > THRESHOLD_GAP)
}
