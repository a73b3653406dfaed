//! Rust panics explained: what the message means and the usual fix, pointing
//! at the user's line. Keyed by the message's text, so another track adds
//! its own table of exception texts beside this one.

use super::{Context, Finding, Kind, Outcome};

/// Rank of an explained panic: specific, it says which line and why.
pub const RANK: u32 = 5;

/// One known panic: a text its message contains, and what it means.
struct Known {
    id: &'static str,
    /// Any of these in the message.
    needles: &'static [&'static str],
    en: &'static str,
    zh: &'static str,
}

/// The known panics, most specific first (the first whose text occurs wins).
const KNOWN: &[Known] = &[
    Known {
        id: "incompatible_layout",
        needles: &["IncompatibleLayout"],
        en: "ndarray's ShapeError/IncompatibleLayout: into_shape_with_order (or into_shape) only reshapes an array whose elements already lie in row-major order, and a transposed or sliced view, or the result of `dot` (column-major when an axis has length 1), often is not. Use `.to_shape(shape)` (it copies only when it must) or `.as_standard_layout().into_shape_with_order(shape)`",
        zh: "ndarray 的 ShapeError/IncompatibleLayout：into_shape_with_order（或 into_shape）只能重塑元素已按行优先顺序排列的数组，而转置或切片得到的视图、以及 `dot` 的结果（某一轴长度为 1 时是列优先的）往往不是。改用 `.to_shape(shape)`（只在必要时复制）或 `.as_standard_layout().into_shape_with_order(shape)`",
    },
    Known {
        id: "incompatible_shape",
        needles: &["IncompatibleShape"],
        en: "ndarray's ShapeError/IncompatibleShape: the new shape holds a different number of elements than the array (its product of sizes must equal len()); check the sizes you computed, e.g. n_head·d against the width",
        zh: "ndarray 的 ShapeError/IncompatibleShape：新形状的元素个数与数组不同（各维之积必须等于 len()）；检查你算出的尺寸，例如 n_head·d 与宽度是否一致",
    },
    Known {
        id: "broadcast",
        needles: &["could not broadcast", "broadcast"],
        en: "a broadcast failed: ndarray aligns shapes from the last axis, and each pair of sizes must be equal or one of them 1; give the smaller array the missing axes with `.insert_axis(Axis(i))` (or `s![.., NewAxis]`) so that its axis lines up with the right one, or transpose it",
        zh: "广播失败：ndarray 从最后一个轴开始对齐形状，每对尺寸必须相等或其中之一为 1；用 `.insert_axis(Axis(i))`（或 `s![.., NewAxis]`）给较小的数组补上缺少的轴，使它对准正确的轴，或者先转置",
    },
    Known {
        id: "matmul_shapes",
        needles: &["not compatible for matrix multiplication", "inputs are not compatible"],
        en: "a matrix product of incompatible shapes: a.dot(&b) needs a's last axis as long as b's first; a weight in PyTorch's (out, in) layout is used as x.dot(&w.t()), and samples-as-columns as w.dot(&a)",
        zh: "矩阵乘法的形状不匹配：a.dot(&b) 要求 a 的最后一个轴与 b 的第一个轴等长；PyTorch 布局 (out, in) 的权重应写成 x.dot(&w.t())，样本按列排列时写成 w.dot(&a)",
    },
    Known {
        id: "usize_underflow",
        needles: &["attempt to subtract with overflow"],
        en: "a usize went below zero: sizes and indices are unsigned, so `h - kh + 2 * ph` fails when kh > h even though the whole is positive, and `i - 1` fails at i = 0; add before subtracting (`h + 2 * ph - kh`), or use checked_sub / saturating_sub, or compute in isize",
        zh: "usize 减到了零以下：尺寸和下标都是无符号数，所以即使整体为正，`h - kh + 2 * ph` 在 kh > h 时也会出错，`i - 1` 在 i = 0 时出错；先加后减（`h + 2 * ph - kh`），或用 checked_sub / saturating_sub，或改用 isize 计算",
    },
    Known {
        id: "arithmetic_overflow",
        needles: &["attempt to add with overflow", "attempt to multiply with overflow"],
        en: "an integer overflowed: a size or index grew past its type's range, usually from a subtraction that wrapped just before",
        zh: "整数溢出：某个尺寸或下标超出了类型的范围，通常是前面的减法已经回绕",
    },
    Known {
        id: "divide_by_zero",
        needles: &["attempt to divide by zero", "attempt to calculate the remainder with a divisor of zero"],
        en: "an integer division by zero: a count or size was 0 (an empty cluster, an empty batch, a stride or n_head of 0?); guard it before dividing",
        zh: "整数除以零：某个计数或尺寸为 0（空簇、空批次、步长或 n_head 为 0？）；除法之前先判断",
    },
    Known {
        id: "index_out_of_bounds",
        needles: &["index out of bounds", "out of bounds"],
        en: "an index past the end of an axis: check the loop bounds against each axis's length (an output size computed from the wrong formula, padding not added to the input, or rows and columns swapped)",
        zh: "下标越过了某个轴的末端：对照每个轴的长度检查循环边界（输出尺寸公式不对、输入没有加上填充，或行列弄反了）",
    },
    Known {
        id: "slice_out_of_range",
        needles: &["assertion failed: end <= dim", "assertion failed: start <= dim", "end <= len", "range end index", "range start index"],
        en: "a slice past the end of an axis: check its bounds against the axis's length (the last, shorter batch? the padded size?)",
        zh: "切片超出了轴的末端：对照轴的长度检查边界（最后一个较短的批次？加填充后的尺寸？）",
    },
    Known {
        id: "unwrap_none",
        needles: &["called `Option::unwrap()` on a `None` value"],
        en: "unwrap() on None: e.g. `mean_axis` of an empty axis, `max` of an empty iterator, or an optional argument (weight, bias, mask) that this case does not pass; handle the None",
        zh: "对 None 调用了 unwrap()：例如对空轴求 `mean_axis`、对空迭代器求 `max`，或本用例没有传入的可选参数（weight、bias、mask）；请处理 None 的情况",
    },
];

