use ndarray::prelude::*;

/// IoU of every box of `a` (n, 4) with every box of `b` (m, 4), as
/// `torchvision.ops.box_iou`. Boxes are (x1, y1, x2, y2) with x1 < x2 and
/// y1 < y2; area = (x2 − x1)·(y2 − y1) (no +1); the intersection is 0 when
/// the boxes do not overlap. IoU = inter / (area_a + area_b − inter).
/// Returns (n, m); n or m may be 0.
pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    todo!()
}

/// Greedy non-maximum suppression, as `torchvision.ops.nms`.
///
/// `boxes` is (n, 4), `scores` (n,) with distinct values. Visit the boxes by
/// decreasing score; keep a box unless a kept box has IoU > `iou_threshold`
/// with it (equal keeps it). Suppressed boxes suppress nothing. Returns the
/// indices of the kept boxes, by decreasing score (empty when n = 0).
pub fn nms(
    boxes: ArrayView2<f64>,
    scores: ArrayView1<f64>,
    iou_threshold: f64,
) -> Array1<usize> {
    todo!()
}
