// expect: mistake max_iter_off_by_one | mistake empty_cluster_to_origin
// Two mistakes from a real-world port: the loop runs max_iter + 1 times, and an
// empty cluster's center becomes the zero vector.
use ndarray::prelude::*;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let (n, d) = data.dim();
    let k = init_centers.nrows();
    let mut centers = init_centers.to_owned();
    let mut labels = vec![0usize; n];
    let relabel = |centers: &Array2<f64>, labels: &mut Vec<usize>| {
        for i in 0..n {
            let mut best = 0;
            let mut bd = f64::MAX;
            for c in 0..k {
                let mut s = 0.0;
                for j in 0..d {
                    let t = data[[i, j]] - centers[[c, j]];
                    s += t * t;
                }
                if s < bd {
                    bd = s;
                    best = c;
                }
            }
            labels[i] = best;
        }
    };
    relabel(&centers, &mut labels);
    for _ in 0..max_iter + 1 {
        let mut next = Array2::<f64>::zeros((k, d));
        let mut count = vec![0usize; k];
        for i in 0..n {
            count[labels[i]] += 1;
            for j in 0..d {
                next[[labels[i], j]] += data[[i, j]];
            }
        }
        for c in 0..k {
            if count[c] > 0 {
                for j in 0..d {
                    next[[c, j]] /= count[c] as f64;
                }
            }
        }
        if next == centers {
            break;
        }
        centers = next;
        relabel(&centers, &mut labels);
    }
    (Array1::from(labels), centers)
}
