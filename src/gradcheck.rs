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
//!
//! A kata with no forward part of its own (`layer_norm_backward`) names
//! another kata's `reference` instead: the function is that reference, run
//! in-process, and the check tells which of the gradient's outputs is wrong.
//!
//! ```toml
//! [gradient_check]
//! gradient = "layer_norm_backward"
//! reference = "layer_norm"   # the kata whose reference computes `function`
//! function = "layer_norm"
//! loss = "dot_dy"            # Σ output · dy, dy an input
//! params = ["x", "weight", "bias"]   # an absent one is zeros shaped like its gradient
//! outputs = ["layer_norm_backward.dx", "layer_norm_backward.dweight", "layer_norm_backward.dbias"]
//! ```
//!
//! A part that returns the loss together with its gradient
//! (`cross_entropy`) is both: it names the output that is the loss, and
//! the check differences that output.
//!
//! ```toml
//! [gradient_check]
//! gradient = "cross_entropy"
//! function = "cross_entropy"
//! loss = "value"
//! loss_output = "cross_entropy.loss"
//! params = ["logits"]
//! outputs = ["cross_entropy.dlogits"]
//! ```

use kata_harness::{Inputs, Outputs, Value};
use serde::{Deserialize, Serialize};

use crate::check::{self, Case, KataReport, Status, Verdict};
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
    /// Σ out · dy, with `dy` an input shaped like the output.
    DotDy,
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
    /// A kata whose reference computes `function` in-process, in place of
    /// the user's own function.
    #[serde(default)]
    pub reference: Option<String>,
    /// The gradient part's output for each of `params`, in order (default
    /// `<gradient>.<param>`).
    #[serde(default)]
    pub outputs: Vec<String>,
    /// The function's output that is the loss, when it returns several
    /// (default: its only output, named like the part).
    #[serde(default)]
    pub loss_output: Option<String>,
}

impl GradientCheckSpec {
    /// The function's output the loss is read from.
    fn loss_output(&self) -> &str {
        self.loss_output.as_deref().unwrap_or(&self.function)
    }

    /// Whether one part returns both the loss and its gradient.
    fn one_part(&self) -> bool {
        self.gradient == self.function && self.reference.is_none()
    }
}

