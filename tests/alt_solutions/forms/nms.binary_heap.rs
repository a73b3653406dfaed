// A correct solution in another form: a BinaryHeap of an Ord wrapper over partial_cmp, Array::from_shape_vec, Array1::from(Vec).
use ndarray::prelude::*;
use std::collections::BinaryHeap;
use std::cmp::Ordering;

#[derive(PartialEq)]
struct Scored(f64, usize);
impl Eq for Scored {}
impl PartialOrd for Scored {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) }
}
impl Ord for Scored {
    fn cmp(&self, o: &Self) -> Ordering { self.0.partial_cmp(&o.0).unwrap() }
}

fn iou(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    let area = |t: ArrayView1<f64>| (t[2] - t[0]) * (t[3] - t[1]);
    let w = (a[2].min(b[2]) - a[0].max(b[0])).max(0.0);
    let h = (a[3].min(b[3]) - a[1].max(b[1])).max(0.0);
    let inter = w * h;
    inter / (area(a) + area(b) - inter)
}

pub fn box_iou(a: ArrayView2<f64>, b: ArrayView2<f64>) -> Array2<f64> {
    let mut v = Vec::new();
    for i in 0..a.nrows() {
        for j in 0..b.nrows() {
            v.push(iou(a.row(i), b.row(j)));
        }
    }
    Array::from_shape_vec((a.nrows(), b.nrows()), v).unwrap()
}

pub fn nms(boxes: ArrayView2<f64>, scores: ArrayView1<f64>, iou_threshold: f64) -> Array1<usize> {
    let mut heap: BinaryHeap<Scored> = scores.iter().enumerate().map(|(i, &s)| Scored(s, i)).collect();
    let mut keep: Vec<usize> = vec![];
    while let Some(Scored(_, i)) = heap.pop() {
        if keep.iter().all(|&k| iou(boxes.row(k), boxes.row(i)) <= iou_threshold) {
            keep.push(i);
        }
    }
    Array1::from(keep)
}
