//! Adapter for `kv_cache_attention`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `attend_with_cache(q, k_cache, v_cache, k_new, v_new) -> (output, k_all, v_all)`.
pub type AttendWithCacheFn = fn(
    ArrayView4<f64>,
    ArrayView4<f64>,
    ArrayView4<f64>,
    ArrayView4<f64>,
    ArrayView4<f64>,
) -> (Array4<f64>, Array4<f64>, Array4<f64>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub attend_with_cache: AttendWithCacheFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["attend_with_cache"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "attend_with_cache" => {
                let (output, k_all, v_all) = (self.attend_with_cache)(
                    c.f64_dim("q")?,
                    c.f64_dim("k_cache")?,
                    c.f64_dim("v_cache")?,
                    c.f64_dim("k_new")?,
                    c.f64_dim("v_new")?,
                );
                Ok(Outputs::new()
                    .with("attend_with_cache.output", output)
                    .with("attend_with_cache.k_all", k_all)
                    .with("attend_with_cache.v_all", v_all))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
