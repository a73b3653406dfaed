//! Adapter for `beam_search`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `beam_search(lm_prob, beam_size) -> (tokens, log_probs)`.
pub type BeamSearchFn = fn(ArrayView3<f64>, usize) -> (Array3<usize>, Array2<f64>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub beam_search: BeamSearchFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["beam_search"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "beam_search" => {
                let (tokens, log_probs) = (self.beam_search)(c.f64_dim("lm_prob")?, c.scalar_usize("beam_size")?);
                Ok(Outputs::new()
                    .with("beam_search.tokens", Value::from_usize(tokens))
                    .with("beam_search.log_probs", log_probs))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
