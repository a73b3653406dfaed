// expect: mistake unclamped_intersection
// Broadcasting (n, 1) against (1, m) as in the NumPy version, but the
// intersection's sides are not clamped at 0.
use ndarray::prelude::*;

pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let col = |m: ArrayView2<f64>, c: usize| m.column(c).to_owned();
    let (ax1, ay1, ax2, ay2) = (col(a, 0), col(a, 1), col(a, 2), col(a, 3));
    let (bx1, by1, bx2, by2) = (col(b, 0), col(b, 1), col(b, 2), col(b, 3));
    let area_a = (&ax2 - &ax1) * (&ay2 - &ay1);
    let area_b = (&bx2 - &bx1) * (&by2 - &by1);
    let (n, m) = (a.nrows(), b.nrows());
    let w = Array2::from_shape_fn((n, m), |(i, j)| ax2[i].min(bx2[j]) - ax1[i].max(bx1[j]));
    let h = Array2::from_shape_fn((n, m), |(i, j)| ay2[i].min(by2[j]) - ay1[i].max(by1[j]));
    let inter = &w * &h;
    let union = &area_a.insert_axis(Axis(1)) + &area_b.insert_axis(Axis(0)) - &inter;
    inter / union
}

pub fn nms(boxes: ArrayView2<f64>, scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let iou = box_iou(boxes, boxes);
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut suppressed = vec![false; order.len()];
    let mut keep = Vec::new();
    for (pos, &i) in order.iter().enumerate() {
        if suppressed[i] {
            continue;
        }
        keep.push(i);
        for &j in &order[pos + 1..] {
            suppressed[j] |= iou[[i, j]] > iou_threshold;
        }
    }
    Array1::from(keep)
}
