// expect: mistake empty_cluster_nan | mistake stale_labels | invariant labels_are_nearest_centers | pattern non_finite_rows
// Two mistakes, ported from a NumPy snippet: the mean of an empty cluster is
// NaN, and the labels returned are those of the last assignment step.
use ndarray::prelude::*;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let (n, d) = data.dim();
    let k = init_centers.nrows();
    let mut centers = init_centers.to_owned();
    let mut labels = vec![0usize; n];
    let assign = |c: &Array2<f64>, labels: &mut Vec<usize>| {
        for (i, p) in data.outer_iter().enumerate() {
            let mut best = (0usize, f64::INFINITY);
            for (j, row) in c.outer_iter().enumerate() {
                let dist = p.iter().zip(row.iter()).map(|(a, b)| (a - b).powi(2)).sum::<f64>();
                if dist < best.1 {
                    best = (j, dist);
                }
            }
            labels[i] = best.0;
        }
    };
    assign(&centers, &mut labels);
    for _ in 0..max_iter {
        assign(&centers, &mut labels);
        let mut next = Array2::<f64>::zeros((k, d));
        let mut count = vec![0.0; k];
        for i in 0..n {
            next.row_mut(labels[i]).scaled_add(1.0, &data.row(i));
            count[labels[i]] += 1.0;
        }
        for j in 0..k {
            next.row_mut(j).mapv_inplace(|v| v / count[j]);
        }
        if next == centers {
            break;
        }
        centers = next;
    }
    (Array1::from(labels), centers)
}
