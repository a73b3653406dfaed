// expect: mistake suppress_at_equal_iou
// The Python idiom `order = order[ious < thresh]` as a Vec::retain: a box
// whose IoU equals the threshold is dropped too.
use ndarray::prelude::*;

pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    Array2::from_shape_fn((a.nrows(), b.nrows()), |(i, j)| {
        let (p, q) = (a.row(i), b.row(j));
        let w = (p[2].min(q[2]) - p[0].max(q[0])).max(0.0);
        let h = (p[3].min(q[3]) - p[1].max(q[1])).max(0.0);
        let inter = w * h;
        let union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter;
        inter / union
    })
}

pub fn nms(boxes: ArrayView2<f64>, scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut keep = Vec::new();
    while let Some(&best) = order.first() {
        keep.push(best);
        let top = boxes.slice(s![best..best + 1, ..]);
        order.retain(|&j| j != best && box_iou(top, boxes.slice(s![j..j + 1, ..]))[[0, 0]] < iou_threshold);
    }
    Array1::from(keep)
}
