// expect: mistake max_iter_off_by_one
// A while loop counting iterations from 0 to max_iter inclusive.
use ndarray::prelude::*;

fn nearest(point: ArrayView1<f64>, centers: &Array2<f64>) -> usize {
    let mut best = (0, f64::INFINITY);
    for (c, center) in centers.outer_iter().enumerate() {
        let dist: f64 = point.iter().zip(center.iter()).map(|(a, b)| (a - b) * (a - b)).sum();
        if dist < best.1 {
            best = (c, dist);
        }
    }
    best.0
}

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let mut centers = init_centers.to_owned();
    let mut labels: Array1<usize> = data.outer_iter().map(|p| nearest(p, &centers)).collect();
    let mut it = 0;
    while it <= max_iter {
        let mut next = centers.clone();
        for c in 0..centers.nrows() {
            let members: Vec<usize> = (0..data.nrows()).filter(|&i| labels[i] == c).collect();
            if members.is_empty() {
                continue;
            }
            let mut mean = Array1::<f64>::zeros(data.ncols());
            for &i in &members {
                mean += &data.row(i);
            }
            next.row_mut(c).assign(&(mean / members.len() as f64));
        }
        if next == centers {
            break;
        }
        centers = next;
        labels = data.outer_iter().map(|p| nearest(p, &centers)).collect();
        it += 1;
    }
    (labels, centers)
}
