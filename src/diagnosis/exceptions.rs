//! Python exceptions explained (the Python track's counterpart of
//! [`super::panics`]): what NumPy's message means, with the sizes it names,
//! and the usual fix. Only messages whose meaning is certain are explained;
//! anything else is left to the exception's own line.

use super::{Finding, Kind};
use crate::run::Raised;

/// Rank of an explained exception: specific, it says which line and why.
pub const RANK: u32 = super::panics::RANK;

/// One finding per kind of exception among the failing cases of a part, at
/// the first place it was raised.
pub fn findings<'a>(raised: impl IntoIterator<Item = (&'a str, &'a Raised)>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for (case, r) in raised {
        let Some((id, en, zh)) = explain(&r.exception, &r.message) else {
            continue;
        };
        if out.iter().any(|f| f.id == id) {
            continue;
        }
        let (at_en, at_zh) = match &r.location {
            Some(l) => (format!(" (case {case}, at {l})"), format!("（用例 {case}，位置 {l}）")),
            None => (format!(" (case {case})"), format!("（用例 {case}）")),
        };
        out.push(Finding {
            kind: Kind::Exception,
            id: id.to_string(),
            en: format!("{en}{at_en}"),
            zh: format!("{zh}{at_zh}"),
            rank: RANK,
            output: None,
        });
    }
    out
}

/// The explanation of one exception, by its type and message: an id, and
/// the text in English and Chinese.
fn explain(exception: &str, message: &str) -> Option<(&'static str, String, String)> {
    let message = message.trim();
    match exception {
        "ValueError" => broadcast(message)
            .or_else(|| matmul_batch(message))
            .or_else(|| assignment(message))
            .or_else(|| matmul(message))
            .or_else(|| dot(message))
            .or_else(|| reshape(message)),
        "IndexError" => index(message).or_else(|| float_index(message)),
        "AxisError" => axis(message),
        "TypeError" => none_value(message).or_else(|| linear_called(message)),
        "AttributeError" => none_value(message),
        _ => None,
    }
}

/// `unsupported operand type(s) for *: 'float' and 'NoneType'`, `'NoneType'
/// object is not subscriptable`, `'NoneType' object has no attribute
/// 'shape'`: a value was None.
fn none_value(message: &str) -> Option<(&'static str, String, String)> {
    message.contains("'NoneType'").then(|| {
        (
            "none_value",
            "a value is None where a number or an array was expected: an optional argument that this case \
             passes as None (weight, bias, mask, ignore_index: the stub's docstring says which may be None; test \
             `if weight is not None`), a function of yours that returns nothing, or the result of a method that \
             works in place and returns None (`order = a.sort()`, `xs = xs.append(x)`)"
                .to_string(),
            "某个值是 None，而这里需要数或数组：要么是本用例传入 None 的可选参数（weight、bias、mask、\
             ignore_index 等：桩文件的文档字符串写明了哪些可以是 None；先判断 `if weight is not None`），\
             要么是你的某个函数没有返回值，要么是把原地修改、返回 None 的方法的结果赋给了变量\
             （`order = a.sort()`、`xs = xs.append(x)`）"
                .to_string(),
        )
    })
}

/// `'Linear' object is not callable`: the prelude's Linear holds a weight
/// and a bias, and computes nothing itself.
fn linear_called(message: &str) -> Option<(&'static str, String, String)> {
    (message == "'Linear' object is not callable").then(|| {
        (
            "linear_not_callable",
            "a Linear is not a function: katas/prelude.py's Linear only holds weight (out, in) and bias (out,); \
             apply it as `x @ layer.weight.T + layer.bias`"
                .to_string(),
            "Linear 不是函数：katas/prelude.py 里的 Linear 只保存 weight (out, in) 和 bias (out,)；\
             请写成 `x @ layer.weight.T + layer.bias`"
                .to_string(),
        )
    })
}

