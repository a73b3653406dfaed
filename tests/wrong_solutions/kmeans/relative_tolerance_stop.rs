// expect: pattern confined | pattern scaled
// Stops like scikit-learn's tol: once the squared shift of the centers is at
// most 1e-4 times the data's mean variance. A late move of one point in a
// big cluster is that small, so the run ends one move early.
use ndarray::prelude::*;

fn assign(data: ArrayView2<f64>, centers: &Array2<f64>) -> Array1<usize> {
    data.rows()
        .into_iter()
        .map(|p| {
            let mut best = 0;
            let mut best_d = f64::INFINITY;
            for (j, c) in centers.rows().into_iter().enumerate() {
                let d: f64 = p.iter().zip(c.iter()).map(|(a, b)| (a - b) * (a - b)).sum();
                if d < best_d {
                    best_d = d;
                    best = j;
                }
            }
            best
        })
        .collect()
}

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let var = data.var_axis(Axis(0), 0.0).mean().unwrap_or(0.0);
    let tol = 1e-4 * var;
    let mut centers = init_centers.to_owned();
    for _ in 0..max_iter {
        let labels = assign(data, &centers);
        let mut new = centers.clone();
        for j in 0..centers.nrows() {
            let members: Vec<usize> = (0..data.nrows()).filter(|&i| labels[i] == j).collect();
            if !members.is_empty() {
                let m = data.select(Axis(0), &members).mean_axis(Axis(0)).unwrap();
                new.row_mut(j).assign(&m);
            }
        }
        let shift: f64 = (&new - &centers).mapv(|v| v * v).sum();
        centers = new;
        if shift <= tol {
            break;
        }
    }
    (assign(data, &centers), centers)
}
