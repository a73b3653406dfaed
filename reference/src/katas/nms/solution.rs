use ndarray::prelude::*;

/// IoU of every box of `a` (n, 4) with every box of `b` (m, 4), boxes as
/// (x1, y1, x2, y2), as `torchvision.ops.box_iou`. Returns (n, m).
pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let (a, b) = (corners(a), corners(b));
    let mut iou = Array2::zeros((a.len(), b.len()));
    for (i, p) in a.iter().enumerate() {
        for (j, q) in b.iter().enumerate() {
            iou[[i, j]] = overlap(p, q);
        }
    }
    iou
}

/// Greedy non-maximum suppression, as `torchvision.ops.nms`: the indices of
/// the kept boxes, by decreasing score. A box is suppressed when its IoU
/// with a kept, higher-scoring box is > `iou_threshold`.
pub fn nms(boxes: ArrayView2<f64>, scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let boxes = corners(boxes);
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    order.sort_by(|&i, &j| scores[j].total_cmp(&scores[i]));
    let mut suppressed = vec![false; boxes.len()];
    let mut keep = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        if suppressed[i] {
            continue;
        }
        keep.push(i);
        for &j in &order[rank + 1..] {
            if !suppressed[j] && overlap(&boxes[i], &boxes[j]) > iou_threshold {
                suppressed[j] = true;
            }
        }
    }
    Array1::from(keep)
}

/// The rows as plain `[x1, y1, x2, y2]` arrays: the inner loops then read
/// four f64s instead of indexing a view.
fn corners(boxes: ArrayView2<f64>) -> Vec<[f64; 4]> {
    boxes.rows().into_iter().map(|r| [r[0], r[1], r[2], r[3]]).collect()
}

/// The IoU of two boxes; 0 when they do not overlap.
fn overlap(p: &[f64; 4], q: &[f64; 4]) -> f64 {
    let width = (p[2].min(q[2]) - p[0].max(q[0])).max(0.0);
    let height = (p[3].min(q[3]) - p[1].max(q[1])).max(0.0);
    let inter = width * height;
    inter / (area(p) + area(q) - inter)
}

/// (x2 − x1)·(y2 − y1).
fn area(b: &[f64; 4]) -> f64 {
    (b[2] - b[0]) * (b[3] - b[1])
}
