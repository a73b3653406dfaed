//! The gradient check: when a kata's gradient part fails, compare the user's
//! gradient with central differences of the user's *own* function (CS231n
//! style), to tell whether the forward or the backward pass holds the bug.
//! The user's function runs through its track, so Python forwards are
//! differenced as Rust ones are.
//!
//! Described in the kata's TOML:
//!
//! ```toml
//! [gradient_check]
//! gradient = "backward"      # the part that returns gradients
//! function = "forward"       # the part whose output defines the loss
//! loss = "half_sum_squares_over_columns"   # or "value" (the output is the loss)
//! params = ["weights", "biases"]           # inputs (or input lists) to perturb
//! ```

use kata_harness::{Inputs, Outputs, Value};
use serde::{Deserialize, Serialize};

use crate::check::{Case, KataReport, Status, Verdict};
use crate::error::SetupError;
use crate::run::{Job, Limits, PartRun};
use crate::track::Program;

/// Elements probed per parameter array at most (spread evenly).
const PROBES_PER_ARRAY: usize = 40;
/// Relative errors above this mean the gradient and the function disagree.
const THRESHOLD: f64 = 1e-4;

/// How the function part's output becomes a scalar loss.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// The output is the loss.
    Value,
    /// Σ (out − y)² / (2m), with m the number of columns and `y` an input.
    HalfSumSquaresOverColumns,
}

/// The `[gradient_check]` table of a description.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradientCheckSpec {
    /// The part that returns gradients.
    pub gradient: String,
    /// The part whose output defines the loss.
    pub function: String,
    /// How its output becomes a loss.
    pub loss: Loss,
    /// Inputs (or lists of inputs) the gradient is taken with respect to.
    pub params: Vec<String>,
}

/// What the gradient check found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradientReport {
    /// The gradient part.
    pub gradient: String,
    /// The function part.
    pub function: String,
    /// The case it was run on.
    pub case: String,
    /// Greatest relative error per parameter array.
    pub errors: Vec<(String, f64)>,
    /// Whether the user's gradient agrees with their own function.
    pub consistent: bool,
    /// Whether the user's function part passed.
    pub function_passed: bool,
}

/// Runs the check if the report's gradient part failed on a case where the
/// function returned; `None` when it does not apply or the program crashed.
pub fn run_check(
    spec: &GradientCheckSpec,
    report: &KataReport,
    cases: &[Case],
    program: &Program,
    limits: Limits,
) -> Result<Option<GradientReport>, SetupError> {
    let Some(part) = report
        .parts
        .iter()
        .find(|p| p.name == spec.gradient && p.status == Status::Failed)
    else {
        return Ok(None);
    };
    let Some(index) = part
        .cases
        .iter()
        .position(|c| matches!(c.verdict, Verdict::Mismatch { .. }))
    else {
        return Ok(None);
    };
    let function_passed = report
        .parts
        .iter()
        .any(|p| p.name == spec.function && p.status == Status::Passed);
    let base = &cases[index].inputs;
    let probes = probes(spec, base);
    let mut jobs = vec![Job {
        index: 0,
        parts: vec![spec.gradient.clone()],
        inputs: base,
    }];
    jobs.extend(probes.iter().enumerate().map(|(i, p)| Job {
        index: i + 1,
        parts: vec![spec.function.clone()],
        inputs: &p.inputs,
    }));
    let mut out = program.run(&jobs, limits)?;
    let Some(PartRun::Returned(gradient)) = out.parts.remove(&(0, spec.gradient.clone())) else {
        return Ok(None);
    };
    let mut losses = Vec::with_capacity(probes.len());
    for (i, probe) in probes.iter().enumerate() {
        match out.parts.remove(&(i + 1, spec.function.clone())) {
            Some(PartRun::Returned(o)) => match loss(spec, &o, &probe.inputs) {
                Some(l) => losses.push(l),
                None => return Ok(None),
            },
            _ => return Ok(None),
        }
    }
    let mut errors: Vec<(String, f64)> = Vec::new();
    for (pair, probe) in losses.chunks(2).zip(probes.iter().step_by(2)) {
        let numeric = (pair[0] - pair[1]) / (2.0 * probe.h);
        let Some(analytic) = analytic(spec, &gradient, &probe.key, probe.flat) else {
            return Ok(None);
        };
        let rel = (analytic - numeric).abs() / analytic.abs().max(numeric.abs()).max(1e-8);
        let rel = if rel.is_nan() { f64::INFINITY } else { rel };
        match errors.iter_mut().find(|(k, _)| *k == probe.key) {
            Some((_, worst)) => *worst = worst.max(rel),
            None => errors.push((probe.key.clone(), rel)),
        }
    }
    let consistent = errors.iter().all(|(_, e)| *e <= THRESHOLD);
    Ok(Some(GradientReport {
        gradient: spec.gradient.clone(),
        function: spec.function.clone(),
        case: cases[index].name.clone(),
        errors,
        consistent,
        function_passed,
    }))
}