/// `arrays used as indices must be of integer (or boolean) type`, `only
/// integers, slices (...) ... are valid indices`: a float used as an index.
fn float_index(message: &str) -> Option<(&'static str, String, String)> {
    let array = message.starts_with("arrays used as indices must be of integer (or boolean) type");
    let scalar = message.starts_with("only integers, slices");
    (array || scalar).then(|| {
        (
            "float_index",
            "an index that is not an integer: indices must be integers (or booleans for a mask); a division \
             with `/` gives floats even between integers, so use `//`, `int(...)` or `.astype(np.int64)`"
                .to_string(),
            "下标不是整数：下标必须是整数（掩码则为布尔值）；即使是两个整数，用 `/` 相除得到的也是浮点数，\
             请改用 `//`、`int(...)` 或 `.astype(np.int64)`"
                .to_string(),
        )
    })
}

/// A shape as NumPy prints it, `(2,3)`, `(2,)` or `()`; `None` for anything
/// else (`newaxis`, `-1`).
fn parse_shape(s: &str) -> Option<Vec<usize>> {
    let inner = s.trim().strip_prefix('(')?.strip_suffix(')')?;
    inner
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect()
}

/// A shape as NumPy prints it.
fn show(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!("({})", shape.iter().map(usize::to_string).collect::<Vec<_>>().join(",")),
    }
}

/// `operands could not be broadcast together with shapes (2,3) (2,)`: which
/// sizes met, at which axes, and when one shape is the leading axes of the
/// other, how to keep the axes a reduction dropped.
fn broadcast(message: &str) -> Option<(&'static str, String, String)> {
    let rest = message.strip_prefix("operands could not be broadcast together with shapes ")?;
    let shapes: Vec<Vec<usize>> = rest.split_whitespace().map(parse_shape).collect::<Option<_>>()?;
    if shapes.len() < 2 {
        return None;
    }
    let (back, a, b) = first_conflict(&shapes)?;
    let (sa, sb) = (&shapes[a], &shapes[b]);
    let (ia, ib) = (sa.len() - back, sb.len() - back);
    let mut en = format!(
        "a broadcast failed: NumPy lines shapes up from the last axis, and sizes that meet must be equal or 1; \
         here {} meets {}: size {} (axis {ia} of {}) against {} (axis {ib} of {})",
        show(sa),
        show(sb),
        sa[ia],
        show(sa),
        sb[ib],
        show(sb)
    );
    let mut zh = format!(
        "广播失败：NumPy 从最后一个轴开始对齐形状，对齐的尺寸必须相等或其中之一为 1；\
         这里 {} 与 {} 对齐时，{} 的轴 {ia}（尺寸 {}）对上了 {} 的轴 {ib}（尺寸 {}）",
        show(sa),
        show(sb),
        show(sa),
        sa[ia],
        show(sb),
        sb[ib]
    );
    // The shorter shape is the longer one's leading axes: a per-row value
    // (a mean or sum over the trailing axes) that lost its axes.
    let (short, long) = if sa.len() < sb.len() { (sa, sb) } else { (sb, sa) };
    if !short.is_empty() && short.len() < long.len() && long.starts_with(short) {
        let missing = long.len() - short.len();
        let index = format!("[...{}]", ", None".repeat(missing));
        en += &format!(
            ". {} matches the leading axes of {}: if it holds one value per group of the trailing axes (a mean, sum or \
             max over them), keep those axes as size 1, with keepdims=True in that reduction or by indexing it \
             {index}",
            show(short),
            show(long)
        );
        zh += &format!(
            "。{} 正是 {} 开头的几个轴：如果它是末尾几个轴上每组一个的值（沿这些轴求的均值、和或最大值），\
             就把这些轴保留为尺寸 1：在那次归约里加 keepdims=True，或者用 {index} 索引它",
            show(short),
            show(long)
        );
    }
    Some(("broadcast", en, zh))
}

/// The first axis from the end where two of `shapes` have sizes other than
/// 1 that differ: how far from the end, and which two shapes.
fn first_conflict(shapes: &[Vec<usize>]) -> Option<(usize, usize, usize)> {
    let rank = shapes.iter().map(Vec::len).max()?;
    (1..=rank).find_map(|back| {
        let at = |s: &Vec<usize>| (s.len() >= back).then(|| s[s.len() - back]).filter(|&n| n != 1);
        let first = shapes.iter().position(|s| at(s).is_some())?;
        let other = shapes
            .iter()
            .position(|s| at(s).is_some_and(|n| Some(n) != at(&shapes[first])))?;
        Some((back, first, other))
    })
}

