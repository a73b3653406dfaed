//! Adapter for `sampling`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `sample(logits, temperature, top_k, top_p, u) -> (probs, tokens)`.
pub type SampleFn = fn(ArrayView2<f64>, f64, usize, f64, ArrayView1<f64>) -> (Array2<f64>, Array1<usize>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub sample: SampleFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["sample"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "sample" => {
                let (probs, tokens) = (self.sample)(
                    c.f64_dim("logits")?,
                    c.scalar_f64("temperature")?,
                    c.scalar_usize("top_k")?,
                    c.scalar_f64("top_p")?,
                    c.f64_dim("u")?,
                );
                Ok(Outputs::new()
                    .with("sample.probs", probs)
                    .with("sample.tokens", Value::from_usize(tokens)))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
