// expect: mistake suppressed_boxes_suppress
// The full IoU matrix first; a box survives when no higher-scoring box at
// all overlaps it above the threshold, kept or not.
use ndarray::prelude::*;

pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let area = |r: ArrayView1<f64>| (r[2] - r[0]) * (r[3] - r[1]);
    let mut m = Array2::<f64>::zeros((a.nrows(), b.nrows()));
    for ((i, j), v) in m.indexed_iter_mut() {
        let (p, q) = (a.row(i), b.row(j));
        let w = (p[2].min(q[2]) - p[0].max(q[0])).max(0.0);
        let h = (p[3].min(q[3]) - p[1].max(q[1])).max(0.0);
        *v = w * h / (area(p) + area(q) - w * h);
    }
    m
}

pub fn nms(boxes: ArrayView2<f64>, scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let iou = box_iou(boxes, boxes);
    let n = scores.len();
    let mut kept: Vec<usize> = (0..n)
        .filter(|&i| !(0..n).any(|j| scores[j] > scores[i] && iou[[i, j]] > iou_threshold))
        .collect();
    kept.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    Array1::from(kept)
}
