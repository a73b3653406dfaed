//! Adapter for `scaled_dot_product_attention`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `scaled_dot_product_attention(q, k, v, mask) -> (attn, output)`.
pub type ScaledDotProductAttentionFn =
    fn(ArrayView3<f64>, ArrayView3<f64>, ArrayView3<f64>, Option<ArrayView3<bool>>) -> (Array3<f64>, Array3<f64>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub scaled_dot_product_attention: ScaledDotProductAttentionFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["scaled_dot_product_attention"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "scaled_dot_product_attention" => {
                let (attn, output) = (self.scaled_dot_product_attention)(
                    c.f64_dim("q")?,
                    c.f64_dim("k")?,
                    c.f64_dim("v")?,
                    c.opt_bool_dim("mask")?,
                );
                Ok(Outputs::new()
                    .with("scaled_dot_product_attention.attn", attn)
                    .with("scaled_dot_product_attention.output", output))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
