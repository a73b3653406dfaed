// A correct solution in another form: a HashMap of members, select and mean_axis, centers returned as t().to_owned().reversed_axes() (column-major).
use ndarray::prelude::*;
use std::collections::HashMap;

pub fn kmeans(data: ArrayView2<f64>, init_centers: ArrayView2<f64>, max_iter: usize) -> (Array1<usize>, Array2<f64>) {
    let mut centers = init_centers.to_owned();
    let assign = |c: &Array2<f64>| -> Array1<usize> {
        data.outer_iter()
            .map(|p| {
                let mut best = (f64::INFINITY, 0usize);
                for (j, cj) in c.outer_iter().enumerate() {
                    let d: f64 = p.iter().zip(cj.iter()).map(|(a, b)| (a - b) * (a - b)).sum();
                    if d < best.0 { best = (d, j); }
                }
                best.1
            })
            .collect()
    };
    let mut labels = assign(&centers);
    for _ in 0..max_iter {
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, &l) in labels.iter().enumerate() { groups.entry(l).or_default().push(i); }
        let mut moved = centers.clone();
        for (j, idx) in &groups {
            let sel = data.select(Axis(0), idx);
            moved.row_mut(*j).assign(&sel.mean_axis(Axis(0)).unwrap());
        }
        if moved == centers { break; }
        centers = moved;
        labels = assign(&centers);
    }
    (labels, centers.t().to_owned().reversed_axes())
}
