//! Adapter for `nms`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `box_iou(a, b) -> iou (n, m)`.
pub type BoxIouFn = fn(ArrayView2<f64>, ArrayView2<f64>) -> Array2<f64>;

/// `nms(boxes, scores, iou_threshold) -> kept indices`.
pub type NmsFn = fn(ArrayView2<f64>, ArrayView1<f64>, f64) -> Array1<usize>;

/// The kata's functions.
pub struct Api {
    /// Pairwise IoU.
    pub box_iou: BoxIouFn,
    /// Greedy non-maximum suppression.
    pub nms: NmsFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["box_iou", "nms"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "box_iou" => {
                let iou = (self.box_iou)(boxes(c, "a")?, boxes(c, "b")?);
                Ok(Outputs::new().with("box_iou", iou))
            }
            "nms" => {
                let boxes = boxes(c, "boxes")?;
                let scores = c.f64_dim::<Ix1>("scores")?;
                if scores.len() != boxes.nrows() {
                    return Err(InputError(format!(
                        "`scores` has {} entries for {} boxes",
                        scores.len(),
                        boxes.nrows()
                    )));
                }
                let keep = (self.nms)(boxes, scores, c.scalar_f64("iou_threshold")?);
                Ok(Outputs::new().with("nms", Value::from_usize(keep)))
            }
            _ => Err(unknown_part(part)),
        }
    }
}

/// An (n, 4) array of boxes.
fn boxes<'a>(c: &'a Inputs, name: &str) -> Result<ArrayView2<'a, f64>, InputError> {
    let b = c.f64_dim::<Ix2>(name)?;
    match b.ncols() {
        4 => Ok(b),
        k => Err(InputError(format!(
            "`{name}` should be (n, 4) boxes, it has {k} columns"
        ))),
    }
}
