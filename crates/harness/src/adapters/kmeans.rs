//! Adapter for `kmeans`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `kmeans(data, init_centers, max_iter) -> (labels, centers)`.
pub type KmeansFn = fn(ArrayView2<f64>, ArrayView2<f64>, usize) -> (Array1<usize>, Array2<f64>);

/// The kata's functions.
pub struct Api {
    /// The one part.
    pub kmeans: KmeansFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["kmeans"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        match part {
            "kmeans" => {
                let (labels, centers) = (self.kmeans)(
                    c.f64_dim("data")?,
                    c.f64_dim("init_centers")?,
                    c.scalar_usize("max_iter")?,
                );
                Ok(Outputs::new()
                    .with("kmeans.labels", Value::from_usize(labels))
                    .with("kmeans.centers", centers))
            }
            _ => Err(unknown_part(part)),
        }
    }
}
