// expect: invariant labels_are_nearest_centers
// Manhattan distance instead of the squared Euclidean one.
use ndarray::prelude::*;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let k = init_centers.nrows();
    let mut centers = init_centers.to_owned();
    let nearest = |c: &Array2<f64>| -> Array1<usize> {
        data.outer_iter()
            .map(|p| {
                let mut best = 0;
                let mut bd = f64::INFINITY;
                for j in 0..k {
                    let dj: f64 = p.iter().zip(c.row(j).iter()).map(|(a, b)| (a - b).abs()).sum();
                    if dj < bd {
                        bd = dj;
                        best = j;
                    }
                }
                best
            })
            .collect()
    };
    let mut labels = nearest(&centers);
    for _ in 0..max_iter {
        let mut moved = centers.clone();
        for j in 0..k {
            let idx: Vec<usize> = labels.iter().enumerate().filter(|(_, &l)| l == j).map(|(i, _)| i).collect();
            if !idx.is_empty() {
                moved.row_mut(j).assign(&data.select(Axis(0), &idx).mean_axis(Axis(0)).unwrap());
            }
        }
        if moved == centers {
            break;
        }
        centers = moved;
        labels = nearest(&centers);
    }
    (labels, centers)
}
