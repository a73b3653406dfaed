//! Random cases for `kmeans`: one to a few dozen points in 1 to 3 dimensions,
//! k from 1 to 6 (k > n included), `max_iter` from 0 up, often small enough
//! to stop Lloyd's algorithm before it converges. Every sixth case is on
//! integer coordinates and has points exactly halfway between two centers
//! (the lower index must win); every sixth adds a last center far from every
//! point, so its cluster is empty. Every sixth runs to convergence on data
//! scaled by 2^-16 (every center then moves by less than 1e-4, so a stop on
//! a small move, `‖moved − centers‖ < tol`, instead of on no move at all,
//! stops too early); a power of two changes no decision.
//!
//! A draw is rejected when, at any iteration, a point's two nearest centers
//! are within 1e-9 of a tie, unless the tie is exact between the given
//! integer starting centers (where every way of computing it is exact).

use kata_harness::Inputs;
use ndarray::prelude::*;

use super::solution::kmeans;
use crate::gen::{self, chance, int, normal, size};
use crate::Rng;

/// The smallest gap allowed between a point's two nearest squared distances.
const MIN_GAP: f64 = 1e-9;
/// The scale of the small-scale cases, 2^-16: exact, so the run is the same
/// as on the unscaled data, every number scaled.
const SMALL_SCALE: f64 = 1.0 / 65536.0;

/// Draws the inputs of case `index`.
pub fn random_case(rng: &mut Rng, index: usize) -> Inputs {
    loop {
        let d = size(rng, 1, 3);
        let n = size(rng, 1, 5 * gen::grow(index, 1, 8));
        let (data, init_centers, tie_case) = match index % 6 {
            0 => {
                let (data, centers) = grid(rng, n.max(2), d);
                (data, centers, true)
            }
            3 => {
                let (data, mut centers) = blobs(rng, n, d);
                // A last center far beyond every point never gets any.
                let far = Array1::from_elem(d, 50.0);
                centers.push_row(far.view()).expect("same width");
                (data, centers, false)
            }
            _ => {
                let (data, centers) = blobs(rng, n, d);
                (data, centers, false)
            }
        };
        let max_iter = match index % 6 {
            1 | 4 => size(rng, 1, 3),
            5 => 100,
            _ if chance(rng, 0.2) => 0,
            _ if chance(rng, 0.5) => size(rng, 1, 5),
            _ => 100,
        };
        let ties = exact_ties(data.view(), init_centers.view());
        if tie_case == (ties > 0) && well_separated(data.view(), init_centers.view(), max_iter) {
            let (data, init_centers) = if index % 6 == 5 {
                (data * SMALL_SCALE, init_centers * SMALL_SCALE)
            } else {
                (data, init_centers)
            };
            return Inputs::new()
                .with("data", data)
                .with("init_centers", init_centers)
                .with("max_iter", int(max_iter));
        }
    }
}

/// The case `kata bench` times: 100,000 points in 8 dimensions around 16
/// means, 16 centers started at random points, up to 30 iterations.
pub fn bench_case(rng: &mut Rng, scale: f64) -> Inputs {
    let (n, d, k) = (gen::scaled(100_000, scale), 8, 16);
    let means = 3.0 * normal(rng, (k, d));
    let data = Array2::from_shape_fn((n, d), |(i, j)| means[[i % k, j]]) + normal(rng, (n, d));
    let rows: Vec<usize> = (0..k).map(|_| size(rng, 0, n - 1)).collect();
    Inputs::new()
        .with("init_centers", data.select(Axis(0), &rows))
        .with("data", data)
        .with("max_iter", int(30))
}

/// Points around a few random means; the starting centers are random points
/// or distinct data rows, 1 to 5 of them (at least 2 when `n` allows).
fn blobs(rng: &mut Rng, n: usize, d: usize) -> (Array2<f64>, Array2<f64>) {
    let blobs = size(rng, 1, 4);
    let means = 4.0 * normal(rng, (blobs, d));
    let data = Array2::from_shape_fn((n, d), |(i, j)| means[[i % means.nrows(), j]]) + normal(rng, (n, d));
    let k = size(rng, 1, 5.min(n + 1));
    let centers = if k <= n && chance(rng, 0.6) {
        let mut rows: Vec<usize> = (0..n).collect();
        for i in 0..k {
            rows.swap(i, size(rng, i, n - 1));
        }
        data.select(Axis(0), &rows[..k])
    } else {
        4.0 * normal(rng, (k, d))
    };
    (data, centers)
}

/// Integer points in [0, 4]^d and 2 or 3 integer centers.
fn grid(rng: &mut Rng, n: usize, d: usize) -> (Array2<f64>, Array2<f64>) {
    let data = integers(rng, (n, d));
    let k = size(rng, 2, 3);
    (data, integers(rng, (k, d)))
}

/// An array of integers in [0, 4].
fn integers(rng: &mut Rng, shape: (usize, usize)) -> Array2<f64> {
    Array2::from_shape_simple_fn(shape, || size(rng, 0, 4) as f64)
}

/// Squared Euclidean distances from every point (rows) to every center.
fn distances(data: ArrayView2<f64>, centers: ArrayView2<f64>) -> Array2<f64> {
    Array2::from_shape_fn((data.nrows(), centers.nrows()), |(i, j)| {
        (&data.row(i) - &centers.row(j)).mapv(|v| v * v).sum()
    })
}

/// A point's two smallest distances (the second is infinite for one center),
/// with the centers they belong to.
fn two_nearest(row: ArrayView1<f64>) -> ((f64, usize), (f64, usize)) {
    let mut order: Vec<usize> = (0..row.len()).collect();
    order.sort_by(|&a, &b| row[a].total_cmp(&row[b]));
    let second = order.get(1).map_or((f64::INFINITY, 0), |&j| (row[j], j));
    ((row[order[0]], order[0]), second)
}

/// How many points are exactly as far from their two nearest centers.
fn exact_ties(data: ArrayView2<f64>, centers: ArrayView2<f64>) -> usize {
    let dist = distances(data, centers);
    dist.rows()
        .into_iter()
        .filter(|row| {
            let ((a, _), (b, _)) = two_nearest(row.view());
            a == b
        })
        .count()
}

/// Replays the iterations (one run per `max_iter` up to the given one) and
/// checks every assignment for near-ties.
fn well_separated(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> bool {
    let integral = |a: ArrayView1<f64>| a.iter().all(|v| v.fract() == 0.0);
    let mut previous: Option<Array2<f64>> = None;
    for t in 0..=max_iter {
        let (_, centers) = kmeans(data, init_centers, t);
        // Ties are checked even at the centers the run stops on: whether a
        // mean "equals" a given center can itself hinge on its last bit.
        let converged = previous.as_ref() == Some(&centers);
        let dist = distances(data, centers.view());
        for (i, row) in dist.rows().into_iter().enumerate() {
            let ((a, ca), (b, cb)) = two_nearest(row);
            // Only the given integer centers tie exactly for every correct
            // program: a moved center is a mean, whose last bit depends on how
            // it is summed (sum then divide, or a running mean).
            let exact =
                t == 0 && a == b && integral(data.row(i)) && integral(centers.row(ca)) && integral(centers.row(cb));
            if b - a < MIN_GAP && !exact {
                return false;
            }
        }
        if converged {
            return true;
        }
        previous = Some(centers);
    }
    true
}