/// `operands could not be broadcast together with remapped shapes
/// [original->remapped]: (1,6,3,5)->(1,6,newaxis,newaxis)
/// (1,2,5,7)->(1,2,newaxis,newaxis)  and requested shape (3,7)`: the batch
/// axes of a matrix product (`@` on stacks of matrices) do not broadcast.
fn matmul_batch(message: &str) -> Option<(&'static str, String, String)> {
    let rest =
        message.strip_prefix("operands could not be broadcast together with remapped shapes [original->remapped]: ")?;
    let (operands, _) = rest.split_once(" and requested shape ")?;
    let mut originals = Vec::new();
    let mut batches = Vec::new();
    for token in operands.split_whitespace() {
        let (original, remapped) = token.split_once("->")?;
        let original = parse_shape(original)?;
        let inner = remapped.strip_prefix('(')?.strip_suffix(')')?;
        let core = inner.split(',').rev().take_while(|p| p.trim() == "newaxis").count();
        batches.push(original[..original.len().checked_sub(core)?].to_vec());
        originals.push(original);
    }
    if batches.len() != 2 {
        return None;
    }
    let (back, a, b) = first_conflict(&batches)?;
    let (ba, bb) = (&batches[a], &batches[b]);
    let (na, nb) = (ba[ba.len() - back], bb[bb.len() - back]);
    let (oa, ob) = (show(&originals[a]), show(&originals[b]));
    Some((
        "matmul_batch",
        format!(
            "a product of stacks of matrices whose stacks do not match: in `a @ b` every axis but the last two \
             is a batch axis, and those must broadcast like any shapes (lined up from the right, sizes equal or \
             1); here a {oa} has batch axes {} and b {ob} has {}: {na} against {nb}",
            show(ba),
            show(bb)
        ),
        format!(
            "两叠矩阵相乘时批量轴不匹配：`a @ b` 中除最后两个轴外都是批量轴，它们必须像普通形状一样能广播\
             （从右对齐，尺寸相等或其中之一为 1）；这里 a {oa} 的批量轴是 {}，b {ob} 的是 {}：{na} 对 {nb}",
            show(ba),
            show(bb)
        ),
    ))
}

/// `could not broadcast input array from shape (4,) into shape (2,3)`: an
/// assignment into a slice.
fn assignment(message: &str) -> Option<(&'static str, String, String)> {
    let rest = message.strip_prefix("could not broadcast input array from shape ")?;
    let (from, into) = rest.split_once(" into shape ")?;
    let (from, into) = (parse_shape(from)?, parse_shape(into)?);
    Some((
        "broadcast_assignment",
        format!(
            "an assignment `a[...] = value` failed: the value, shaped {}, must broadcast to the shape of the \
             place it is written to, {} (shapes lined up from the last axis, sizes equal or 1)",
            show(&from),
            show(&into)
        ),
        format!(
            "赋值 `a[...] = value` 失败：形状为 {} 的值必须能广播到被写入位置的形状 {}（从最后一个轴开始对齐，\
             尺寸相等或其中之一为 1）",
            show(&from),
            show(&into)
        ),
    ))
}

/// `matmul: Input operand 1 has a mismatch in its core dimension 0, with
/// gufunc signature (n?,k),(k,m?)->(n?,m?) (size 7 is different from 4)`:
/// the first operand's last axis is 4 long, the second's second-to-last 7.
fn matmul(message: &str) -> Option<(&'static str, String, String)> {
    let rest = message.strip_prefix("matmul: Input operand 1 has a mismatch in its core dimension 0")?;
    let sizes = rest.rsplit_once("(size ")?.1.strip_suffix(')')?;
    let (b, a) = sizes.split_once(" is different from ")?;
    let (b, a): (usize, usize) = (b.trim().parse().ok()?, a.trim().parse().ok()?);
    Some((
        "matmul_shapes",
        format!(
            "a matrix product of incompatible shapes: in `a @ b` (np.matmul) the last axis of a must be as long \
             as the second-to-last axis of b (its only axis when b is 1-D); here a's is {a} long and b's {b}. \
             Transpose the operand that lies the wrong way round (`w.T`, or `k.swapaxes(-1, -2)` for a stack of \
             matrices): a weight in PyTorch's (out, in) layout is applied as `x @ w.T`"
        ),
        format!(
            "矩阵乘法的形状不匹配：`a @ b`（np.matmul）要求 a 的最后一个轴与 b 的倒数第二个轴（b 为一维时即它唯一的轴）\
             等长；这里 a 的是 {a}，b 的是 {b}。把方向放反的那个操作数转置（`w.T`；一叠矩阵用 \
             `k.swapaxes(-1, -2)`）：PyTorch 布局 (out, in) 的权重应写成 `x @ w.T`"
        ),
    ))
}

