use ndarray::prelude::*;
use ndarray::Zip;

/// Whole columns at a time: the (n, m) intersection from broadcast (n, 1)
/// and (1, m) views, then one Zip for the IoU.
pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let (n, m) = (a.nrows(), b.nrows());
    let col = |boxes: &ArrayView2<f64>, k: usize, rows: bool| -> Array2<f64> {
        let c = boxes.column(k).to_owned();
        if rows {
            c.into_shape_with_order((n, 1)).unwrap()
        } else {
            c.into_shape_with_order((1, m)).unwrap()
        }
    };
    let side = |lo: usize, hi: usize| -> Array2<f64> {
        let top = Zip::from(&col(&a, lo, true).broadcast((n, m)).unwrap())
            .and(&col(&b, lo, false).broadcast((n, m)).unwrap())
            .map_collect(|&p, &q| p.max(q));
        let bottom = Zip::from(&col(&a, hi, true).broadcast((n, m)).unwrap())
            .and(&col(&b, hi, false).broadcast((n, m)).unwrap())
            .map_collect(|&p, &q| p.min(q));
        (bottom - top).mapv(|s| s.max(0.0))
    };
    let inter = side(0, 2) * side(1, 3);
    let area = |boxes: &ArrayView2<f64>| (&boxes.column(2) - &boxes.column(0)) * (&boxes.column(3) - &boxes.column(1));
    let (area_a, area_b) = (area(&a), area(&b));
    let mut iou = inter.clone();
    for ((i, j), v) in iou.indexed_iter_mut() {
        *v = inter[[i, j]] / (area_a[i] + area_b[j] - inter[[i, j]]);
    }
    iou
}

/// Each candidate, by decreasing score, is compared with the boxes kept so
/// far only (no suppressed flags).
pub fn nms(boxes: ArrayView2<f64>, scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&i, &j| scores[j].partial_cmp(&scores[i]).unwrap());
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        let candidate = boxes.slice(s![i..i + 1, ..]);
        let survives = kept.iter().all(|&k| {
            let iou = box_iou(candidate, boxes.slice(s![k..k + 1, ..]));
            iou[[0, 0]] <= iou_threshold
        });
        if survives {
            kept.push(i);
        }
    }
    kept.into_iter().collect()
}