/// What the gradient check found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradientReport {
    /// The gradient part.
    pub gradient: String,
    /// The function part.
    pub function: String,
    /// What the sentences call the gradient and the function: the parts, or
    /// the two outputs (`dlogits`, `loss`) of a part that returns both.
    #[serde(default)]
    pub names: Option<(String, String)>,
    /// The case it was run on.
    pub case: String,
    /// Greatest relative error per parameter array.
    pub errors: Vec<(String, f64)>,
    /// Whether the user's gradient agrees with their own function.
    pub consistent: bool,
    /// Whether the user's function part passed.
    pub function_passed: bool,
    /// Whether the function was a reference (then each error names one of
    /// the gradient's outputs, and a large one means that output is wrong).
    #[serde(default)]
    pub against_reference: bool,
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
    // A case where the gradient itself is wrong: when one part returns the
    // loss and its gradient, a case that got only the loss wrong says
    // nothing against the gradient (and a right gradient differenced against
    // a wrong loss would be called wrong), so such cases are passed over.
    let Some(index) = part.cases.iter().position(|c| match &c.verdict {
        Verdict::Mismatch { outputs } => !spec.one_part() || outputs.iter().any(|o| o.name != spec.loss_output()),
        _ => false,
    }) else {
        return Ok(None);
    };
    let reference = match &spec.reference {
        Some(name) => match kata_reference::find(name) {
            Some(kata) => Some(kata.reference),
            None => return Ok(None),
        },
        None => None,
    };
    let function_passed = reference.is_some() || function_passed(spec, report);
    let case = &cases[index];
    let base = match reference {
        Some(_) => with_absent_params(spec, case),
        None => case.inputs.clone(),
    };
    let probes = probes(spec, &base);
    let mut jobs = vec![Job {
        index: 0,
        parts: vec![spec.gradient.clone()],
        inputs: &case.inputs,
    }];
    // The user's function runs in their program; a reference runs here.
    if reference.is_none() {
        jobs.extend(probes.iter().enumerate().map(|(i, p)| Job {
            index: i + 1,
            parts: vec![spec.function.clone()],
            inputs: &p.inputs,
        }));
    }
    let mut out = program.run(&jobs, limits)?;
    let Some(PartRun::Returned(gradient)) = out.parts.remove(&(0, spec.gradient.clone())) else {
        return Ok(None);
    };
    let mut losses: Vec<f64> = Vec::with_capacity(probes.len());
    for (i, probe) in probes.iter().enumerate() {
        let outputs = match reference {
            Some(r) => check::run_quietly(|| r.run(&spec.function, &probe.inputs)).and_then(Result::ok),
            None => match out.parts.remove(&(i + 1, spec.function.clone())) {
                Some(PartRun::Returned(o)) => Some(o),
                _ => None,
            },
        };
        // A loss that is not finite has no derivative to compare with.
        match outputs.and_then(|o| loss(spec, &o, &probe.inputs)) {
            Some(l) if l.is_finite() => losses.push(l),
            _ => return Ok(None),
        }
    }
    // Per parameter array: the worst relative error, and whether any of its
    // probes could be judged at all.
    let mut errors: Vec<(String, f64, bool)> = Vec::new();
    for (pair, probe) in losses.chunks(2).zip(probes.iter().step_by(2)) {
        let numeric = (pair[0] - pair[1]) / (2.0 * probe.h);
        let Some(analytic) = analytic(spec, &gradient, &probe.key, probe.flat) else {
            return Ok(None);
        };
        // The difference quotient carries a rounding error of about
        // ε·|loss|/h; an element whose gradient is within 10x of that cannot
        // be judged, so it counts only by its absolute error.
        let noise = f64::EPSILON * pair[0].abs().max(pair[1].abs()) / probe.h;
        let scale = analytic
            .abs()
            .max(numeric.abs())
            .max(10.0 * noise / THRESHOLD)
            .max(1e-8);
        let rel = (analytic - numeric).abs() / scale;
        let rel = if rel.is_nan() { f64::INFINITY } else { rel };
        let label = match reference {
            // Name the gradient's output: `dx`, not the input `x`.
            Some(_) => short(spec, &output_name(spec, &probe.key)),
            None => probe.key.clone(),
        };
        let resolved = !analytic.is_finite() || analytic.abs().max(numeric.abs()) >= scale;
        match errors.iter_mut().find(|(k, _, _)| *k == label) {
            Some((_, worst, judged)) => {
                *worst = worst.max(rel);
                *judged |= resolved;
            }
            None => errors.push((label, rel, resolved)),
        }
    }
    // An array none of whose probes could be judged says nothing either way.
    let errors: Vec<(String, f64)> = errors
        .into_iter()
        .filter_map(|(label, worst, judged)| judged.then_some((label, worst)))
        .collect();
    if errors.is_empty() {
        return Ok(None);
    }
    let consistent = errors.iter().all(|(_, e)| *e <= THRESHOLD);
    let names = spec.one_part().then(|| {
        let gradient = spec.outputs.first().map_or(spec.gradient.as_str(), String::as_str);
        (short(spec, gradient), short(spec, spec.loss_output()))
    });
    Ok(Some(GradientReport {
        gradient: spec.gradient.clone(),
        function: spec.function.clone(),
        names,
        case: cases[index].name.clone(),
        errors,
        consistent,
        function_passed,
        against_reference: reference.is_some(),
    }))
}

/// Whether the user's loss is right: the function part passed or, when one
/// part returns both, no case of it got the loss output wrong.
fn function_passed(spec: &GradientCheckSpec, report: &KataReport) -> bool {
    let Some(part) = report.parts.iter().find(|p| p.name == spec.function) else {
        return false;
    };
    if part.status == Status::Passed {
        return true;
    }
    spec.one_part()
        && part.cases.iter().all(|c| match &c.verdict {
            Verdict::Pass => true,
            Verdict::Mismatch { outputs } => outputs.iter().all(|o| o.name != spec.loss_output()),
            _ => false,
        })
}

/// An output's name without its part's prefix: `dlogits`.
fn short(spec: &GradientCheckSpec, output: &str) -> String {
    output
        .strip_prefix(&format!("{}.", spec.gradient))
        .unwrap_or(output)
        .to_string()
}

/// The case's inputs plus zeros for each parameter it lacks (a bias the
/// gradient does not depend on), shaped like that parameter's expected
/// gradient.
fn with_absent_params(spec: &GradientCheckSpec, case: &Case) -> Inputs {
    let mut inputs = case.inputs.clone();
    for param in &spec.params {
        if inputs.get(param).is_some() {
            continue;
        }
        let expected = case
            .expected
            .get(&spec.gradient)
            .and_then(|e| e.get(&output_name(spec, param)));
        if let Some(Value::F64(g)) = expected {
            inputs.insert(param.clone(), g.mapv(|_| 0.0));
        }
    }
    inputs
}

