//! Adapter for `mlp_backprop`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `forward(weights, biases, x) -> out`.
pub type ForwardFn = fn(&[Array2<f64>], &[Array1<f64>], ArrayView2<f64>) -> Array2<f64>;

/// `backward(weights, biases, x, y) -> (∂L/∂weights, ∂L/∂biases)`.
pub type BackwardFn =
    fn(&[Array2<f64>], &[Array1<f64>], ArrayView2<f64>, ArrayView2<f64>) -> (Vec<Array2<f64>>, Vec<Array1<f64>>);

/// `train(weights, biases, x, y, lr, steps) -> losses`, updating the
/// parameters in place.
pub type TrainFn = fn(&mut [Array2<f64>], &mut [Array1<f64>], ArrayView2<f64>, ArrayView2<f64>, f64, usize) -> Vec<f64>;

/// The kata's functions.
pub struct Api {
    /// The forward pass.
    pub forward: ForwardFn,
    /// The backward pass.
    pub backward: BackwardFn,
    /// Full-batch gradient descent.
    pub train: TrainFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["forward", "backward", "train"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        let mut weights = c.f64_list::<Ix2>("weights")?;
        let mut biases = c.f64_list::<Ix1>("biases")?;
        let x = c.f64_dim::<Ix2>("x")?;
        match part {
            "forward" => Ok(Outputs::new().with("forward", (self.forward)(&weights, &biases, x))),
            "backward" => {
                let (grad_w, grad_b) = (self.backward)(&weights, &biases, x, c.f64_dim::<Ix2>("y")?);
                Ok(Outputs::new()
                    .with_list("backward.weights", grad_w)
                    .with_list("backward.biases", grad_b))
            }
            "train" => {
                let (y, lr, steps) = (c.f64_dim::<Ix2>("y")?, c.scalar_f64("lr")?, c.scalar_usize("steps")?);
                let losses = (self.train)(&mut weights, &mut biases, x, y, lr, steps);
                Ok(Outputs::new()
                    .with("train.losses", Array1::from(losses))
                    .with_list("train.weights", weights)
                    .with_list("train.biases", biases))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
