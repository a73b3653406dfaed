//! Properties an output must have whatever the inputs, declared per kata in
//! its TOML and checked on the user's numbers:
//!
//! ```toml
//! [[invariants]]
//! output = "scaled_dot_product_attention.attn"
//! kind = "rows_sum_to_one"        # the last axis sums to 1
//! en = "the mask applied after the softmax?"   # optional: a likely cause
//! zh = "是不是在 softmax 之后才加的掩码？"
//! ```
//!
//! Kinds: `rows_sum_to_one`, `distribution` (also non-negative),
//! `zero_above_diagonal` (last two axes; `when` names a boolean input that
//! must be true), `zero_where_mask` (`input`: a boolean mask shaped like the
//! output or lacking its axis 1), `standardized` (zero mean and unit
//! variance per group once `weight` and `bias` are undone: groups over the
//! trailing `axes_from`-input-length axes, or per index of `per_axis`;
//! `input` is the normalized array, `eps` its epsilon), `labels_are_nearest_centers`
//! (`input`: the points, `centers`: the output holding the centers),
//! `sorted_descending` (the last axis).

use kata_harness::{Inputs, Outputs, Value};
use ndarray::{ArrayD, Axis, Dimension, Ix2, IxDyn};
use serde::Deserialize;

use super::{Context, Finding, Kind};
use crate::judge::unravel;

/// Rank of a broken invariant: a fact about the user's numbers.
pub const RANK: u32 = 10;

/// What an invariant states.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum InvariantKind {
    /// Every row (the last axis) sums to 1.
    RowsSumToOne,
    /// Every row is a probability distribution: non-negative, summing to 1.
    Distribution,
    /// Entries with column > row in the last two axes are 0.
    ZeroAboveDiagonal,
    /// Entries where a boolean input is true are 0.
    ZeroWhereMask,
    /// Zero mean and unit variance per group before the affine.
    Standardized,
    /// Every label names the nearest center.
    LabelsAreNearestCenters,
    /// The last axis is sorted best (largest) first.
    SortedDescending,
}

impl InvariantKind {
    /// The kind as the TOML spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            InvariantKind::RowsSumToOne => "rows_sum_to_one",
            InvariantKind::Distribution => "distribution",
            InvariantKind::ZeroAboveDiagonal => "zero_above_diagonal",
            InvariantKind::ZeroWhereMask => "zero_where_mask",
            InvariantKind::Standardized => "standardized",
            InvariantKind::LabelsAreNearestCenters => "labels_are_nearest_centers",
            InvariantKind::SortedDescending => "sorted_descending",
        }
    }
}

/// One `[[invariants]]` entry of a kata description.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvariantSpec {
    /// The output it applies to.
    pub output: String,
    /// What it states.
    pub kind: InvariantKind,
    /// A boolean input that must be true for it to apply (`causal`, `training`).
    #[serde(default)]
    pub when: Option<String>,
    /// The input it relates the output to (the mask, the normalized array,
    /// the points).
    #[serde(default)]
    pub input: Option<String>,
    /// `standardized`: the integer input whose length is the number of
    /// trailing axes each group spans (`normalized_shape`).
    #[serde(default)]
    pub axes_from: Option<String>,
    /// `standardized`: one group per index of this axis, over all others.
    #[serde(default)]
    pub per_axis: Option<usize>,
    /// `standardized`: the weight input.
    #[serde(default)]
    pub weight: Option<String>,
    /// `standardized`: the bias input.
    #[serde(default)]
    pub bias: Option<String>,
    /// `standardized`: the epsilon input.
    #[serde(default)]
    pub eps: Option<String>,
    /// `labels_are_nearest_centers`: the output holding the centers.
    #[serde(default)]
    pub centers: Option<String>,
    /// A likely cause when it breaks, in English.
    #[serde(default)]
    pub en: Option<String>,
    /// The same in Chinese.
    #[serde(default)]
    pub zh: Option<String>,
}

/// A broken invariant, said in plain words.
struct Broken {
    en: String,
    zh: String,
}