/// `shapes (2,3) and (4,3) not aligned: 3 (dim 1) != 4 (dim 0)`, from
/// `np.dot`.
fn dot(message: &str) -> Option<(&'static str, String, String)> {
    let rest = message.strip_prefix("shapes ")?;
    let (shapes, sizes) = rest.split_once(" not aligned: ")?;
    let (a, b) = shapes.split_once(" and ")?;
    let (a, b) = (parse_shape(a)?, parse_shape(b)?);
    let (left, right) = sizes.split_once(" != ")?;
    let dim = |s: &str| -> Option<(usize, usize)> {
        let (size, dim) = s.trim().split_once(" (dim ")?;
        Some((size.parse().ok()?, dim.strip_suffix(')')?.parse().ok()?))
    };
    let ((na, da), (nb, db)) = (dim(left)?, dim(right)?);
    Some((
        "matmul_shapes",
        format!(
            "a matrix product of incompatible shapes: np.dot(a, b) (or a.dot(b)) needs a's last axis as long as \
             b's second-to-last (its only axis when b is 1-D); here a {} has {na} on axis {da} and b {} has {nb} on \
             axis {db}. Transpose the operand that lies the wrong way round: a weight in PyTorch's (out, in) \
             layout is applied as `x @ w.T`",
            show(&a),
            show(&b)
        ),
        format!(
            "矩阵乘法的形状不匹配：np.dot(a, b)（或 a.dot(b)）要求 a 的最后一个轴与 b 的倒数第二个轴（b 为一维时即它唯一的轴）\
             等长；这里 a {} 的轴 {da} 是 {na}，b {} 的轴 {db} 是 {nb}。把方向放反的那个操作数转置：\
             PyTorch 布局 (out, in) 的权重应写成 `x @ w.T`",
            show(&a),
            show(&b)
        ),
    ))
}

/// `cannot reshape array of size 6 into shape (4,2)`.
fn reshape(message: &str) -> Option<(&'static str, String, String)> {
    let rest = message.strip_prefix("cannot reshape array of size ")?;
    let (size, shape) = rest.split_once(" into shape ")?;
    let size: usize = size.trim().parse().ok()?;
    let shape = parse_shape(shape)?;
    let holds: usize = shape.iter().product();
    (holds != size).then(|| {
        (
            "reshape_size",
            format!(
                "a reshape to a shape of another size: the array holds {size} elements and {} holds {holds} (its \
                 sizes multiplied); check the sizes computed for the new shape",
                show(&shape)
            ),
            format!(
                "重塑（reshape）的目标形状元素个数不同：数组有 {size} 个元素，而 {} 有 {holds} 个（各维之积）；\
                 检查为新形状算出的各个尺寸",
                show(&shape)
            ),
        )
    })
}

/// `index 5 is out of bounds for axis 0 with size 2`.
fn index(message: &str) -> Option<(&'static str, String, String)> {
    let rest = message.strip_prefix("index ")?;
    let (index, rest) = rest.split_once(" is out of bounds for axis ")?;
    let (axis, size) = rest.split_once(" with size ")?;
    let index: i64 = index.trim().parse().ok()?;
    let axis: usize = axis.trim().parse().ok()?;
    let size: usize = size.trim().parse().ok()?;
    let (range_en, range_zh) = if size == 0 {
        (
            format!("axis {axis} is empty (size 0): no index is valid"),
            format!("轴 {axis} 是空的（尺寸 0）：任何下标都无效"),
        )
    } else {
        (
            format!(
                "axis {axis} has size {size}, so its indices run from 0 to {} (or −{size} to −1)",
                size - 1
            ),
            format!(
                "轴 {axis} 的尺寸是 {size}，下标只能从 0 到 {}（或 −{size} 到 −1）",
                size - 1
            ),
        )
    };
    Some((
        "index_out_of_bounds",
        format!(
            "index {index} lies outside an axis: {range_en}; check the loop bound or the index computed \
             against that axis's length (`.shape[{axis}]`)"
        ),
        format!("下标 {index} 超出了轴的范围：{range_zh}；对照该轴的长度（`.shape[{axis}]`）检查循环边界或算出的下标"),
    ))
}