/// The gradient part's output for parameter key `key` (`x`, or `weights.1`
/// of the list `weights`).
fn output_name(spec: &GradientCheckSpec, key: &str) -> String {
    let named = spec.params.iter().zip(&spec.outputs).find_map(|(param, output)| {
        if key == param {
            Some(output.clone())
        } else {
            key.strip_prefix(&format!("{param}."))
                .map(|rest| format!("{output}.{rest}"))
        }
    });
    named.unwrap_or_else(|| format!("{}.{key}", spec.gradient))
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
    let Some(Value::F64(out)) = outputs.get(spec.loss_output()) else {
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
        Loss::DotDy => {
            let Some(Value::F64(dy)) = inputs.get("dy") else {
                return None;
            };
            if dy.shape() != out.shape() {
                return None;
            }
            Some(out.iter().zip(dy.iter()).map(|(o, d)| o * d).sum())
        }
    }
}

/// The user's gradient for element `flat` of `key`: its output (see
/// [`output_name`]), or `<gradient>` itself when there is one parameter.
fn analytic(spec: &GradientCheckSpec, gradient: &Outputs, key: &str, flat: usize) -> Option<f64> {
    let value = gradient
        .get(&output_name(spec, key))
        .or_else(|| gradient.get(&spec.gradient))?;
    match value {
        Value::F64(a) => a.iter().nth(flat).copied(),
        _ => None,
    }
}

/// The report's sentence for a gradient check, in English or (`zh`) Chinese.
pub fn explain(g: &GradientReport, zh: bool) -> String {
    let errors: Vec<String> = g.errors.iter().map(|(k, e)| format!("{k} {e:.1e}")).collect();
    let errors = errors.join(", ");
    let (gradient, function) = match &g.names {
        Some((gradient, function)) => (gradient.as_str(), function.as_str()),
        None => (g.gradient.as_str(), g.function.as_str()),
    };
    if g.against_reference {
        let named = |wrong: bool| -> Vec<String> {
            g.errors
                .iter()
                .filter(|(_, e)| (*e > THRESHOLD) == wrong)
                .map(|(k, _)| format!("`{k}`"))
                .collect()
        };
        let (wrong, right) = (named(true), named(false));
        let sep = if zh { "、" } else { ", " };
        let (wrong, right) = (wrong.join(sep), right.join(sep));
        let verdict = match (wrong.is_empty(), right.is_empty(), zh) {
            (true, _, false) => "every output agrees with them: compare shapes and the tolerance".to_string(),
            (true, _, true) => "每个输出都与之相符：请比较形状和容差".to_string(),
            (false, true, false) => format!("{wrong} disagree"),
            (false, true, true) => format!("{wrong} 与之不符"),
            (false, false, false) => format!("{wrong} wrong; {right} right"),
            (false, false, true) => format!("{wrong} 有误；{right} 正确"),
        };
        return if zh {
            format!(
                "在用例 {} 上，用参考实现 `{function}` 的中心差分检验你的 `{gradient}`（相对误差 \
                 {errors}；大于 {THRESHOLD:.0e} 即为错误）：{verdict}。",
                g.case
            )
        } else {
            format!(
                "your `{gradient}` against central differences of the reference `{function}` on case {} \
                 (relative errors {errors}; above {THRESHOLD:.0e} means wrong): {verdict}.",
                g.case
            )
        };
    }
    match (g.consistent, g.function_passed, zh) {
        (true, false, false) => format!(
            "your `{gradient}` agrees with central differences of your own `{function}` (relative errors \
             {errors}), so the gradient code is consistent: the bug is in `{function}`."
        ),
        (true, false, true) => format!(
            "你的 `{gradient}` 与你自己的 `{function}` 的中心差分一致（相对误差 {errors}），\
             说明梯度代码本身自洽：错误在 `{function}` 里。"
        ),
        (true, true, false) => format!(
            "your `{gradient}` agrees with central differences of your `{function}` (relative errors \
             {errors}); compare how the loss is defined."
        ),
        (true, true, true) => format!(
            "你的 `{gradient}` 与你的 `{function}` 的中心差分一致（相对误差 {errors}）；\
             请对照损失的定义。"
        ),
        (false, passed, false) => format!(
            "your `{gradient}` disagrees with central differences of your own `{function}` on case {} \
             (relative errors {errors}; above {THRESHOLD:.0e} means a bug): the backward pass is wrong{}.",
            g.case,
            if passed {
                ""
            } else {
                ", and the forward pass fails too: fix it first"
            }
        ),
        (false, passed, true) => format!(
            "在用例 {} 上，你的 `{gradient}` 与你自己的 `{function}` 的中心差分不一致（相对误差 \
             {errors}；大于 {THRESHOLD:.0e} 即有错误）：反向传播写错了{}。",
            g.case,
            if passed {
                ""
            } else {
                "，而且前向也未通过：请先修正前向"
            }
        ),
    }
}
