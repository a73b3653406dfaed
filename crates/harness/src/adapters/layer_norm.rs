//! Adapter for `layer_norm`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `layer_norm(x, normalized_shape, weight, bias, eps)`.
pub type LayerNormFn =
    fn(ArrayViewD<f64>, &[usize], Option<ArrayViewD<f64>>, Option<ArrayViewD<f64>>, f64) -> ArrayD<f64>;

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub layer_norm: LayerNormFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["layer_norm"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "layer_norm" => {
                let shape = c.usizes("normalized_shape")?;
                let y = (self.layer_norm)(
                    c.f64("x")?,
                    &shape,
                    c.opt_f64("weight")?,
                    c.opt_f64("bias")?,
                    c.scalar_f64("eps")?,
                );
                Ok(Outputs::new().with("layer_norm", y))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
