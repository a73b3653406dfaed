// expect: mistake empty_cluster_to_origin
// Means by Welford updates into a fresh zero matrix: an empty cluster stays at 0.
use ndarray::prelude::*;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let k = init_centers.nrows();
    let mut centers = init_centers.to_owned();
    let assign = |c: &Array2<f64>| -> Array1<usize> {
        data.outer_iter()
            .map(|p| {
                let mut best = 0;
                for j in 1..k {
                    let dj = (&p - &c.row(j)).mapv(|v| v * v).sum();
                    let db = (&p - &c.row(best)).mapv(|v| v * v).sum();
                    if dj < db {
                        best = j;
                    }
                }
                best
            })
            .collect()
    };
    let mut labels = assign(&centers);
    for _ in 0..max_iter {
        let mut moved = Array2::<f64>::zeros(centers.raw_dim());
        let mut seen = vec![0usize; k];
        for (p, &l) in data.outer_iter().zip(labels.iter()) {
            seen[l] += 1;
            let mut row = moved.row_mut(l);
            let step = (&p - &row) / seen[l] as f64;
            row += &step;
        }
        if moved == centers {
            break;
        }
        centers = moved;
        labels = assign(&centers);
    }
    (labels, centers)
}
