//! Comparing a part's outputs with the expected ones.
//!
//! Reals pass when `|got − exp| ≤ atol + rtol·|exp|`; a NaN or infinity where
//! a finite number is expected fails. Shapes must match exactly (no
//! broadcasting), bar an empty result where an empty one is expected;
//! integers and booleans must be equal.

use kata_harness::{Outputs, Value};
use serde::{Deserialize, Serialize};

/// Tolerances of one part.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tolerance {
    /// Relative.
    pub rtol: f64,
    /// Absolute.
    pub atol: f64,
}

impl Tolerance {
    /// Whether `got` is close enough to `exp`.
    pub fn close(&self, got: f64, exp: f64) -> bool {
        if exp.is_finite() {
            got.is_finite() && (got - exp).abs() <= self.atol + self.rtol * exp.abs()
        } else {
            // Never expected of a kata, but judged exactly should a case hold one.
            got == exp || (got.is_nan() && exp.is_nan())
        }
    }
}

/// How one output differs from the expected one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Mismatch {
    /// The function returned no such output (never from a correct adapter).
    Missing,
    /// Different element types.
    Dtype { got: String, expected: String },
    /// Different shapes.
    Shape { got: Vec<usize>, expected: Vec<usize> },
    /// Same shape, some elements differ.
    Values(ValueDiff),
}

/// The torch.testing-style summary of differing elements.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ValueDiff {
    /// Elements out of tolerance.
    pub mismatched: usize,
    /// All elements.
    pub total: usize,
    /// Flat index of the first bad element.
    pub first: usize,
    /// The first non-finite element where a finite one was expected.
    pub non_finite: Option<usize>,
    /// Greatest absolute difference among finite elements, and where.
    pub max_abs: Option<(f64, usize)>,
    /// Greatest relative difference among finite elements, and where.
    pub max_rel: Option<(f64, usize)>,
}

/// Compares one output.
pub fn compare(got: Option<&Value>, expected: &Value, tol: Tolerance) -> Option<Mismatch> {
    let got = match got {
        Some(g) => g,
        None => return Some(Mismatch::Missing),
    };
    // An empty result is the empty one expected whatever its shape or type
    // (`Array2::zeros((0, 0))` for no merges, `np.array([])` for no boxes):
    // it holds no value that could be wrong.
    let empty = |v: &Value| v.shape().iter().product::<usize>() == 0;
    if empty(got) && empty(expected) {
        return None;
    }
    if got.dtype() != expected.dtype() {
        return Some(Mismatch::Dtype {
            got: got.dtype().into(),
            expected: expected.dtype().into(),
        });
    }
    if got.shape() != expected.shape() {
        return Some(Mismatch::Shape {
            got: got.shape().to_vec(),
            expected: expected.shape().to_vec(),
        });
    }
    let diff = match (got, expected) {
        (Value::F64(g), Value::F64(e)) => diff_reals(g.iter().copied(), e.iter().copied(), tol),
        (Value::Int(g), Value::Int(e)) => diff_exact(g.iter(), e.iter()),
        (Value::Bool(g), Value::Bool(e)) => diff_exact(g.iter(), e.iter()),
        _ => unreachable!("dtypes were compared above"),
    };
    (diff.mismatched > 0).then_some(Mismatch::Values(diff))
}

/// Compares every expected output of a part; the mismatches by output name.
pub fn compare_all(got: &Outputs, expected: &Outputs, tol: Tolerance) -> Vec<(String, Mismatch)> {
    expected
        .0
        .iter()
        .filter_map(|(name, exp)| compare(got.get(name), exp, tol).map(|m| (name.clone(), m)))
        .collect()
}

/// Whether every expected output is matched.
pub fn matches(got: &Outputs, expected: &Outputs, tol: Tolerance) -> bool {
    expected
        .0
        .iter()
        .all(|(name, exp)| compare(got.get(name), exp, tol).is_none())
}

