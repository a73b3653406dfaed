//! Adapter for `moe_router`.

use kata_prelude::Linear;
use ndarray::prelude::*;

use super::unknown_part;
use crate::{InputError, Inputs, Outputs, Solution, Value};

/// `route(router_logits, k) -> (weights, experts, aux_loss)`.
pub type RouteFn = fn(ArrayView2<f64>, usize) -> (Array2<f64>, Array2<usize>, f64);

/// `moe_forward(x, router, experts, k) -> output`.
pub type MoeForwardFn = fn(ArrayView2<f64>, &Linear, &[Linear], usize) -> Array2<f64>;

/// The kata's functions.
pub struct Api {
    /// Top-k routing and the load-balancing loss.
    pub route: RouteFn,
    /// The mixture's output.
    pub moe_forward: MoeForwardFn,
}

impl Solution for Api {
    fn parts(&self) -> &'static [&'static str] {
        &["route", "moe_forward"]
    }

    fn run(&self, part: &str, c: &Inputs) -> Result<Outputs, InputError> {
        let k = c.scalar_usize("k")?;
        match part {
            "route" => {
                let logits = c.f64_dim::<Ix2>("router_logits")?;
                check_k(k, logits.ncols())?;
                if logits.nrows() == 0 {
                    return Err(InputError("`router_logits` has no tokens".into()));
                }
                let (weights, experts, aux_loss) = (self.route)(logits, k);
                Ok(Outputs::new()
                    .with("route.weights", weights)
                    .with("route.experts", Value::from_usize(experts))
                    .with("route.aux_loss", Value::scalar(aux_loss)))
            }
            "moe_forward" => {
                let x = c.f64_dim::<Ix2>("x")?;
                let router = c.linear("router")?;
                let experts = c.linears("experts")?;
                check_k(k, experts.len())?;
                if router.weight.dim() != (experts.len(), x.ncols()) {
                    return Err(InputError(format!(
                        "`router.weight` is {:?}, expected ({}, {})",
                        router.weight.dim(),
                        experts.len(),
                        x.ncols()
                    )));
                }
                Ok(Outputs::new().with("moe_forward", (self.moe_forward)(x, &router, &experts, k)))
            }
            _ => Err(unknown_part(part)),
        }
    }
}

fn check_k(k: usize, n_experts: usize) -> Result<(), InputError> {
    match (1..=n_experts).contains(&k) {
        true => Ok(()),
        false => Err(InputError(format!("k = {k} with {n_experts} experts"))),
    }
}
