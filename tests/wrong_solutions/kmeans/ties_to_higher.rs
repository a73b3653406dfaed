// expect: mistake tie_to_higher_index
// Distances through a matrix of differences; `<=` lets a later center win a tie.
use ndarray::prelude::*;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let (n, _) = data.dim();
    let k = init_centers.nrows();
    let mut centers = init_centers.to_owned();
    let label = |centers: &Array2<f64>| -> Array1<usize> {
        let mut out = Array1::<usize>::zeros(n);
        for i in 0..n {
            let mut best_d = f64::INFINITY;
            for c in 0..k {
                let diff = &data.row(i) - &centers.row(c);
                let d = diff.dot(&diff);
                if d <= best_d {
                    best_d = d;
                    out[i] = c;
                }
            }
        }
        out
    };
    let mut labels = label(&centers);
    for _ in 0..max_iter {
        let mut moved = centers.clone();
        for c in 0..k {
            let rows: Vec<usize> = (0..n).filter(|&i| labels[i] == c).collect();
            if !rows.is_empty() {
                moved.row_mut(c).assign(&data.select(Axis(0), &rows).mean_axis(Axis(0)).unwrap());
            }
        }
        if moved == centers {
            break;
        }
        centers = moved;
        labels = label(&centers);
    }
    (labels, centers)
}
