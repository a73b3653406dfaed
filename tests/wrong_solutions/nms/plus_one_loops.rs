// expect: mistake plus_one_sides
// Index loops with the pixel-count convention of old detection code: every
// side is x2 − x1 + 1.
use ndarray::prelude::*;

fn iou(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    let xx1 = a[0].max(b[0]);
    let yy1 = a[1].max(b[1]);
    let xx2 = a[2].min(b[2]);
    let yy2 = a[3].min(b[3]);
    let w = (xx2 - xx1 + 1.0).max(0.0);
    let h = (yy2 - yy1 + 1.0).max(0.0);
    let inter = w * h;
    let area_a = (a[2] - a[0] + 1.0) * (a[3] - a[1] + 1.0);
    let area_b = (b[2] - b[0] + 1.0) * (b[3] - b[1] + 1.0);
    inter / (area_a + area_b - inter)
}

pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let mut out = Array2::<f64>::zeros((a.nrows(), b.nrows()));
    for i in 0..a.nrows() {
        for j in 0..b.nrows() {
            out[[i, j]] = iou(a.row(i), b.row(j));
        }
    }
    out
}

pub fn nms(boxes: ArrayView2<f64>, scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let n = boxes.nrows();
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap());
    let mut keep: Vec<usize> = Vec::new();
    for &i in &idx {
        let mut ok = true;
        for &k in &keep {
            if iou(boxes.row(i), boxes.row(k)) > iou_threshold {
                ok = false;
                break;
            }
        }
        if ok {
            keep.push(i);
        }
    }
    Array1::from(keep)
}
