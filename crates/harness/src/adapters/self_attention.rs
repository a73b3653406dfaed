//! Adapter for `self_attention`.

use kata_prelude::MhaWeights;
use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `self_attention(x, n_head, w, causal) -> (attn, output)`.
pub type SelfAttentionFn = fn(ArrayView3<f64>, usize, &MhaWeights, bool) -> (Array4<f64>, Array3<f64>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub self_attention: SelfAttentionFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["self_attention"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "self_attention" => {
                let w = c.mha("w")?;
                let (attn, output) =
                    (self.self_attention)(c.f64_dim("x")?, c.scalar_usize("n_head")?, &w, c.scalar_bool("causal")?);
                Ok(Outputs::new()
                    .with("self_attention.attn", attn)
                    .with("self_attention.output", output))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