/// `axis 3 is out of bounds for array of dimension 3`.
fn axis(message: &str) -> Option<(&'static str, String, String)> {
    let rest = message.strip_prefix("axis ")?;
    let (axis, ndim) = rest.split_once(" is out of bounds for array of dimension ")?;
    let axis: i64 = axis.trim().parse().ok()?;
    let ndim: usize = ndim.trim().parse().ok()?;
    let (has_en, has_zh) = if ndim == 0 {
        (
            "a 0-d array (a scalar) has no axes".to_string(),
            "0 维数组（标量）没有轴".to_string(),
        )
    } else {
        (
            format!(
                "an array of dimension {ndim} has axes 0 to {} (or −{ndim} to −1)",
                ndim - 1
            ),
            format!("{ndim} 维数组的轴只有 0 到 {}（或 −{ndim} 到 −1）", ndim - 1),
        )
    };
    Some((
        "axis_out_of_bounds",
        format!("axis {axis} does not exist: {has_en}; the array has fewer axes than the code expects"),
        format!("轴 {axis} 不存在：{has_zh}；数组的轴比代码预期的少"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(exception: &str, message: &str) -> Option<String> {
        explain(exception, message).map(|(_, en, _)| en)
    }

    #[test]
    fn a_broadcast_names_the_sizes_that_met_and_the_lost_axis() {
        let e = en(
            "ValueError",
            "operands could not be broadcast together with shapes (2,3) (2,) ",
        )
        .unwrap();
        assert!(e.contains("size 3 (axis 1 of (2,3)) against 2 (axis 0 of (2,))"), "{e}");
        assert!(e.contains("keepdims=True") && e.contains("[..., None]"), "{e}");
        let e = en(
            "ValueError",
            "operands could not be broadcast together with shapes (2,3,4) (2,3) ",
        )
        .unwrap();
        assert!(
            e.contains("size 4 (axis 2 of (2,3,4)) against 3 (axis 1 of (2,3))"),
            "{e}"
        );
        assert!(e.contains("[..., None]"), "{e}");
        // Not the leading axes: no word on keepdims.
        let e = en(
            "ValueError",
            "operands could not be broadcast together with shapes (4,3) (4,) ",
        )
        .unwrap();
        assert!(e.contains("keepdims"), "{e}");
        let e = en(
            "ValueError",
            "operands could not be broadcast together with shapes (3,4) (3,) ",
        )
        .unwrap();
        assert!(e.contains("keepdims"), "{e}");
        let e = en(
            "ValueError",
            "operands could not be broadcast together with shapes (3,4) (5,) ",
        )
        .unwrap();
        assert!(!e.contains("keepdims"), "{e}");
        assert!(e.contains("size 4 (axis 1 of (3,4)) against 5 (axis 0 of (5,))"), "{e}");
        // Three operands (np.where): the two that disagree; a 1 never does.
        let e = en(
            "ValueError",
            "operands could not be broadcast together with shapes (2,1,4) (1,3,1) (2,5,4) ",
        )
        .unwrap();
        assert!(
            e.contains("size 3 (axis 1 of (1,3,1)) against 5 (axis 1 of (2,5,4))"),
            "{e}"
        );
        // Two (2,3,4) against (2,4): the mismatch is one axis in.
        let e = en(
            "ValueError",
            "operands could not be broadcast together with shapes (2,3,4) (3,2,4) ",
        )
        .unwrap();
        assert!(
            e.contains("size 3 (axis 1 of (2,3,4)) against 2 (axis 1 of (3,2,4))"),
            "{e}"
        );
        assert!(!e.contains("keepdims"), "{e}");
        // Remapped shapes (matmul's batch axes, einsum) are not explained.
        assert_eq!(
            en(
                "ValueError",
                "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(2,newaxis,3) (4,5)->(5,4) "
            ),
            None
        );
    }

    #[test]
    fn stacks_of_matrices_name_their_batch_axes() {
        let e = en(
            "ValueError",
            "operands could not be broadcast together with remapped shapes [original->remapped]: (1,6,3,5)->(1,6,newaxis,newaxis) (1,2,5,7)->(1,2,newaxis,newaxis)  and requested shape (3,7)",
        )
        .unwrap();
        assert!(
            e.contains("a (1,6,3,5) has batch axes (1,6) and b (1,2,5,7) has (1,2): 6 against 2"),
            "{e}"
        );
        let e = en(
            "ValueError",
            "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3,4)->(2,newaxis,newaxis) (3,4,5)->(3,newaxis,newaxis)  and requested shape (3,5)",
        )
        .unwrap();
        assert!(e.contains("(2,) and b (3,4,5) has (3,): 2 against 3"), "{e}");
        // einsum's remapped shapes are not a matrix product's.
        assert_eq!(
            en(
                "ValueError",
                "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)->(2,newaxis,3) (4,5)->(5,4) "
            ),
            None
        );
    }

    #[test]
    fn matrix_products_name_both_sizes() {
        let e = en(
            "ValueError",
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 7 is different from 4)",
        )
        .unwrap();
        assert!(e.contains("here a's is 4 long and b's 7"), "{e}");
        let e = en(
            "ValueError",
            "shapes (2,3) and (4,3) not aligned: 3 (dim 1) != 4 (dim 0)",
        )
        .unwrap();
        assert!(e.contains("a (2,3) has 3 on axis 1 and b (4,3) has 4 on axis 0"), "{e}");
    }

    #[test]
    fn other_numpy_errors_are_explained_with_their_numbers() {
        let e = en("IndexError", "index 5 is out of bounds for axis 0 with size 2").unwrap();
        assert!(
            e.contains("from 0 to 1 (or −2 to −1)") && e.contains(".shape[0]"),
            "{e}"
        );
        let e = en("IndexError", "index 0 is out of bounds for axis 0 with size 0").unwrap();
        assert!(e.contains("empty"), "{e}");
        let e = en("ValueError", "cannot reshape array of size 6 into shape (4,2)").unwrap();
        assert!(e.contains("holds 6 elements and (4,2) holds 8"), "{e}");
        assert_eq!(
            en("ValueError", "cannot reshape array of size 6 into shape (4,newaxis)"),
            None
        );
        let e = en("AxisError", "axis 3 is out of bounds for array of dimension 3").unwrap();
        assert!(e.contains("axes 0 to 2"), "{e}");
        let e = en(
            "ValueError",
            "could not broadcast input array from shape (4,) into shape (2,3)",
        )
        .unwrap();
        assert!(e.contains("shaped (4,)") && e.contains("(2,3)"), "{e}");
        assert_eq!(en("IndexError", "list index out of range"), None);
        for (exception, message) in [
            ("TypeError", "unsupported operand type(s) for *: 'float' and 'NoneType'"),
            ("TypeError", "'NoneType' object is not subscriptable"),
            ("AttributeError", "'NoneType' object has no attribute 'shape'"),
        ] {
            assert!(en(exception, message).unwrap().contains("is None"), "{message}");
        }
        assert_eq!(
            en("TypeError", "unsupported operand type(s) for *: 'float' and 'str'"),
            None
        );
        assert!(en("TypeError", "'Linear' object is not callable")
            .unwrap()
            .contains("x @ layer.weight.T + layer.bias"));
        let e = en(
            "IndexError",
            "arrays used as indices must be of integer (or boolean) type",
        )
        .unwrap();
        assert!(e.contains("`//`"), "{e}");
        assert!(en(
            "IndexError",
            "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices"
        )
        .is_some());
        assert_eq!(
            en(
                "TypeError",
                "operands could not be broadcast together with shapes (2,3) (2,) "
            ),
            None
        );
    }
}
