// expect: mistake visited_in_index_order
// The boxes are never sorted by score: greedy suppression visits them in
// index order, so a low-scoring box can suppress a better one.
use ndarray::prelude::*;

fn area(r: ArrayView1<f64>) -> f64 {
    (r[2] - r[0]) * (r[3] - r[1])
}

fn pair_iou(p: ArrayView1<f64>, q: ArrayView1<f64>) -> f64 {
    let iw = (p[2].min(q[2]) - p[0].max(q[0])).max(0.0);
    let ih = (p[3].min(q[3]) - p[1].max(q[1])).max(0.0);
    let inter = iw * ih;
    inter / (area(p) + area(q) - inter)
}

pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let mut out = Array2::<f64>::zeros((a.nrows(), b.nrows()));
    for (mut row, p) in out.outer_iter_mut().zip(a.outer_iter()) {
        for (cell, q) in row.iter_mut().zip(b.outer_iter()) {
            *cell = pair_iou(p, q);
        }
    }
    out
}

pub fn nms(boxes: ArrayView2<f64>, _scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let n = boxes.nrows();
    let mut alive = vec![true; n];
    let mut keep = Vec::new();
    for i in 0..n {
        if !alive[i] {
            continue;
        }
        keep.push(i);
        for j in i + 1..n {
            if alive[j] && pair_iou(boxes.row(i), boxes.row(j)) > iou_threshold {
                alive[j] = false;
            }
        }
    }
    Array1::from(keep)
}
