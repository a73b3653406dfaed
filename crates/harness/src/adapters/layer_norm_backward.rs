//! Adapter for `layer_norm_backward`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `layer_norm_backward(x, normalized_shape, weight, eps, dy) -> (dx,
/// dweight, dbias)`.
pub type LayerNormBackwardFn =
    fn(ArrayViewD<f64>, &[usize], ArrayViewD<f64>, f64, ArrayViewD<f64>) -> (ArrayD<f64>, ArrayD<f64>, ArrayD<f64>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub layer_norm_backward: LayerNormBackwardFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["layer_norm_backward"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "layer_norm_backward" => {
                let shape = c.usizes("normalized_shape")?;
                let (x, weight, dy) = (c.f64("x")?, c.f64("weight")?, c.f64("dy")?);
                if x.shape() != dy.shape() || weight.shape() != shape.as_slice() || !x.shape().ends_with(&shape) {
                    return Err(InputError(format!(
                        "x {:?}, dy {:?} and weight {:?} do not fit normalized_shape {shape:?}",
                        x.shape(),
                        dy.shape(),
                        weight.shape()
                    )));
                }
                let (dx, dweight, dbias) = (self.layer_norm_backward)(x, &shape, weight, c.scalar_f64("eps")?, dy);
                Ok(Outputs::new()
                    .with("layer_norm_backward.dx", dx)
                    .with("layer_norm_backward.dweight", dweight)
                    .with("layer_norm_backward.dbias", dbias))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
