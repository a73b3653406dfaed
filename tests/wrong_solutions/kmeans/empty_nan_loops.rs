// expect: mistake empty_cluster_nan
// Index loops; an empty cluster's center is sum / 0 = NaN.
use ndarray::prelude::*;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let (n, d) = data.dim();
    let k = init_centers.nrows();
    let mut centers = init_centers.to_owned();
    let assign = |centers: &Array2<f64>| -> Vec<usize> {
        (0..n)
            .map(|i| {
                let mut best = 0;
                let mut best_d = f64::INFINITY;
                for c in 0..k {
                    let mut dist = 0.0;
                    for j in 0..d {
                        dist += (data[[i, j]] - centers[[c, j]]).powi(2);
                    }
                    if dist < best_d {
                        best_d = dist;
                        best = c;
                    }
                }
                best
            })
            .collect()
    };
    let mut labels = assign(&centers);
    for _ in 0..max_iter {
        let mut sums = Array2::<f64>::zeros((k, d));
        let mut counts = vec![0.0; k];
        for i in 0..n {
            for j in 0..d {
                sums[[labels[i], j]] += data[[i, j]];
            }
            counts[labels[i]] += 1.0;
        }
        let mut moved = sums.clone();
        for c in 0..k {
            for j in 0..d {
                moved[[c, j]] = sums[[c, j]] / counts[c];
            }
        }
        if moved == centers {
            break;
        }
        centers = moved;
        labels = assign(&centers);
    }
    (Array1::from(labels), centers)
}
