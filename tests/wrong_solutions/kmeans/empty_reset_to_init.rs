// expect: pattern unlabelled_rows
// Sums and counts per cluster in one pass; a cluster with no points is put
// back at its initial center rather than left where it last moved.
use ndarray::prelude::*;

fn nearest(data: ArrayView2<f64>, centers: &Array2<f64>) -> Array1<usize> {
    data.rows()
        .into_iter()
        .map(|p| {
            let mut best = (f64::INFINITY, 0);
            for (j, c) in centers.rows().into_iter().enumerate() {
                let d: f64 = p.iter().zip(c.iter()).map(|(a, b)| (a - b) * (a - b)).sum();
                if d < best.0 {
                    best = (d, j);
                }
            }
            best.1
        })
        .collect()
}

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let (k, d) = init_centers.dim();
    let mut centers = init_centers.to_owned();
    let mut labels = nearest(data, &centers);
    for _ in 0..max_iter {
        let mut sums = Array2::<f64>::zeros((k, d));
        let mut counts = vec![0usize; k];
        for (p, &l) in data.rows().into_iter().zip(labels.iter()) {
            let mut row = sums.row_mut(l);
            row += &p;
            counts[l] += 1;
        }
        let mut moved = init_centers.to_owned();
        for j in 0..k {
            if counts[j] > 0 {
                let mean = &sums.row(j) / counts[j] as f64;
                moved.row_mut(j).assign(&mean);
            }
        }
        if moved == centers {
            break;
        }
        centers = moved;
        labels = nearest(data, &centers);
    }
    (labels, centers)
}
