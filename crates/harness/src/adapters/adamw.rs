//! Adapter for `adamw`.

use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution};

/// `adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay)`, and
/// `adamw_step` alike: p, m and v are updated in place.
pub type StepFn =
    fn(ArrayViewMut1<f64>, ArrayView1<f64>, ArrayViewMut1<f64>, ArrayViewMut1<f64>, usize, f64, f64, f64, f64, f64);

/// The kata's functions.
pub struct Api {
    /// `torch.optim.Adam`'s step (L2 weight decay).
    pub adam_step: StepFn,
    /// `torch.optim.AdamW`'s step (decoupled weight decay).
    pub adamw_step: StepFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["adam_step", "adamw_step"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        let step = match part {
            "adam_step" => self.adam_step,
            "adamw_step" => self.adamw_step,
            _ => return Err(unknown_part(part)),
        };
        // p, m and v are updated in place: run on copies and report their
        // values after the step as outputs.
        let mut p = c.f64_dim::<Ix1>("p")?.to_owned();
        let g = c.f64_dim::<Ix1>("g")?;
        let mut m = c.f64_dim::<Ix1>("m")?.to_owned();
        let mut v = c.f64_dim::<Ix1>("v")?.to_owned();
        if [g.len(), m.len(), v.len()].iter().any(|&len| len != p.len()) {
            return Err(InputError(format!(
                "`p`, `g`, `m` and `v` should have one length, they have {}, {}, {} and {}",
                p.len(),
                g.len(),
                m.len(),
                v.len()
            )));
        }
        step(
            p.view_mut(),
            g,
            m.view_mut(),
            v.view_mut(),
            c.scalar_usize("t")?,
            c.scalar_f64("lr")?,
            c.scalar_f64("beta1")?,
            c.scalar_f64("beta2")?,
            c.scalar_f64("eps")?,
            c.scalar_f64("weight_decay")?,
        );
        Ok(Outputs::new()
            .with(format!("{part}.p"), p)
            .with(format!("{part}.m"), m)
            .with(format!("{part}.v"), v))
    }
}
