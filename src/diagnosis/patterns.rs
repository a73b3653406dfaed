//! Shapes of the error that any kata can show, found in the numbers alone:
//! the output is c × expected (c named when it is a simple expression of the
//! case's sizes), the sign flipped, the right numbers along permuted axes (or
//! permuted then reshaped), a constant offset along an axis (a bias missing
//! or extra), the right values in another order, mismatches confined to a
//! region, shape relations to the inputs, and where non-finite values appear.
//!
//! A pattern about the whole output is reported only when it holds on every
//! case where that output's values failed; a region is described on the
//! first such case once every other one shows the same kind of region, and
//! said to hold in all of them only when it is the same region.

use kata_harness::{Inputs, Value};
use ndarray::{ArrayD, Axis, Dimension, IxDyn};

use super::{join_en, Context, Finding, Kind, Observed};
use crate::judge::{self, unravel, Mismatch, Tolerance};

/// Rank of a pattern about the whole output.
const RANK_WHOLE: u32 = 12;
/// Rank of non-finite values located.
const RANK_NON_FINITE: u32 = 14;
/// Rank of a region the mismatches are confined to.
const RANK_REGION: u32 = 16;

/// One output of one failing case.
struct Failed<'a> {
    obs: &'a Observed<'a>,
    got: &'a Value,
    expected: &'a Value,
    mismatch: Mismatch,
}

/// What a detector says about one case: an id and the message's two halves.
#[derive(Clone, Debug, PartialEq)]
struct Said {
    id: &'static str,
    en: String,
    zh: String,
}

fn said(id: &'static str, en: String, zh: String) -> Said {
    Said { id, en, zh }
}

