//! Adapter for `batch_norm`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `batch_norm(x, running_mean, running_var, weight, bias, training,
/// momentum, eps) -> y`, updating the running statistics in place.
pub type BatchNormFn = fn(
    ArrayViewD<f64>,
    &mut Array1<f64>,
    &mut Array1<f64>,
    Option<ArrayView1<f64>>,
    Option<ArrayView1<f64>>,
    bool,
    f64,
    f64,
) -> ArrayD<f64>;

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub batch_norm: BatchNormFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["batch_norm"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "batch_norm" => {
                // The running statistics are updated in place: run on copies
                // and report their final values as outputs.
                let mut running_mean = c.f64_dim::<Ix1>("running_mean")?.to_owned();
                let mut running_var = c.f64_dim::<Ix1>("running_var")?.to_owned();
                let y = (self.batch_norm)(
                    c.f64("x")?,
                    &mut running_mean,
                    &mut running_var,
                    c.opt_f64_dim("weight")?,
                    c.opt_f64_dim("bias")?,
                    c.scalar_bool("training")?,
                    c.scalar_f64("momentum")?,
                    c.scalar_f64("eps")?,
                );
                Ok(Outputs::new()
                    .with("batch_norm.y", y)
                    .with("batch_norm.running_mean", running_mean)
                    .with("batch_norm.running_var", running_var))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
