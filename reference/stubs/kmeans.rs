use ndarray::prelude::*;

/// Lloyd's algorithm from `init_centers` (k, d) on `data` (n, d).
///
/// One iteration assigns every point to its nearest center (squared
/// Euclidean distance, a tie going to the lower index), then moves each
/// center to the mean of its points; a center with no points stays put.
/// Stops when an iteration leaves every center unchanged, or after
/// `max_iter` iterations. Returns (labels (n,), centers (k, d)), the labels
/// being the assignment to the centers returned.
pub fn kmeans(
    data: ArrayView2<f64>,
    init_centers: ArrayView2<f64>,
    max_iter: usize,
) -> (Array1<usize>, Array2<f64>) {
    todo!()
}
