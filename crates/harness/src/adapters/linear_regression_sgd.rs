//! Adapter for `linear_regression_sgd`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `mse(x, y, w) -> 0.5 · mean((x·w − y)²)`.
pub type MseFn = fn(ArrayView2<f64>, ArrayView1<f64>, ArrayView1<f64>) -> f64;

/// `mse_grad(x, y, w) -> xᵀ(x·w − y) / n`.
pub type MseGradFn = fn(ArrayView2<f64>, ArrayView1<f64>, ArrayView1<f64>) -> Array1<f64>;

/// `sgd(x, y, w0, lr, epochs, batch_size) -> (w, losses)`.
pub type SgdFn = fn(ArrayView2<f64>, ArrayView1<f64>, ArrayView1<f64>, f64, usize, usize) -> (Array1<f64>, Vec<f64>);

/// The kata's functions.
pub struct Api {
    /// The loss.
    pub mse: MseFn,
    /// Its gradient.
    pub mse_grad: MseGradFn,
    /// Mini-batch gradient descent.
    pub sgd: SgdFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["mse", "mse_grad", "sgd"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        let x = c.f64_dim::<Ix2>("x")?;
        let y = c.f64_dim::<Ix1>("y")?;
        let w = c.f64_dim::<Ix1>("w")?;
        match part {
            "mse" => Ok(Outputs::new().with("mse", Value::scalar((self.mse)(x, y, w)))),
            "mse_grad" => Ok(Outputs::new().with("mse_grad", (self.mse_grad)(x, y, w))),
            "sgd" => {
                let (lr, epochs, batch_size) = (
                    c.scalar_f64("lr")?,
                    c.scalar_usize("epochs")?,
                    c.scalar_usize("batch_size")?,
                );
                let (w, losses) = (self.sgd)(x, y, w, lr, epochs, batch_size);
                Ok(Outputs::new().with("sgd.w", w).with("sgd.losses", Array1::from(losses)))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
