//! Adapter for `rms_norm`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `rms_norm(x, normalized_shape, weight, eps)`.
pub type RmsNormFn = fn(ArrayViewD<f64>, &[usize], Option<ArrayViewD<f64>>, f64) -> ArrayD<f64>;

/// `rms_norm_backward(x, normalized_shape, weight, eps, dy) -> (dx, dweight)`.
pub type RmsNormBackwardFn =
    fn(ArrayViewD<f64>, &[usize], ArrayViewD<f64>, f64, ArrayViewD<f64>) -> (ArrayD<f64>, ArrayD<f64>);

/// The kata's functions.
pub struct Api {
    /// The forward pass.
    pub rms_norm: RmsNormFn,
    /// The backward pass.
    pub rms_norm_backward: RmsNormBackwardFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["rms_norm", "rms_norm_backward"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        let shape = c.usizes("normalized_shape")?;
        match part {
            "rms_norm" => {
                let y = (self.rms_norm)(c.f64("x")?, &shape, c.opt_f64("weight")?, c.scalar_f64("eps")?);
                Ok(Outputs::new().with("rms_norm", y))
            }
            "rms_norm_backward" => {
                let (dx, dweight) = (self.rms_norm_backward)(
                    c.f64("x")?,
                    &shape,
                    c.f64("weight")?,
                    c.scalar_f64("eps")?,
                    c.f64("dy")?,
                );
                Ok(Outputs::new()
                    .with("rms_norm_backward.dx", dx)
                    .with("rms_norm_backward.dweight", dweight))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