/// Every pattern found on the part's outputs.
pub fn findings(cx: &Context<'_>) -> Vec<Finding> {
    let tol = cx.tol();
    let mut names: Vec<&String> = Vec::new();
    for obs in &cx.observed {
        for name in obs.expected.0.keys() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let mut out = Vec::new();
    for name in names {
        let failed: Vec<Failed<'_>> = cx
            .wrong()
            .filter_map(|(obs, got)| {
                let expected = obs.expected.get(name)?;
                let got = got.get(name)?;
                let mismatch = judge::compare(Some(got), expected, tol)?;
                Some(Failed {
                    obs,
                    got,
                    expected,
                    mismatch,
                })
            })
            .collect();
        if failed.is_empty() {
            continue;
        }
        let push = |out: &mut Vec<Finding>, s: Said, rank: u32| {
            out.push(Finding {
                kind: Kind::Pattern,
                id: s.id.to_string(),
                en: s.en,
                zh: s.zh,
                rank,
                output: Some(name.clone()),
            })
        };
        let short = name.rsplit('.').next().unwrap_or(name);
        if let Some(s) = whole(&failed, short, tol) {
            push(&mut out, s, RANK_WHOLE);
        }
        if let Some(s) = non_finite(cx, &failed, short) {
            push(&mut out, s, RANK_NON_FINITE);
        }
        if let Some(s) = region(&failed, short, tol) {
            push(&mut out, s, RANK_REGION);
        }
    }
    out
}

/// A pattern about the whole output that holds on every failing case: the
/// first detector that does.
fn whole(failed: &[Failed<'_>], name: &str, tol: Tolerance) -> Option<Said> {
    if let Some(s) = shape_relation(failed, name) {
        return Some(s);
    }
    if let Some(s) = as_floats(failed, name) {
        return Some(s);
    }
    if let Some(s) = as_integers(failed, name) {
        return Some(s);
    }
    if let Some(s) = scaled(failed, name, tol) {
        return Some(s);
    }
    type Detector = fn(&Failed<'_>, &str, Tolerance) -> Option<Said>;
    let detectors: [Detector; 4] = [permuted, offset, reversed, reordered];
    for detect in detectors {
        let per_case: Option<Vec<Said>> = failed.iter().map(|f| detect(f, name, tol)).collect();
        if let Some(per_case) = per_case {
            let first = per_case.into_iter().next()?;
            return Some(match failed.len() {
                1 => first,
                n => said(
                    first.id,
                    format!("{} (in all {n} failing cases)", first.en),
                    format!("{}（{n} 个失败用例都如此）", first.zh),
                ),
            });
        }
    }
    None
}

fn reals(v: &Value) -> Option<&ArrayD<f64>> {
    match v {
        Value::F64(a) => Some(a),
        _ => None,
    }
}

fn close(tol: Tolerance, got: &ArrayD<f64>, exp: &ArrayD<f64>) -> bool {
    got.shape() == exp.shape() && got.iter().zip(exp.iter()).all(|(&g, &e)| tol.close(g, e))
}

/// Same-shaped finite reals of a value mismatch.
fn value_pair<'a>(f: &Failed<'a>) -> Option<(&'a ArrayD<f64>, &'a ArrayD<f64>)> {
    let (u, e) = (reals(f.got)?, reals(f.expected)?);
    (u.shape() == e.shape() && u.iter().chain(e.iter()).all(|v| v.is_finite())).then_some((u, e))
}

/// Named sizes of a case: every axis length of every input, and every
/// integer input's value, with a label.
fn sizes(inputs: &Inputs) -> Vec<(f64, String, String)> {
    let mut out = Vec::new();
    for (name, v) in &inputs.0 {
        let shape = v.shape();
        for (a, &len) in shape.iter().enumerate() {
            if len >= 2 {
                let en = match a + 1 == shape.len() {
                    true => format!("the length of the last axis of `{name}`"),
                    false => format!("the length of axis {a} of `{name}`"),
                };
                let zh = format!("`{name}` 第 {a} 轴的长度");
                out.push((len as f64, en, zh));
            }
        }
        if let Value::Int(a) = v {
            if a.len() == 1 {
                let value = a.iter().next().copied().unwrap_or(0);
                if value >= 2 {
                    out.push((value as f64, format!("`{name}`"), format!("`{name}`")));
                }
            }
        }
    }
    out
}

/// The output is c × expected on every failing case.
fn scaled(failed: &[Failed<'_>], name: &str, tol: Tolerance) -> Option<Said> {
    let mut factors = Vec::new();
    for f in failed {
        let (u, e) = value_pair(f)?;
        let ee: f64 = e.iter().map(|v| v * v).sum();
        if ee == 0.0 {
            return None;
        }
        let c = u.iter().zip(e.iter()).map(|(a, b)| a * b).sum::<f64>() / ee;
        let scaled = e.mapv(|v| c * v);
        if !close(tol, u, &scaled) {
            return None;
        }
        factors.push(c);
    }
    // One element alone is always a multiple: it takes two cases to say so.
    if failed.iter().all(|f| f.expected.shape().iter().product::<usize>() < 2) && failed.len() < 2 {
        return None;
    }
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs());
    let c0 = factors[0];
    if c0.abs() < 1e-12 && factors.iter().all(|c| c.abs() < 1e-12) {
        return Some(said(
            "zeros",
            format!("`{name}` is all zeros where it should not be"),
            format!("`{name}` 全是零，本不应如此"),
        ));
    }
    if factors.iter().all(|&c| same(c, c0)) {
        if same(c0, -1.0) {
            return Some(said(
                "sign_flipped",
                format!("`{name}` has the right numbers with the sign flipped (−1 × expected)"),
                format!("`{name}` 的数值正确但符号相反（期望值的 −1 倍）"),
            ));
        }
        // A constant is the simpler account even when a size happens to equal it.
        for (v, text) in [(2.0, "2"), (0.5, "1/2")] {
            if same(c0, v) {
                return Some(said(
                    "scaled",
                    format!("`{name}` is exactly {text} × the expected value"),
                    format!("`{name}` 恰好是期望值的 {text} 倍"),
                ));
            }
        }
    }
    if let Some((en, zh)) = expression(failed, &factors) {
        return Some(said(
            "scaled",
            format!("`{name}` is exactly {en} × the expected value in every failing case"),
            format!("每个失败用例中 `{name}` 都恰好是期望值的 {zh} 倍"),
        ));
    }
    factors.iter().all(|&c| same(c, c0)).then(|| {
        said(
            "scaled",
            format!("`{name}` is exactly {c0:.6} × the expected value"),
            format!("`{name}` 恰好是期望值的 {c0:.6} 倍"),
        )
    })
}

/// A function of a size and its name.
type Form = (fn(f64) -> f64, &'static str);

/// c as d, √d, 1/d or 1/√d of one named size, the same size in every case.
fn expression(failed: &[Failed<'_>], factors: &[f64]) -> Option<(String, String)> {
    let same = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs());
    let forms: [Form; 4] = [
        (|d| d, "d"),
        (f64::sqrt, "√d"),
        (|d| 1.0 / d, "1/d"),
        (|d| 1.0 / d.sqrt(), "1/√d"),
    ];
    let first = sizes(failed[0].obs.inputs);
    for (value, en, zh) in &first {
        for (form, text) in forms {
            if !same(form(*value), factors[0]) {
                continue;
            }
            let holds = failed
                .iter()
                .zip(factors)
                .all(|(f, &c)| sizes(f.obs.inputs).iter().any(|(v, e, _)| e == en && same(form(*v), c)));
            if holds {
                return Some((
                    format!("{text}, with d = {value} {en}"),
                    format!("{text}（d = {value}，即{zh}）"),
                ));
            }
        }
    }
    None
}

/// Every permutation of `0..n` but the identity.
fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn go(rest: &mut Vec<usize>, prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if rest.is_empty() {
            out.push(prefix.clone());
            return;
        }
        for i in 0..rest.len() {
            let v = rest.remove(i);
            prefix.push(v);
            go(rest, prefix, out);
            prefix.pop();
            rest.insert(i, v);
        }
    }
    let mut out = Vec::new();
    if n <= 5 {
        go(&mut (0..n).collect(), &mut Vec::new(), &mut out);
    }
    out.retain(|p| p.iter().enumerate().any(|(i, &a)| i != a));
    out
}

/// The right numbers along permuted axes, or permuted and then reshaped.
fn permuted(f: &Failed<'_>, name: &str, tol: Tolerance) -> Option<Said> {
    let (u, e) = (reals(f.got)?, reals(f.expected)?);
    if u.len() != e.len() || e.ndim() < 2 || e.len() < 2 {
        return None;
    }
    let flat: Vec<f64> = u.iter().copied().collect();
    for p in permutations(e.ndim()) {
        let moved = e.view().permuted_axes(IxDyn(&p));
        // Moving axes of length 1 changes nothing.
        let trivial = moved.iter().zip(e.iter()).all(|(a, b)| a == b);
        if trivial || !moved.iter().zip(&flat).all(|(&exp, &got)| tol.close(got, exp)) {
            continue;
        }
        let axes = format!("{p:?}");
        let pair = e.ndim() == 2 || p.iter().enumerate().filter(|&(i, &a)| i != a).count() == 2;
        return Some(if moved.shape() == u.shape() {
            let what_en = if pair {
                "transposed (two axes swapped)"
            } else {
                "along permuted axes"
            };
            let what_zh = if pair {
                "被转置了（交换了两个轴）"
            } else {
                "的轴顺序被打乱了"
            };
            said(
                "permuted_axes",
                format!("`{name}` holds the right numbers, {what_en}: it is the expected array with axes {axes}"),
                format!("`{name}` 的数值正确，但{what_zh}：它等于期望数组按轴 {axes} 重排"),
            )
        } else {
            said(
                "permuted_then_reshaped",
                format!("`{name}` holds the right numbers in the order of the expected array with axes {axes}, reshaped: an axis was not moved back before a reshape (e.g. the heads before concatenating)?"),
                format!("`{name}` 的数值正确，但顺序是期望数组按轴 {axes} 重排后再改变形状：reshape 之前没有把某个轴移回原位（例如拼接各头之前）？"),
            )
        });
    }
    None
}

/// A constant offset along one axis (or everywhere); named when it is an
/// input vector.
fn offset(f: &Failed<'_>, name: &str, tol: Tolerance) -> Option<Said> {
    let (u, e) = value_pair(f)?;
    if e.len() < 2 {
        return None;
    }
    let diff = u - e;
    let slack = |i: &IxDyn| 2.0 * (tol.atol + tol.rtol * e[i].abs());
    // Everywhere the same?
    let d0 = diff.iter().next().copied()?;
    if diff.indexed_iter().all(|(i, &d)| (d - d0).abs() <= slack(&i)) {
        return Some(said(
            "offset",
            format!("`{name}` is off by the same constant {d0:.6} everywhere"),
            format!("`{name}` 处处偏差同一个常数 {d0:.6}"),
        ));
    }
    for a in 0..e.ndim() {
        let len = e.shape()[a];
        if len < 2 || e.len() / len < 2 {
            continue;
        }
        let along: Vec<f64> = (0..len)
            .map(|k| diff.index_axis(Axis(a), k).iter().next().copied().unwrap_or(0.0))
            .collect();
        if !diff.indexed_iter().all(|(i, &d)| (d - along[i[a]]).abs() <= slack(&i)) {
            continue;
        }
        if along.iter().all(|v| v.abs() <= 1e-12) {
            return None;
        }
        for (input, v) in &f.obs.inputs.0 {
            let Value::F64(b) = v else { continue };
            if b.ndim() != 1 || b.len() != len {
                continue;
            }
            let near = |sign: f64| {
                b.iter()
                    .zip(&along)
                    .all(|(&bv, &o)| (o - sign * bv).abs() <= 1e-9 + 1e-6 * bv.abs())
            };
            if near(-1.0) {
                return Some(said(
                    "bias_missing",
                    format!("`{name}` is exactly `{input}` too low along axis {a}: `{input}` was left out?"),
                    format!("`{name}` 沿第 {a} 轴恰好比期望低了 `{input}`：漏加了 `{input}`？"),
                ));
            }
            if near(1.0) {
                return Some(said(
                    "bias_extra",
                    format!("`{name}` is exactly `{input}` too high along axis {a}: `{input}` added twice?"),
                    format!("`{name}` 沿第 {a} 轴恰好比期望高了 `{input}`：`{input}` 加了两次？"),
                ));
            }
        }
        return Some(said(
            "offset",
            format!("`{name}` is off by a constant along axis {a} (the same shift for every entry with the same index on that axis): a bias or a mean missing or extra?"),
            format!("`{name}` 沿第 {a} 轴有常数偏移（该轴下标相同的元素偏移都一样）：漏了或多了一个偏置或均值？"),
        ));
    }
    None
}

/// The right numbers with one axis reversed.
fn reversed(f: &Failed<'_>, name: &str, tol: Tolerance) -> Option<Said> {
    let axis = (0..f.expected.shape().len()).find(|&a| {
        f.expected.shape()[a] >= 2
            && f.got.shape() == f.expected.shape()
            && match (f.got, f.expected) {
                (Value::F64(u), Value::F64(e)) => {
                    let mut r = e.view();
                    r.invert_axis(Axis(a));
                    r.iter().zip(u.iter()).all(|(&ev, &uv)| tol.close(uv, ev))
                }
                (Value::Int(u), Value::Int(e)) => {
                    let mut r = e.view();
                    r.invert_axis(Axis(a));
                    r.iter().zip(u.iter()).all(|(ev, uv)| ev == uv)
                }
                _ => false,
            }
    })?;
    Some(said(
        "reversed",
        format!("`{name}` holds the right values in reverse order along axis {axis}"),
        format!("`{name}` 的数值正确，但沿第 {axis} 轴顺序颠倒了"),
    ))
}

/// The right values in another order (or, for integers, renamed one to one).
fn reordered(f: &Failed<'_>, name: &str, tol: Tolerance) -> Option<Said> {
    if f.got.shape() != f.expected.shape() {
        return None;
    }
    match (f.got, f.expected) {
        (Value::F64(u), Value::F64(e)) => {
            let mut a: Vec<f64> = u.iter().copied().collect();
            let mut b: Vec<f64> = e.iter().copied().collect();
            if a.iter().chain(&b).any(|v| !v.is_finite()) || a.len() < 2 {
                return None;
            }
            a.sort_by(f64::total_cmp);
            b.sort_by(f64::total_cmp);
            a.iter().zip(&b).all(|(&g, &x)| tol.close(g, x)).then(|| {
                said(
                    "reordered",
                    format!("`{name}` holds the right values, in another order"),
                    format!("`{name}` 的数值都对，但顺序不同"),
                )
            })
        }
        (Value::Int(u), Value::Int(e)) => {
            // A consistent renaming: every expected value maps to one value, and back.
            let mut forward = std::collections::BTreeMap::new();
            let mut backward = std::collections::BTreeMap::new();
            for (&g, &x) in u.iter().zip(e.iter()) {
                if *forward.entry(x).or_insert(g) != g || *backward.entry(g).or_insert(x) != x {
                    return None;
                }
            }
            // Every entry a value of its own (one sampled token per row): any
            // renaming fits, so it says nothing.
            if forward.len() == e.len() {
                return None;
            }
            Some(said(
                "renumbered",
                format!("`{name}` groups the entries exactly as expected, under other numbers (e.g. clusters or tokens numbered differently)"),
                format!("`{name}` 的分组与期望完全一致，只是编号不同（例如簇或词元的编号不同）"),
            ))
        }
        _ => None,
    }
}

/// Whole numbers where the expected values have fractions, on every
/// failing case: an integer array (the Python track reads an integer
/// array where floats are expected as its numbers) or a rounding.
fn as_integers(failed: &[Failed<'_>], name: &str) -> Option<Said> {
    let mut any_nonzero = false;
    let all = failed.iter().all(|f| match (f.got, f.expected) {
        (Value::F64(u), Value::F64(e)) => {
            any_nonzero |= u.iter().any(|&v| v != 0.0);
            u.shape() == e.shape()
                && u.iter().all(|v| v.is_finite() && v.fract() == 0.0)
                && e.iter().any(|v| v.is_finite() && v.fract() != 0.0)
        }
        _ => false,
    });
    (all && any_nonzero && !failed.is_empty()).then(|| {
        said(
            "whole_numbers",
            format!(
                "`{name}` holds only whole numbers where the expected values have fractions: the fractions \
                 were lost on the way (an integer array or variable, a rounding, an integer division)"
            ),
            format!("`{name}` 只有整数值，而期望值带小数：小数在计算途中丢掉了（整数数组或整数变量、取整、整数除法）"),
        )
    })
}

/// Integers returned as floats with the right values (the beam-search
/// snippet's float token ids).
fn as_floats(failed: &[Failed<'_>], name: &str) -> Option<Said> {
    let all = failed.iter().all(|f| match (f.got, f.expected) {
        (Value::F64(u), Value::Int(e)) => {
            u.shape() == e.shape() && u.iter().zip(e.iter()).all(|(&a, &b)| a == b as f64)
        }
        _ => false,
    });
    all.then(|| {
        said(
            "integers_as_floats",
            format!(
                "`{name}` holds the right numbers as floats; it must be an integer array (ids and labels are integers)"
            ),
            format!("`{name}` 的数值正确但是浮点数；它必须是整数数组（编号和标签都是整数）"),
        )
    })
}

/// How the output's shape relates to the expected one and the inputs, the
/// same relation in every failing case.
fn shape_relation(failed: &[Failed<'_>], name: &str) -> Option<Said> {
    let per_case: Option<Vec<Said>> = failed.iter().map(|f| shape_case(f, name)).collect();
    per_case?.into_iter().next()
}

fn shape_case(f: &Failed<'_>, name: &str) -> Option<Said> {
    let Mismatch::Shape { got, expected } = &f.mismatch else {
        return None;
    };
    if got.len() != expected.len() {
        let ones = |s: &[usize]| s.iter().copied().filter(|&d| d != 1).collect::<Vec<_>>();
        return (ones(got) == ones(expected)).then(|| {
            said(
                "extra_axis",
                format!("`{name}` has shape {got:?} for {expected:?}: an axis of length 1 added or dropped"),
                format!("`{name}` 的形状是 {got:?}，应为 {expected:?}：多了或少了一个长度为 1 的轴"),
            )
        });
    }
    let mut sorted_g = got.clone();
    let mut sorted_e = expected.clone();
    sorted_g.sort();
    sorted_e.sort();
    if sorted_g == sorted_e {
        return None; // the permutation detector says more
    }
    // Integer inputs, element by element: padding[0], stride[1], …
    let mut values: Vec<(usize, String)> = Vec::new();
    for (input, v) in &f.obs.inputs.0 {
        if let Value::Int(a) = v {
            let multi = a.len() > 1;
            for (i, &x) in a.iter().enumerate() {
                if let Ok(x) = usize::try_from(x) {
                    if x >= 1 {
                        let label = if multi { format!("{input}[{i}]") } else { input.clone() };
                        values.push((x, label));
                    }
                }
            }
        }
    }
    let mut en = Vec::new();
    let mut zh = Vec::new();
    for (a, (&g, &e)) in got.iter().zip(expected).enumerate() {
        if g == e {
            continue;
        }
        let short = e.checked_sub(g);
        let long = g.checked_sub(e);
        if let Some((_, label)) = values.iter().find(|(v, _)| Some(2 * v) == short) {
            en.push(format!(
                "axis {a} is 2·`{label}` shorter ({g} for {e}): the padding left out?"
            ));
            zh.push(format!("第 {a} 轴短了 2·`{label}`（{g}，应为 {e}）：没有加填充？"));
        } else if let Some((_, label)) = values.iter().find(|(v, _)| Some(2 * v) == long) {
            en.push(format!("axis {a} is 2·`{label}` longer ({g} for {e})"));
            zh.push(format!("第 {a} 轴长了 2·`{label}`（{g}，应为 {e}）"));
        } else if let Some((_, label)) = values
            .iter()
            .find(|(v, _)| *v >= 2 && g > e && e >= 1 && (g - 1) / v + 1 == e && (g - 1) % v == 0)
        {
            en.push(format!(
                "axis {a} has {g} entries for {e}, as if `{label}` were 1: the stride ignored along it?"
            ));
            zh.push(format!(
                "第 {a} 轴有 {g} 个元素，应为 {e}，就像 `{label}` 为 1 一样：这个方向忽略了步长？"
            ));
        } else if (long == Some(1) || short == Some(1)) && matches!(f.expected, Value::Int(_)) {
            // A selection (kept indices, merges, tokens) has a length the
            // data decides: one entry more or fewer says nothing of rounding.
            let more = long == Some(1);
            en.push(format!(
                "axis {a} has one entry {} ({g} for {e})",
                if more { "too many" } else { "too few" }
            ));
            zh.push(format!(
                "第 {a} 轴{}一个元素（{g}，应为 {e}）",
                if more { "多了" } else { "少了" }
            ));
        } else if long == Some(1) || short == Some(1) {
            let more = long == Some(1);
            en.push(format!(
                "axis {a} has one entry {} ({g} for {e}): an off-by-one in its size (rounded {}?)",
                if more { "too many" } else { "too few" },
                if more { "up" } else { "down" }
            ));
            zh.push(format!(
                "第 {a} 轴{}一个元素（{g}，应为 {e}）：尺寸差一（取整方向错了？）",
                if more { "多了" } else { "少了" }
            ));
        } else {
            return None;
        }
    }
    (!en.is_empty()).then(|| {
        said(
            "shape_relation",
            format!("`{name}` has shape {got:?} for {expected:?}: {}", en.join("; ")),
            format!("`{name}` 的形状是 {got:?}，应为 {expected:?}：{}", zh.join("；")),
        )
    })
}

/// Where non-finite values appear where finite ones are expected: the first
/// case and element, whole rows, and whether only the largest inputs do it.
fn non_finite(cx: &Context<'_>, failed: &[Failed<'_>], name: &str) -> Option<Said> {
    let with: Vec<&Failed<'_>> = failed
        .iter()
        .filter(|f| matches!(&f.mismatch, Mismatch::Values(d) if d.non_finite.is_some()))
        .collect();
    let first = with.first()?;
    let Mismatch::Values(d) = &first.mismatch else {
        return None;
    };
    let at = unravel(d.non_finite?, first.expected.shape());
    let u = reals(first.got)?;
    let value = u.get(IxDyn(&at)).copied().unwrap_or(f64::NAN);
    // A single number (a loss) has no index to name.
    let (at_en, at_zh) = match at.is_empty() {
        true => (String::new(), String::new()),
        false => (format!(" at {at:?}"), format!(" 的 {at:?}")),
    };
    let mut en = format!(
        "`{name}` has {} where a finite number is expected, first in case {}{at_en}",
        if value.is_nan() { "NaN" } else { "an infinity" },
        first.obs.case
    );
    let mut zh = format!(
        "`{name}` 在应为有限数的位置出现了{}，最早在用例 {}{at_zh}",
        if value.is_nan() { " NaN" } else { "无穷大" },
        first.obs.case
    );
    let mut id = "non_finite";
    // Whole rows of a matrix, the rest finite: e.g. the mean of no points.
    let rows_only = with.iter().all(|f| match reals(f.got) {
        Some(a) if a.ndim() == 2 => a
            .rows()
            .into_iter()
            .all(|r| r.iter().all(|v| v.is_finite()) || r.iter().all(|v| !v.is_finite())),
        _ => false,
    });
    // Only on the cases with the largest inputs: an overflow.
    let magnitude = |inputs: &Inputs| {
        inputs
            .0
            .values()
            .filter_map(reals)
            .flat_map(|a| a.iter().map(|v| v.abs()))
            .fold(0.0_f64, f64::max)
    };
    let bad: Vec<&str> = with.iter().map(|f| f.obs.case).collect();
    let smallest_bad = with
        .iter()
        .map(|f| magnitude(f.obs.inputs))
        .fold(f64::INFINITY, f64::min);
    let largest_good = cx
        .observed
        .iter()
        .filter(|o| !bad.contains(&o.case))
        .map(|o| magnitude(o.inputs))
        .fold(0.0_f64, f64::max);
    let overflow = largest_good > 0.0 && smallest_bad >= 10.0 * largest_good;
    if rows_only {
        id = "non_finite_rows";
        en.push_str("; whole rows are non-finite and the others finite");
        zh.push_str("；整行非有限而其他行有限");
        if !overflow {
            en.push_str(" (0/0 in a row: a mean over nothing, or a row whose normalizer is 0?)");
            zh.push_str("（某行出现 0/0：对零个元素求均值，或该行的归一化分母为 0？）");
        }
    }
    if overflow {
        en.push_str(&format!(
            "; only the cases with large inputs (|value| ≥ {smallest_bad:.0}, others ≤ {largest_good:.1}) do it: an overflow, such as exp of a large number?"
        ));
        zh.push_str(&format!(
            "；只有输入很大的用例（|值| ≥ {smallest_bad:.0}，其余 ≤ {largest_good:.1}）如此：溢出了，比如对大数求 exp？"
        ));
        id = "overflow";
    }
    Some(said(id, en, zh))
}

/// The kind of region a case's mismatches are confined to, and its words.
fn region_case(f: &Failed<'_>, tol: Tolerance) -> Option<(&'static str, String, String)> {
    let shape = f.expected.shape();
    if f.got.shape() != shape || shape.is_empty() {
        return None;
    }
    let bad: Vec<Vec<usize>> = match (f.got, f.expected) {
        (Value::F64(u), Value::F64(e)) => u
            .indexed_iter()
            .zip(e.iter())
            .filter(|((_, &g), &x)| !tol.close(g, x))
            .map(|((i, _), _)| i.slice().to_vec())
            .collect(),
        (Value::Int(u), Value::Int(e)) => u
            .indexed_iter()
            .zip(e.iter())
            .filter(|((_, g), x)| g != x)
            .map(|((i, _), _)| i.slice().to_vec())
            .collect(),
        _ => return None,
    };
    let total: usize = shape.iter().product();
    if bad.is_empty() || bad.len() == total {
        return None;
    }
    // Where a boolean input is true (or false).
    for (input, v) in &f.obs.inputs.0 {
        let Value::Bool(mask) = v else { continue };
        let at = |i: &[usize]| -> Option<bool> {
            if mask.shape() == shape {
                return mask.get(IxDyn(i)).copied();
            }
            if mask.ndim() + 1 == shape.len() && shape.len() >= 2 {
                let mut j = i.to_vec();
                j.remove(1);
                return mask.get(IxDyn(&j)).copied();
            }
            None
        };
        if bad.iter().all(|i| at(i) == Some(true)) {
            return Some((
                "only_where_mask_true",
                format!("the mismatches are all where `{input}` is true"),
                format!("所有不匹配都在 `{input}` 为 true 的位置"),
            ));
        }
        if bad.iter().all(|i| at(i) == Some(false)) {
            return Some((
                "only_where_mask_false",
                format!("the mismatches are all where `{input}` is false"),
                format!("所有不匹配都在 `{input}` 为 false 的位置"),
            ));
        }
    }
    let n = shape.len();
    if n >= 2 && shape[n - 1] == shape[n - 2] && shape[n - 1] >= 2 {
        if bad.iter().all(|i| i[n - 1] > i[n - 2]) {
            return Some((
                "above_diagonal",
                "the mismatches are all above the diagonal of the last two axes (column after row: keys after their query)".into(),
                "所有不匹配都在最后两个轴的对角线上方（列在行之后：查询之后的键）".into(),
            ));
        }
        if bad.iter().all(|i| i[n - 1] < i[n - 2]) {
            return Some((
                "below_diagonal",
                "the mismatches are all below the diagonal of the last two axes".into(),
                "所有不匹配都在最后两个轴的对角线下方".into(),
            ));
        }
    }
    // Rows of a matrix that no expected label names (empty clusters).
    if n == 2 {
        for (label_name, v) in &f.obs.expected.0 {
            let Value::Int(labels) = v else { continue };
            let named: Vec<usize> = labels.iter().filter_map(|&l| usize::try_from(l).ok()).collect();
            if named.iter().all(|&l| l < shape[0]) && bad.iter().all(|i| !named.contains(&i[0])) {
                let short = label_name.rsplit('.').next().unwrap_or(label_name);
                return Some((
                    "unlabelled_rows",
                    format!("the mismatches are all in rows that no expected `{short}` names (empty clusters)"),
                    format!("所有不匹配都在期望的 `{short}` 没有指向的行（空簇）"),
                ));
            }
        }
    }
    // The border of the last two axes (an image's edge).
    if n >= 2 && shape[n - 1] >= 4 && shape[n - 2] >= 4 {
        let (h, w) = (shape[n - 2], shape[n - 1]);
        let depth = |i: &Vec<usize>| i[n - 2].min(h - 1 - i[n - 2]).min(i[n - 1]).min(w - 1 - i[n - 1]);
        let band = bad.iter().map(depth).max().unwrap_or(0) + 1;
        if 2 * band < h.min(w) {
            return Some((
                "border",
                format!("the mismatches are all within {band} of the border of the last two axes (the image's edge: the padding?)"),
                format!("所有不匹配都在最后两个轴距边缘 {band} 以内（图像边缘：填充？）"),
            ));
        }
    }
    // Some indices of an axis.
    let mut en = Vec::new();
    let mut zh = Vec::new();
    for (a, &len) in shape.iter().enumerate() {
        if len < 2 {
            continue;
        }
        let mut hit: Vec<usize> = bad.iter().map(|i| i[a]).collect();
        hit.sort_unstable();
        hit.dedup();
        if hit.len() == len {
            continue;
        }
        let first = hit[0];
        let suffix = hit.last() == Some(&(len - 1)) && hit.len() == len - first;
        let (e, z) = if hit == [len - 1] {
            (
                format!("the last index of axis {a}"),
                format!("第 {a} 轴的最后一个下标"),
            )
        } else if suffix {
            (
                format!("indices {first} and later of axis {a}"),
                format!("第 {a} 轴下标 {first} 及之后"),
            )
        } else if hit.len() <= 4 {
            let list: Vec<String> = hit.iter().map(usize::to_string).collect();
            (
                format!("indices {} of axis {a}", join_en(&list)),
                format!("第 {a} 轴的下标 {}", list.join("、")),
            )
        } else {
            (
                format!("{} of the {len} indices of axis {a}", hit.len()),
                format!("第 {a} 轴 {len} 个下标中的 {} 个", hit.len()),
            )
        };
        en.push(e);
        zh.push(z);
        if en.len() == 2 {
            break;
        }
    }
    (!en.is_empty()).then(|| {
        (
            "confined",
            format!("the mismatches are confined to {}", join_en(&en)),
            format!("不匹配只出现在{}", zh.join("，")),
        )
    })
}

/// A region the mismatches keep to, when every failing case shows the same
/// kind of region.
fn region(failed: &[Failed<'_>], name: &str, tol: Tolerance) -> Option<Said> {
    let per_case: Option<Vec<(&'static str, String, String)>> = failed
        .iter()
        .filter(|f| matches!(f.mismatch, Mismatch::Values(_)))
        .map(|f| region_case(f, tol))
        .collect();
    let per_case = per_case?;
    let (id, en, zh) = per_case.first()?.clone();
    if per_case.iter().any(|(i, _, _)| *i != id) {
        return None;
    }
    let case = failed
        .iter()
        .find(|f| matches!(f.mismatch, Mismatch::Values(_)))
        .map(|f| f.obs.case)?;
    // "In all" only when every case's region is the very same one.
    let same = per_case.iter().all(|(_, e, _)| *e == en);
    let (all_en, all_zh) = match per_case.len() {
        1 => (String::new(), String::new()),
        k if same => (
            format!(", and so in all {k} failing cases"),
            format!("，{k} 个失败用例都是如此"),
        ),
        k => (
            format!(" (each of the {k} failing cases keeps to a region like it, not the same one)"),
            format!("（{k} 个失败用例各自局限在类似但不相同的区域）"),
        ),
    };
    Some(said(
        id,
        format!("in `{name}` of case {case}, {en}{all_en}"),
        format!("用例 {case} 的 `{name}` 中，{zh}{all_zh}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnosis::Outcome;
    use kata_harness::Outputs;
    use ndarray::{arr1, arr2};

    const TOL: Tolerance = Tolerance { rtol: 1e-6, atol: 1e-9 };

    fn one(got: Value, expected: Value, inputs: &Inputs) -> Vec<(String, String)> {
        let exp = Outputs::new().with("y", expected.clone());
        let got_out = Outputs::new().with("y", got.clone());
        let obs = Observed {
            case: "c",
            inputs,
            expected: &exp,
            outcome: Outcome::Returned {
                got: &got_out,
                passed: false,
            },
        };
        let mismatch = judge::compare(Some(&got), &expected, TOL).expect("differs");
        let failed = [Failed {
            obs: &obs,
            got: &got,
            expected: &expected,
            mismatch,
        }];
        let mut out = Vec::new();
        if let Some(s) = whole(&failed, "y", TOL) {
            out.push((s.id.to_string(), s.en));
        }
        if let Some(s) = region(&failed, "y", TOL) {
            out.push((s.id.to_string(), s.en));
        }
        out
    }

    #[test]
    fn scale_by_a_size_is_named() {
        let inputs = Inputs::new().with("q", ndarray::Array3::<f64>::zeros((1, 2, 4)));
        let e = arr2(&[[1.0, 2.0], [3.0, -1.0]]);
        let found = one(Value::from(e.mapv(|v| v * 2.0)), Value::from(e), &inputs);
        assert_eq!(found[0].0, "scaled", "{found:?}");
    }

    #[test]
    fn transposed_and_offsets_and_sign() {
        let inputs = Inputs::new().with("bias", arr1(&[0.5, -0.25]));
        let e = arr2(&[[1.0, 2.0], [3.0, -1.0], [0.3, 0.7]]);
        let found = one(Value::from(&e - &arr1(&[0.5, -0.25])), Value::from(e.clone()), &inputs);
        assert_eq!(found[0].0, "bias_missing", "{found:?}");
        let found = one(Value::from(e.mapv(|v| -v)), Value::from(e.clone()), &inputs);
        assert_eq!(found[0].0, "sign_flipped", "{found:?}");
        let found = one(Value::from(e.t().to_owned()), Value::from(e), &inputs);
        assert_eq!(found[0].0, "permuted_axes", "{found:?}");
    }

    #[test]
    fn renumbering_needs_entries_that_share_a_value() {
        let inputs = Inputs::new();
        let found = one(
            Value::from(arr1(&[1_i64, 1, 0])),
            Value::from(arr1(&[0_i64, 0, 1])),
            &inputs,
        );
        assert_eq!(found[0].0, "renumbered", "{found:?}");
        // Distinct values (a token per row): any renaming would fit.
        let found = one(Value::from(arr1(&[3_i64, 1])), Value::from(arr1(&[5_i64, 1])), &inputs);
        assert!(found.iter().all(|(id, _)| id != "renumbered"), "{found:?}");
    }

    /// Two cases confined to different rows: the region is the first case's,
    /// never claimed for both.
    #[test]
    fn a_region_is_claimed_for_every_case_only_when_it_is_the_same() {
        let inputs = Inputs::new();
        let e = arr2(&[[1.0, 2.0], [3.0, -1.0], [0.3, 0.7]]);
        let (mut last, mut first) = (e.clone(), e.clone());
        last[[2, 1]] = 9.0;
        first[[0, 0]] = 9.0;
        let exp = Outputs::new().with("y", Value::from(e.clone()));
        let outs = [
            Outputs::new().with("y", Value::from(last)),
            Outputs::new().with("y", Value::from(first)),
        ];
        let region_of = |gots: &[&Outputs]| {
            let obs: Vec<Observed<'_>> = gots
                .iter()
                .map(|got| Observed {
                    case: "c",
                    inputs: &inputs,
                    expected: &exp,
                    outcome: Outcome::Returned { got, passed: false },
                })
                .collect();
            let failed: Vec<Failed<'_>> = obs
                .iter()
                .zip(gots)
                .map(|(obs, got)| {
                    let (g, x) = (got.get("y").expect("y"), exp.get("y").expect("y"));
                    Failed {
                        obs,
                        got: g,
                        expected: x,
                        mismatch: judge::compare(Some(g), x, TOL).expect("differs"),
                    }
                })
                .collect();
            region(&failed, "y", TOL).map(|s| s.en).unwrap_or_default()
        };
        let same = region_of(&[&outs[0], &outs[0]]);
        assert!(same.contains("and so in all 2 failing cases"), "{same}");
        let different = region_of(&[&outs[0], &outs[1]]);
        assert!(!different.contains("in all"), "{different}");
        assert!(different.contains("not the same one"), "{different}");
    }

    #[test]
    fn mismatches_in_the_last_row_are_located() {
        let inputs = Inputs::new();
        let e = arr2(&[[1.0, 2.0], [3.0, -1.0], [0.3, 0.7]]);
        let mut u = e.clone();
        u[[2, 1]] = 9.0;
        let found = one(Value::from(u), Value::from(e), &inputs);
        assert!(
            found
                .iter()
                .any(|(id, en)| id == "confined" && en.contains("last index of axis 0")),
            "{found:?}"
        );
    }
}
