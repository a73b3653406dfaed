//! Adapter for `softmax_cross_entropy`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `log_softmax(logits)`.
pub type LogSoftmaxFn = fn(ArrayView2<f64>) -> Array2<f64>;

/// `cross_entropy(logits, target, ignore_index, label_smoothing) -> (loss, dlogits)`.
pub type CrossEntropyFn = fn(ArrayView2<f64>, ArrayView1<usize>, Option<usize>, f64) -> (f64, Array2<f64>);

/// The kata's functions.
pub struct Api {
    /// The stable log-softmax.
    pub log_softmax: LogSoftmaxFn,
    /// The loss and its gradient.
    pub cross_entropy: CrossEntropyFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["log_softmax", "cross_entropy"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "log_softmax" => Ok(Outputs::new().with("log_softmax", (self.log_softmax)(c.f64_dim("logits")?))),
            "cross_entropy" => {
                let target = Array1::from(c.usizes("target")?);
                let ignore_index = match c.get("ignore_index") {
                    Some(_) => Some(c.scalar_usize("ignore_index")?),
                    None => None,
                };
                let (loss, dlogits) = (self.cross_entropy)(
                    c.f64_dim("logits")?,
                    target.view(),
                    ignore_index,
                    c.scalar_f64("label_smoothing")?,
                );
                Ok(Outputs::new()
                    .with("cross_entropy.loss", Value::scalar(loss))
                    .with("cross_entropy.dlogits", dlogits))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
