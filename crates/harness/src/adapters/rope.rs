//! Adapter for `rope`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `rope(x, positions, base)`.
pub type RopeFn = fn(ArrayView4<f64>, ArrayView1<usize>, f64) -> Array4<f64>;

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub rope: RopeFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["rope"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "rope" => {
                let positions = Array1::from(c.usizes("positions")?);
                let out = (self.rope)(c.f64_dim("x")?, positions.view(), c.scalar_f64("base")?);
                Ok(Outputs::new().with("rope", out))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