/// A copy of the inputs with one element moved by ±h.
struct Probe {
    key: String,
    flat: usize,
    h: f64,
    inputs: Inputs,
}

/// Two probes (+h, then −h) per sampled element of every parameter array.
fn probes(spec: &GradientCheckSpec, base: &Inputs) -> Vec<Probe> {
    let mut probes = Vec::new();
    for key in param_keys(spec, base) {
        let Some(Value::F64(array)) = base.get(&key) else {
            continue;
        };
        let len = array.len();
        let step = len.div_ceil(PROBES_PER_ARRAY).max(1);
        for flat in (0..len).step_by(step) {
            let theta = array.iter().nth(flat).copied().unwrap_or(0.0);
            let h = 1e-5 * theta.abs().max(1.0);
            for sign in [1.0, -1.0] {
                let mut moved = array.clone();
                if let Some(x) = moved.iter_mut().nth(flat) {
                    *x = theta + sign * h;
                }
                let mut inputs = base.clone();
                inputs.insert(key.clone(), moved);
                probes.push(Probe {
                    key: key.clone(),
                    flat,
                    h,
                    inputs,
                });
            }
        }
    }
    probes
}

/// `weights` → `weights.0`, `weights.1`, … when it is a list, else itself.
fn param_keys(spec: &GradientCheckSpec, base: &Inputs) -> Vec<String> {
    spec.params
        .iter()
        .flat_map(|p| match base.get(p) {
            Some(_) => vec![p.clone()],
            None => (0..)
                .map(|i| format!("{p}.{i}"))
                .take_while(|k| base.get(k).is_some())
                .collect(),
        })
        .collect()
}

fn loss(spec: &GradientCheckSpec, outputs: &Outputs, inputs: &Inputs) -> Option<f64> {
    let Some(Value::F64(out)) = outputs.get(&spec.function) else {
        return None;
    };
    match spec.loss {
        Loss::Value => out.iter().next().copied(),
        Loss::HalfSumSquaresOverColumns => {
            let Some(Value::F64(y)) = inputs.get("y") else {
                return None;
            };
            if y.shape() != out.shape() || out.ndim() != 2 {
                return None;
            }
            let m = out.shape()[1].max(1) as f64;
            Some(out.iter().zip(y.iter()).map(|(o, t)| (o - t) * (o - t)).sum::<f64>() / (2.0 * m))
        }
    }
}

/// The user's gradient for element `flat` of `key`: output `<gradient>.<key>`,
/// or `<gradient>` itself when there is one parameter.
fn analytic(spec: &GradientCheckSpec, gradient: &Outputs, key: &str, flat: usize) -> Option<f64> {
    let value = gradient
        .get(&format!("{}.{key}", spec.gradient))
        .or_else(|| gradient.get(&spec.gradient))?;
    match value {
        Value::F64(a) => a.iter().nth(flat).copied(),
        _ => None,
    }
}

/// The report's sentence for a gradient check.
pub fn explain(g: &GradientReport) -> String {
    let errors: Vec<String> = g.errors.iter().map(|(k, e)| format!("{k} {e:.1e}")).collect();
    let errors = errors.join(", ");
    match (g.consistent, g.function_passed) {
        (true, false) => format!(
            "your `{}` agrees with central differences of your own `{}` (relative errors {errors}), \
             so the gradient code is consistent: the bug is in `{}`.",
            g.gradient, g.function, g.function
        ),
        (true, true) => format!(
            "your `{}` agrees with central differences of your `{}` (relative errors {errors}); \
             compare how the loss is defined.",
            g.gradient, g.function
        ),
        (false, passed) => format!(
            "your `{}` disagrees with central differences of your own `{}` on case {} (relative errors \
             {errors}; above {THRESHOLD:.0e} means a bug): the backward pass is wrong{}.",
            g.gradient,
            g.function,
            g.case,
            if passed {
                ""
            } else {
                ", and the forward pass fails too: fix it first"
            }
        ),
    }
}