/// One finding per kind of panic among the failing cases, at the first
/// place it happened.
pub fn findings(cx: &Context<'_>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for obs in &cx.observed {
        let Outcome::Panicked { message, location } = obs.outcome else {
            continue;
        };
        let Some(known) = KNOWN.iter().find(|k| k.needles.iter().any(|n| message.contains(n))) else {
            continue;
        };
        if out.iter().any(|f| f.id == known.id) {
            continue;
        }
        let (at_en, at_zh) = match (location, location.and_then(library_location)) {
            (_, Some(l)) => (
                format!(" (case {}, inside {l}, called from your code)", obs.case),
                format!("（用例 {}，位置在库代码 {l} 中，由你的代码调用）", obs.case),
            ),
            (Some(l), None) => (
                format!(" (case {}, at {l})", obs.case),
                format!("（用例 {}，位置 {l}）", obs.case),
            ),
            (None, None) => (format!(" (case {})", obs.case), format!("（用例 {}）", obs.case)),
        };
        out.push(Finding {
            kind: Kind::Panic,
            id: known.id.to_string(),
            en: format!("{}{at_en}", known.en),
            zh: format!("{}{at_zh}", known.zh),
            rank: RANK,
            output: None,
        });
    }
    out
}

/// A panic location inside a downloaded crate, shortened to the crate and
/// its file (`ndarray-0.17.2: src/arraytraits.rs:36:5`); `None` for a
/// location in the user's code. ndarray's indexing panics at its own line,
/// not the caller's.
pub fn library_location(location: &str) -> Option<String> {
    let (_, rest) = location.split_once("/registry/src/")?;
    let in_crate = rest.split_once('/').map_or(rest, |(_, crate_path)| crate_path);
    Some(in_crate.replacen("/src/", ": src/", 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(message: &str) -> Option<&'static str> {
        KNOWN
            .iter()
            .find(|k| k.needles.iter().any(|n| message.contains(n)))
            .map(|k| k.id)
    }

    #[test]
    fn a_location_inside_a_crate_is_named_by_crate_and_file() {
        let l = "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/ndarray-0.17.2/src/arraytraits.rs:36:5";
        assert_eq!(
            library_location(l).as_deref(),
            Some("ndarray-0.17.2: src/arraytraits.rs:36:5")
        );
        assert_eq!(library_location("katas/layer_norm.rs:31:56"), None);
    }

    #[test]
    fn real_messages_are_recognised() {
        let layout =
            "called `Result::unwrap()` on an `Err` value: ShapeError/IncompatibleLayout: incompatible memory layout";
        assert_eq!(id_of(layout), Some("incompatible_layout"));
        assert_eq!(
            id_of("ndarray: could not broadcast array from shape: [3] to: [2, 4]"),
            Some("broadcast")
        );
        assert_eq!(id_of("attempt to subtract with overflow"), Some("usize_underflow"));
        assert_eq!(
            id_of("index out of bounds: the len is 3 but the index is 3"),
            Some("index_out_of_bounds")
        );
        assert_eq!(id_of("ndarray: index out of bounds"), Some("index_out_of_bounds"));
        assert_eq!(id_of("something else"), None);
    }
}
