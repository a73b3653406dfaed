// expect: mistake stale_labels | invariant labels_are_nearest_centers
// Assign, then move, with folds; the labels returned are from before the last move.
use ndarray::prelude::*;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let k = init_centers.nrows();
    let mut centers = init_centers.to_owned();
    let mut labels = Array1::<usize>::zeros(data.nrows());
    let dist = |p: ArrayView1<f64>, c: ArrayView1<f64>| p.iter().zip(c).fold(0.0, |s, (a, b)| s + (a - b).powi(2));
    let assign = |centers: &Array2<f64>| -> Array1<usize> {
        data.outer_iter()
            .map(|p| {
                (0..k).fold((0usize, f64::INFINITY), |(bi, bd), c| {
                    let d = dist(p, centers.row(c));
                    if d < bd { (c, d) } else { (bi, bd) }
                })
                .0
            })
            .collect()
    };
    if max_iter == 0 {
        return (assign(&centers), centers);
    }
    for _ in 0..max_iter {
        labels = assign(&centers);
        let (sums, counts) = data.outer_iter().zip(labels.iter()).fold(
            (Array2::<f64>::zeros(centers.raw_dim()), vec![0usize; k]),
            |(mut s, mut n), (p, &l)| {
                let mut row = s.row_mut(l);
                row += &p;
                n[l] += 1;
                (s, n)
            },
        );
        let mut moved = centers.clone();
        for c in 0..k {
            if counts[c] > 0 {
                moved.row_mut(c).assign(&(&sums.row(c) / counts[c] as f64));
            }
        }
        let done = moved == centers;
        centers = moved;
        if done {
            break;
        }
    }
    (labels, centers)
}
