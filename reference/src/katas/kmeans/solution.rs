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
    let mut centers = init_centers.to_owned();
    let mut labels = nearest(data, centers.view());
    for _ in 0..max_iter {
        let moved = means(data, &labels, centers.view());
        if moved == centers {
            break;
        }
        centers = moved;
        labels = nearest(data, centers.view());
    }
    (labels, centers)
}

/// The index of each point's nearest center (the lowest one on a tie).
fn nearest(data: ArrayView2<f64>, centers: ArrayView2<f64>) -> Array1<usize> {
    // ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖², for all pairs by one matrix product;
    // ‖x‖² is the same for every center of a row, so it is left out.
    let center_sq = centers
        .rows()
        .into_iter()
        .map(|c| c.dot(&c))
        .collect::<Array1<f64>>();
    let scores = -2.0 * data.dot(&centers.t()) + &center_sq;
    scores
        .rows()
        .into_iter()
        .map(|row| {
            let mut best = 0;
            for (j, &s) in row.iter().enumerate() {
                if s < row[best] {
                    best = j;
                }
            }
            best
        })
        .collect()
}

/// Every center moved to the mean of its points; a center without points
/// stays where it is.
fn means(data: ArrayView2<f64>, labels: &Array1<usize>, centers: ArrayView2<f64>) -> Array2<f64> {
    let mut sums = Array2::<f64>::zeros(centers.raw_dim());
    let mut counts = vec![0_usize; centers.nrows()];
    for (point, &label) in data.rows().into_iter().zip(labels) {
        let mut sum = sums.row_mut(label);
        sum += &point;
        counts[label] += 1;
    }
    let mut moved = centers.to_owned();
    for (j, &count) in counts.iter().enumerate() {
        if count > 0 {
            moved.row_mut(j).assign(&(&sums.row(j) / count as f64));
        }
    }
    moved
}