fn diff_reals(got: impl Iterator<Item = f64>, exp: impl Iterator<Item = f64>, tol: Tolerance) -> ValueDiff {
    let mut d = ValueDiff::default();
    for (i, (g, e)) in got.zip(exp).enumerate() {
        d.total += 1;
        if tol.close(g, e) {
            continue;
        }
        if d.mismatched == 0 {
            d.first = i;
        }
        d.mismatched += 1;
        if !g.is_finite() {
            d.non_finite.get_or_insert(i);
            continue;
        }
        let abs = (g - e).abs();
        let rel = if e == 0.0 { f64::INFINITY } else { abs / e.abs() };
        if d.max_abs.is_none_or(|(m, _)| abs > m) {
            d.max_abs = Some((abs, i));
        }
        if d.max_rel.is_none_or(|(m, _)| rel > m) {
            d.max_rel = Some((rel, i));
        }
    }
    d
}

fn diff_exact<'a, T: PartialEq + 'a>(got: impl Iterator<Item = &'a T>, exp: impl Iterator<Item = &'a T>) -> ValueDiff {
    let mut d = ValueDiff::default();
    for (i, (g, e)) in got.zip(exp).enumerate() {
        d.total += 1;
        if g != e {
            if d.mismatched == 0 {
                d.first = i;
            }
            d.mismatched += 1;
        }
    }
    d
}

/// A flat index as a multi-index, e.g. `[1, 2]`.
pub fn unravel(mut flat: usize, shape: &[usize]) -> Vec<usize> {
    let mut index = vec![0; shape.len()];
    for (slot, &dim) in index.iter_mut().zip(shape).rev() {
        if dim > 0 {
            *slot = flat % dim;
            flat /= dim;
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{arr1, arr2, ArrayD, IxDyn};

    const TOL: Tolerance = Tolerance { rtol: 1e-6, atol: 1e-9 };

    #[test]
    fn tolerance_is_relative_plus_absolute() {
        assert!(TOL.close(1.0 + 5e-7, 1.0));
        assert!(!TOL.close(1.0 + 2e-6, 1.0));
        assert!(TOL.close(5e-10, 0.0));
        assert!(!TOL.close(2e-9, 0.0));
        assert!(!TOL.close(f64::NAN, 0.0));
        assert!(!TOL.close(f64::INFINITY, 1e308));
    }

    #[test]
    fn shapes_must_match_exactly() {
        let got = Value::from(arr2(&[[1.0, 2.0]]));
        let exp = Value::from(arr1(&[1.0, 2.0]));
        assert_eq!(
            compare(Some(&got), &exp, TOL),
            Some(Mismatch::Shape {
                got: vec![1, 2],
                expected: vec![2]
            })
        );
    }

    #[test]
    fn value_diff_finds_worst_and_non_finite() {
        let got = Value::from(arr1(&[1.0, f64::NAN, 3.5, 4.0]));
        let exp = Value::from(arr1(&[1.0, 2.0, 3.0, 4.0]));
        let Some(Mismatch::Values(d)) = compare(Some(&got), &exp, TOL) else {
            panic!("should differ")
        };
        assert_eq!((d.mismatched, d.total, d.first, d.non_finite), (2, 4, 1, Some(1)));
        assert_eq!(d.max_abs, Some((0.5, 2)));
    }

    #[test]
    fn an_empty_result_matches_an_empty_expected_one_whatever_its_shape() {
        let exp = Value::Int(ArrayD::zeros(IxDyn(&[0, 2])));
        let tol = Tolerance { rtol: 0.0, atol: 0.0 };
        assert_eq!(
            compare(Some(&Value::F64(ArrayD::zeros(IxDyn(&[0, 0])))), &exp, tol),
            None
        );
        // Not where values are expected.
        let some = Value::Int(ArrayD::zeros(IxDyn(&[1, 2])));
        assert!(matches!(
            compare(Some(&Value::Int(ArrayD::zeros(IxDyn(&[0, 2])))), &some, tol),
            Some(Mismatch::Shape { .. })
        ));
    }

    #[test]
    fn integers_compare_exactly() {
        let got = Value::Int(arr1(&[1i64, 2]).into_dyn());
        let exp = Value::Int(arr1(&[1i64, 3]).into_dyn());
        assert!(matches!(compare(Some(&got), &exp, TOL), Some(Mismatch::Values(d)) if d.mismatched == 1));
        assert!(compare(Some(&exp), &exp, TOL).is_none());
    }

    #[test]
    fn unravel_is_row_major() {
        assert_eq!(unravel(5, &[2, 3]), vec![1, 2]);
        assert_eq!(unravel(0, &[]), Vec::<usize>::new());
    }
}
