//! Adapter for `multi_head_attention`.

use kata_prelude::MhaWeights;
use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `multi_head_attention(q, k, v, mask, n_head, w) -> (attn, output)`.
pub type MultiHeadAttentionFn = fn(
    ArrayView3<f64>,
    ArrayView3<f64>,
    ArrayView3<f64>,
    Option<ArrayView3<bool>>,
    usize,
    &MhaWeights,
) -> (Array4<f64>, Array3<f64>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub multi_head_attention: MultiHeadAttentionFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["multi_head_attention"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "multi_head_attention" => {
                let w = c.mha("w")?;
                let (attn, output) = (self.multi_head_attention)(
                    c.f64_dim("q")?,
                    c.f64_dim("k")?,
                    c.f64_dim("v")?,
                    c.opt_bool_dim("mask")?,
                    c.scalar_usize("n_head")?,
                    &w,
                );
                Ok(Outputs::new()
                    .with("multi_head_attention.attn", attn)
                    .with("multi_head_attention.output", output))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
