use ndarray::prelude::*;

/// Lloyd's algorithm with explicit loops: distances are summed coordinate by
/// coordinate as Σ (x − c)², and each new center is a running mean of its
/// points.
pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let (n, d) = data.dim();
    let k = init_centers.nrows();
    let mut centers: Vec<Vec<f64>> = (0..k).map(|c| (0..d).map(|j| init_centers[[c, j]]).collect()).collect();
    let mut labels = vec![0usize; n];
    let mut iteration = 0;
    loop {
        // Assign: the strictly nearer center wins, so a tie keeps the lower index.
        for i in 0..n {
            let mut best = 0;
            let mut best_dist = f64::INFINITY;
            for (c, center) in centers.iter().enumerate() {
                let mut dist = 0.0;
                for j in 0..d {
                    let diff = data[[i, j]] - center[j];
                    dist += diff * diff;
                }
                if dist < best_dist {
                    best_dist = dist;
                    best = c;
                }
            }
            labels[i] = best;
        }
        if iteration == max_iter {
            break;
        }
        // Update: running means; an empty cluster keeps its center.
        let mut moved = centers.clone();
        let mut counts = vec![0usize; k];
        for i in 0..n {
            let c = labels[i];
            counts[c] += 1;
            if counts[c] == 1 {
                for j in 0..d {
                    moved[c][j] = data[[i, j]];
                }
            } else {
                for j in 0..d {
                    moved[c][j] += (data[[i, j]] - moved[c][j]) / counts[c] as f64;
                }
            }
        }
        if moved == centers {
            break;
        }
        centers = moved;
        iteration += 1;
    }
    let mut out = Array2::<f64>::zeros((k, d));
    for c in 0..k {
        for j in 0..d {
            out[[c, j]] = centers[c][j];
        }
    }
    (Array1::from(labels), out)
}
