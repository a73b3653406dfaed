//! Adapter for `conv2d`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `conv2d(x, weight, bias, stride, padding)`.
pub type Conv2dFn =
    fn(ArrayView4<f64>, ArrayView4<f64>, Option<ArrayView1<f64>>, (usize, usize), (usize, usize)) -> Array4<f64>;

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub conv2d: Conv2dFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["conv2d"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "conv2d" => {
                let stride = pair(c, "stride")?;
                let padding = pair(c, "padding")?;
                let y = (self.conv2d)(
                    c.f64_dim("x")?,
                    c.f64_dim("weight")?,
                    c.opt_f64_dim("bias")?,
                    stride,
                    padding,
                );
                Ok(Outputs::new().with("conv2d", y))
            }
            _ => Err(unknown_part(part)),
        }
    }
}

/// A 2-element integer input as (rows, columns).
fn pair(c: &Inputs, name: &str) -> Result<(usize, usize), InputError> {
    match c.usizes(name)?[..] {
        [a, b] => Ok((a, b)),
        ref v => Err(InputError(format!(
            "`{name}` should hold 2 numbers, it has {}",
            v.len()
        ))),
    }
}
