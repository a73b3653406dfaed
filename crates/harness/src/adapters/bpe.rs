//! Adapter for `bpe`. The text is stored as an int64 array of byte values.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `bpe_train(text, n_merges) -> merges (n, 2)`.
pub type TrainFn = fn(&[u8], usize) -> Array2<usize>;

/// `bpe_encode(text, merges) -> ids`.
pub type EncodeFn = fn(&[u8], ArrayView2<usize>) -> Array1<usize>;

/// The kata's functions.
pub struct Api {
    /// Training: the merges.
    pub bpe_train: TrainFn,
    /// Encoding under given merges.
    pub bpe_encode: EncodeFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["bpe_train", "bpe_encode"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        let text = c.bytes("text")?;
        match part {
            "bpe_train" => {
                let merges = (self.bpe_train)(&text, c.scalar_usize("n_merges")?);
                Ok(Outputs::new().with("bpe_train", Value::from_usize(merges)))
            }
            "bpe_encode" => {
                let merges = merges(c)?;
                let ids = (self.bpe_encode)(&text, merges.view());
                Ok(Outputs::new().with("bpe_encode", Value::from_usize(ids)))
            }
            _ => Err(unknown_part(part)),
        }
    }
}

/// The (n, 2) merges; merge i may only use ids below 256 + i.
fn merges(c: &Inputs) -> Result<Array2<usize>, InputError> {
    let Some(Value::Int(a)) = c.get("merges") else {
        return Err(InputError("the case has no int64 array `merges`".into()));
    };
    let flat = c.usizes("merges")?;
    let rows = match a.shape() {
        [n, 2] => *n,
        shape => return Err(InputError(format!("`merges` should be (n, 2), it is {shape:?}"))),
    };
    let merges = Array2::from_shape_vec((rows, 2), flat).map_err(|e| InputError(e.to_string()))?;
    for (i, m) in merges.rows().into_iter().enumerate() {
        if m.iter().any(|&id| id >= 256 + i) {
            return Err(InputError(format!("merge {i} uses an id not made yet: {m}")));
        }
    }
    Ok(merges)
}