/// The first violation of each invariant of the part's outputs, over the
/// failing cases.
pub fn findings(cx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for spec in &cx.kata.invariants {
        if cx.part.name != spec.output && !spec.output.starts_with(&format!("{}.", cx.part.name)) {
            continue;
        }
        let broken = cx.wrong().find_map(|(obs, got)| {
            let applies = spec.when.as_ref().is_none_or(|w| bool_input(obs.inputs, w));
            applies
                .then(|| check(spec, obs.inputs, got))
                .flatten()
                .map(|b| (obs.case, b))
        });
        if let Some((case, b)) = broken {
            let (cause_en, cause_zh) = match (&spec.en, &spec.zh) {
                (Some(en), Some(zh)) => (format!(": {en}"), format!("：{zh}")),
                _ => (String::new(), String::new()),
            };
            out.push(Finding {
                kind: Kind::Invariant,
                id: spec.kind.as_str().to_string(),
                en: format!("in case {case}, {}{cause_en}", b.en),
                zh: format!("用例 {case} 中，{}{cause_zh}", b.zh),
                rank: RANK,
                output: Some(spec.output.clone()),
            });
        }
    }
    out
}

fn bool_input(inputs: &Inputs, name: &str) -> bool {
    matches!(inputs.get(name), Some(Value::Bool(a)) if a.iter().all(|&b| b))
}

fn reals<'a>(outputs: &'a Outputs, name: &str) -> Option<&'a ArrayD<f64>> {
    match outputs.get(name) {
        Some(Value::F64(a)) => Some(a),
        _ => None,
    }
}

/// The short name of an output, `attn` for `scaled_dot_product_attention.attn`.
fn short(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn check(spec: &InvariantSpec, inputs: &Inputs, got: &Outputs) -> Option<Broken> {
    let name = short(&spec.output);
    match spec.kind {
        InvariantKind::LabelsAreNearestCenters => return nearest_centers(spec, inputs, got),
        InvariantKind::Standardized => return standardized(spec, inputs, got),
        _ => {}
    }
    let a = reals(got, &spec.output)?;
    if a.ndim() == 0 || a.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let last = Axis(a.ndim() - 1);
    match spec.kind {
        InvariantKind::RowsSumToOne | InvariantKind::Distribution => {
            if spec.kind == InvariantKind::Distribution {
                if let Some((i, v)) = a.indexed_iter().find(|(_, &v)| v < -1e-12) {
                    return Some(Broken {
                        en: format!("`{name}`{:?} = {v:.4} is negative: not a probability", i.slice()),
                        zh: format!("`{name}`{:?} = {v:.4} 为负：不是概率", i.slice()),
                    });
                }
            }
            let sums = a.sum_axis(last);
            let (i, s) = sums.indexed_iter().find(|(_, s)| (**s - 1.0).abs() > 1e-6)?;
            let columns = a.ndim() >= 2 && a.sum_axis(Axis(a.ndim() - 2)).iter().all(|s| (s - 1.0).abs() <= 1e-6);
            let (why_en, why_zh) = match columns {
                true => (
                    " (its columns sum to 1 instead: the softmax ran over the wrong axis?)",
                    "（反而是各列之和为 1：softmax 沿错了轴？）",
                ),
                false => ("", ""),
            };
            Some(Broken {
                en: format!("row {:?} of `{name}` sums to {s:.4}, not 1{why_en}", i.slice()),
                zh: format!("`{name}` 的第 {:?} 行之和为 {s:.4}，不是 1{why_zh}", i.slice()),
            })
        }
        InvariantKind::ZeroAboveDiagonal => {
            let n = a.ndim();
            if n < 2 {
                return None;
            }
            let (i, v) = a.indexed_iter().find(|(i, v)| i[n - 1] > i[n - 2] && v.abs() > 1e-12)?;
            let (q, k) = (i[n - 2], i[n - 1]);
            Some(Broken {
                en: format!(
                    "`{name}`{:?} = {v:.4}: query {q} attends to key {k}, which comes after it (the causal mask is missing, transposed or applied after the softmax?)",
                    i.slice()
                ),
                zh: format!(
                    "`{name}`{:?} = {v:.4}：查询 {q} 关注到了它之后的键 {k}（因果掩码缺失、转置了，或在 softmax 之后才施加？）",
                    i.slice()
                ),
            })
        }
        InvariantKind::ZeroWhereMask => {
            let Some(Value::Bool(mask)) = spec.input.as_ref().and_then(|m| inputs.get(m)) else {
                return None;
            };
            let hidden = |i: &[usize]| -> Option<bool> {
                if mask.shape() == a.shape() {
                    return mask.get(IxDyn(i)).copied();
                }
                // A mask without the head axis (axis 1) applies to every head.
                if mask.ndim() + 1 == a.ndim() && a.ndim() >= 2 {
                    let mut j = i.to_vec();
                    j.remove(1);
                    return mask.get(IxDyn(&j)).copied();
                }
                None
            };
            let (i, v) = a
                .indexed_iter()
                .find(|(i, v)| v.abs() > 1e-12 && hidden(i.slice()) == Some(true))?;
            Some(Broken {
                en: format!(
                    "`{name}`{:?} = {v:.4} although the mask hides that key (true = hidden: the mask not applied, or inverted?)",
                    i.slice()
                ),
                zh: format!(
                    "`{name}`{:?} = {v:.4}，而掩码隐藏了这个键（true 表示隐藏：掩码没有施加，或者取反了？）",
                    i.slice()
                ),
            })
        }
        InvariantKind::SortedDescending => {
            let rows = a.lanes(last);
            for (r, row) in rows.into_iter().enumerate() {
                let row: Vec<f64> = row.iter().copied().collect();
                if let Some(j) = (1..row.len()).find(|&j| row[j] > row[j - 1] + 1e-12) {
                    let shape = a.shape();
                    let index = unravel(r, &shape[..shape.len() - 1]);
                    return Some(Broken {
                        en: format!(
                            "`{name}` is not best first: in row {index:?}, entry {j} ({:.4}) is larger than entry {} ({:.4})",
                            row[j],
                            j - 1,
                            row[j - 1]
                        ),
                        zh: format!(
                            "`{name}` 没有按从好到差排列：第 {index:?} 行的第 {j} 项（{:.4}）大于第 {} 项（{:.4}）",
                            row[j],
                            j - 1,
                            row[j - 1]
                        ),
                    });
                }
            }
            None
        }
        InvariantKind::LabelsAreNearestCenters | InvariantKind::Standardized => None,
    }
}

/// Every label names a center at least as near as any other.
fn nearest_centers(spec: &InvariantSpec, inputs: &Inputs, got: &Outputs) -> Option<Broken> {
    let data = match inputs.get(spec.input.as_deref()?) {
        Some(Value::F64(a)) => a.view().into_dimensionality::<Ix2>().ok()?,
        _ => return None,
    };
    let centers = reals(got, spec.centers.as_deref()?)?
        .view()
        .into_dimensionality::<Ix2>()
        .ok()?;
    let Some(Value::Int(labels)) = got.get(&spec.output) else {
        return None;
    };
    let (n, d) = (data.shape()[0], data.shape()[1]);
    let k = centers.shape()[0];
    if labels.len() != n || centers.shape()[1] != d || centers.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let dist = |i: usize, c: usize| (0..d).map(|j| (data[[i, j]] - centers[[c, j]]).powi(2)).sum::<f64>();
    for (i, &label) in labels.iter().enumerate() {
        let label = usize::try_from(label).ok().filter(|&l| l < k)?;
        let own = dist(i, label);
        let (best, best_d) = (0..k).map(|c| (c, dist(i, c))).min_by(|a, b| a.1.total_cmp(&b.1))?;
        if own > best_d + 1e-9 * (1.0 + own.abs()) {
            let short_name = short(&spec.output);
            return Some(Broken {
                en: format!(
                    "point {i} has `{short_name}` {label}, but center {best} of the centers returned is nearer ({best_d:.4} against {own:.4}): the labels are not the assignment to the centers returned"
                ),
                zh: format!(
                    "点 {i} 的 `{short_name}` 为 {label}，但返回的中心里中心 {best} 更近（{best_d:.4} 对 {own:.4}）：labels 不是对返回中心的分配"
                ),
            });
        }
    }
    None
}

/// Maps an element (its index, its flat position) to a group or an affine index.
type ElementMap = Box<dyn Fn(&[usize], usize) -> usize>;

/// Zero mean and unit variance (v / (v + eps) exactly, v the group's biased
/// variance of the input) per group once weight and bias are undone.
fn standardized(spec: &InvariantSpec, inputs: &Inputs, got: &Outputs) -> Option<Broken> {
    let y = reals(got, &spec.output)?;
    let x = match inputs.get(spec.input.as_deref()?) {
        Some(Value::F64(x)) if x.shape() == y.shape() => x,
        _ => return None,
    };
    if y.iter().any(|v| !v.is_finite()) || y.ndim() == 0 {
        return None;
    }
    let eps = match spec.eps.as_deref().and_then(|e| inputs.get(e)) {
        Some(Value::F64(e)) => e.iter().next().copied()?,
        _ => 0.0,
    };
    let opt = |name: &Option<String>| match name.as_deref().and_then(|n| inputs.get(n)) {
        Some(Value::F64(a)) => Some(a.iter().copied().collect::<Vec<f64>>()),
        _ => None,
    };
    let (weight, bias) = (opt(&spec.weight), opt(&spec.bias));
    let shape = y.shape().to_vec();
    // For each element: its group and its index into weight and bias.
    let (groups, group_of, affine_of): (usize, ElementMap, ElementMap) = if let Some(axis) = spec.per_axis {
        if axis >= shape.len() {
            return None;
        }
        (
            shape[axis],
            Box::new(move |i: &[usize], _: usize| i[axis]),
            Box::new(move |i: &[usize], _: usize| i[axis]),
        )
    } else {
        let trailing = match inputs.get(spec.axes_from.as_deref()?) {
            Some(v) => v.shape().first().copied().unwrap_or(1).min(shape.len()),
            None => return None,
        };
        let inner: usize = shape[shape.len() - trailing..].iter().product();
        (
            y.len() / inner.max(1),
            Box::new(move |_: &[usize], flat: usize| flat / inner.max(1)),
            Box::new(move |_: &[usize], flat: usize| flat % inner.max(1)),
        )
    };
    let mut xs = vec![Vec::new(); groups];
    let mut zs = vec![Vec::new(); groups];
    for (flat, ((i, &yv), &xv)) in y.indexed_iter().zip(x.iter()).enumerate() {
        let (g, a) = (group_of(i.slice(), flat), affine_of(i.slice(), flat));
        let w = weight.as_ref().map_or(1.0, |w| w.get(a).copied().unwrap_or(f64::NAN));
        let b = bias.as_ref().map_or(0.0, |b| b.get(a).copied().unwrap_or(f64::NAN));
        if w.is_nan() || w.abs() <= 1e-9 {
            return None;
        }
        xs[g].push(xv);
        zs[g].push((yv - b) / w);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let var = |v: &[f64], m: f64| v.iter().map(|a| (a - m) * (a - m)).sum::<f64>() / v.len() as f64;
    for (g, (xg, zg)) in xs.iter().zip(&zs).enumerate() {
        if xg.len() < 2 {
            continue;
        }
        let v = var(xg, mean(xg));
        let target = v / (v + eps);
        // Only groups with spread far above eps say something sharp.
        if target < 0.5 {
            continue;
        }
        let (zm, zv) = (mean(zg), var(zg, mean(zg)));
        if zm.abs() > 1e-5 || (zv - target).abs() > 1e-5 * target.max(1.0) {
            let (what, what_zh) = match spec.per_axis {
                Some(axis) => (
                    format!("index {g} of axis {axis}"),
                    format!("轴 {axis} 的第 {g} 个下标"),
                ),
                None => (format!("group {g}"), format!("第 {g} 组")),
            };
            let name = short(&spec.output);
            return Some(Broken {
                en: format!(
                    "{what} of `{name}`, once weight and bias are undone, has mean {zm:.4} and variance {zv:.4}; normalized, it should have mean 0 and variance {target:.4} (1 up to eps)"
                ),
                zh: format!(
                    "`{name}` 的{what_zh}在去掉 weight 和 bias 之后，均值为 {zm:.4}、方差为 {zv:.4}；归一化之后均值应为 0、方差应为 {target:.4}（除 eps 外即 1）"
                ),
            });
        }
    }
    None
}
