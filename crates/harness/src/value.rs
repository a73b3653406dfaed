//! The arrays a case is made of, and typed access to them.
//!
//! Names follow `fixtures/README.md`: an argument's name, `name.0`, `name.1`…
//! for a list, `w.q.weight` for a struct field; scalars are 0-d arrays.

use std::collections::BTreeMap;
use std::fmt;

use kata_prelude::{Linear, MhaWeights};
use ndarray::prelude::*;
use ndarray::Dimension;
use serde::{Deserialize, Serialize};

/// One array of a case, in one of the three element types fixtures use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// Reals (`float64`).
    F64(ArrayD<f64>),
    /// Integers, token ids and labels (`int64`).
    Int(ArrayD<i64>),
    /// Masks and flags (`bool`).
    Bool(ArrayD<bool>),
}

impl Value {
    /// The array's shape.
    pub fn shape(&self) -> &[usize] {
        match self {
            Value::F64(a) => a.shape(),
            Value::Int(a) => a.shape(),
            Value::Bool(a) => a.shape(),
        }
    }

    /// The element type's name, as NumPy spells it.
    pub fn dtype(&self) -> &'static str {
        match self {
            Value::F64(_) => "float64",
            Value::Int(_) => "int64",
            Value::Bool(_) => "bool",
        }
    }

    /// A 0-d real.
    pub fn scalar(x: f64) -> Value {
        Value::F64(arr0(x).into_dyn())
    }

    /// Integer outputs (token ids, labels). Values beyond `i64` saturate, which
    /// can only make a wrong answer look wrong.
    pub fn from_usize<D: Dimension>(a: Array<usize, D>) -> Value {
        Value::Int(a.mapv(|v| i64::try_from(v).unwrap_or(i64::MAX)).into_dyn())
    }
}

impl<D: Dimension> From<Array<f64, D>> for Value {
    fn from(a: Array<f64, D>) -> Value {
        Value::F64(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<bool, D>> for Value {
    fn from(a: Array<bool, D>) -> Value {
        Value::Bool(a.into_dyn())
    }
}

impl<D: Dimension> From<Array<i64, D>> for Value {
    fn from(a: Array<i64, D>) -> Value {
        Value::Int(a.into_dyn())
    }
}

/// A case's input is missing or has the wrong type or shape. This is a fault
/// of the fixture or generator, never of the user's code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// A case's inputs, by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Inputs(pub BTreeMap<String, Value>);

/// A part's outputs, by name (`layer_norm`, `sgd.w`, …; see `fixtures/README.md`).
pub type Outputs = Inputs;

impl Inputs {
    /// No arrays yet.
    pub fn new() -> Inputs {
        Inputs::default()
    }

    /// Adds an array (builder style).
    pub fn with(mut self, name: impl Into<String>, value: impl Into<Value>) -> Inputs {
        self.0.insert(name.into(), value.into());
        self
    }

    /// Adds an array.
    pub fn insert(&mut self, name: impl Into<String>, value: impl Into<Value>) {
        self.0.insert(name.into(), value.into());
    }

    /// Adds a list of arrays as `name.0`, `name.1`, ….
    pub fn with_list<V: Into<Value>>(mut self, name: &str, values: impl IntoIterator<Item = V>) -> Inputs {
        for (i, v) in values.into_iter().enumerate() {
            self.0.insert(format!("{name}.{i}"), v.into());
        }
        self
    }

    /// Adds a [`Linear`] as `name.weight` and `name.bias`.
    pub fn with_linear(self, name: &str, l: &Linear) -> Inputs {
        self.with(format!("{name}.weight"), l.weight.clone())
            .with(format!("{name}.bias"), l.bias.clone())
    }

    /// Adds [`MhaWeights`] as `name.q.weight`, `name.q.bias`, ….
    pub fn with_mha(self, name: &str, w: &MhaWeights) -> Inputs {
        self.with_linear(&format!("{name}.q"), &w.q)
            .with_linear(&format!("{name}.k"), &w.k)
            .with_linear(&format!("{name}.v"), &w.v)
            .with_linear(&format!("{name}.o"), &w.o)
    }

    /// The array called `name`, if present.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    fn require(&self, name: &str) -> Result<&Value, InputError> {
        self.0
            .get(name)
            .ok_or_else(|| InputError(format!("the case has no array `{name}`")))
    }

    /// A real array of any rank.
    pub fn f64(&self, name: &str) -> Result<ArrayViewD<'_, f64>, InputError> {
        match self.require(name)? {
            Value::F64(a) => Ok(a.view()),
            other => Err(wrong_type(name, "float64", other)),
        }
    }

    /// A real array of a fixed rank.
    pub fn f64_dim<D: Dimension>(&self, name: &str) -> Result<ArrayView<'_, f64, D>, InputError> {
        let a = self.f64(name)?;
        let shape = a.shape().to_vec();
        a.into_dimensionality::<D>().map_err(|_| {
            InputError(format!(
                "`{name}` should have {} axes, it has shape {shape:?}",
                D::NDIM.unwrap_or(0)
            ))
        })
    }

    /// An optional real array (absent means `None`).
    pub fn opt_f64_dim<D: Dimension>(&self, name: &str) -> Result<Option<ArrayView<'_, f64, D>>, InputError> {
        match self.0.contains_key(name) {
            true => self.f64_dim(name).map(Some),
            false => Ok(None),
        }
    }

    /// An optional real array of any rank.
    pub fn opt_f64(&self, name: &str) -> Result<Option<ArrayViewD<'_, f64>>, InputError> {
        self.opt_f64_dim::<IxDyn>(name)
    }

    /// A boolean array of a fixed rank.
    pub fn bool_dim<D: Dimension>(&self, name: &str) -> Result<ArrayView<'_, bool, D>, InputError> {
        match self.require(name)? {
            Value::Bool(a) => a
                .view()
                .into_dimensionality::<D>()
                .map_err(|_| InputError(format!("`{name}` has shape {:?}", a.shape()))),
            other => Err(wrong_type(name, "bool", other)),
        }
    }

    /// An optional boolean array (absent means `None`).
    pub fn opt_bool_dim<D: Dimension>(&self, name: &str) -> Result<Option<ArrayView<'_, bool, D>>, InputError> {
        match self.0.contains_key(name) {
            true => self.bool_dim(name).map(Some),
            false => Ok(None),
        }
    }

    /// A 0-d real.
    pub fn scalar_f64(&self, name: &str) -> Result<f64, InputError> {
        let a = self.f64(name)?;
        scalar_of(name, a.iter().copied().collect())
    }

    /// A 0-d boolean.
    pub fn scalar_bool(&self, name: &str) -> Result<bool, InputError> {
        let a = self.bool_dim::<IxDyn>(name)?;
        scalar_of(name, a.iter().copied().collect())
    }

    /// A 0-d non-negative integer.
    pub fn scalar_usize(&self, name: &str) -> Result<usize, InputError> {
        let v = self.usizes(name)?;
        scalar_of(name, v)
    }

    /// The elements of a non-negative integer array, in order.
    pub fn usizes(&self, name: &str) -> Result<Vec<usize>, InputError> {
        match self.require(name)? {
            Value::Int(a) => a
                .iter()
                .map(|&v| usize::try_from(v).map_err(|_| InputError(format!("`{name}` holds {v}, which is negative"))))
                .collect(),
            other => Err(wrong_type(name, "int64", other)),
        }
    }

    /// A byte string, stored as an integer array of values 0..=255.
    pub fn bytes(&self, name: &str) -> Result<Vec<u8>, InputError> {
        match self.require(name)? {
            Value::Int(a) if a.ndim() == 1 => a
                .iter()
                .map(|&v| u8::try_from(v).map_err(|_| InputError(format!("`{name}` holds {v}, which is not a byte"))))
                .collect(),
            Value::Int(a) => Err(InputError(format!(
                "`{name}` should be 1-d bytes, it has shape {:?}",
                a.shape()
            ))),
            other => Err(wrong_type(name, "int64", other)),
        }
    }

    /// A list stored as `name.0`, `name.1`, … (owned, for the `&[Array]` and
    /// `&mut [Array]` arguments).
    pub fn f64_list<D: Dimension>(&self, name: &str) -> Result<Vec<Array<f64, D>>, InputError> {
        (0..)
            .map(|i| format!("{name}.{i}"))
            .take_while(|key| self.0.contains_key(key))
            .map(|key| self.f64_dim::<D>(&key).map(|a| a.to_owned()))
            .collect()
    }

    /// A [`Linear`] stored as `name.weight` and `name.bias`.
    pub fn linear(&self, name: &str) -> Result<Linear, InputError> {
        Ok(Linear {
            weight: self.f64_dim::<Ix2>(&format!("{name}.weight"))?.to_owned(),
            bias: self.f64_dim::<Ix1>(&format!("{name}.bias"))?.to_owned(),
        })
    }

    /// A list of [`Linear`]s stored as `name.0.weight`, `name.0.bias`,
    /// `name.1.weight`, ….
    pub fn linears(&self, name: &str) -> Result<Vec<Linear>, InputError> {
        (0..)
            .map(|i| format!("{name}.{i}"))
            .take_while(|key| self.0.contains_key(&format!("{key}.weight")))
            .map(|key| self.linear(&key))
            .collect()
    }

    /// [`MhaWeights`] stored as `name.q.weight`, `name.q.bias`, ….
    pub fn mha(&self, name: &str) -> Result<MhaWeights, InputError> {
        Ok(MhaWeights {
            q: self.linear(&format!("{name}.q"))?,
            k: self.linear(&format!("{name}.k"))?,
            v: self.linear(&format!("{name}.v"))?,
            o: self.linear(&format!("{name}.o"))?,
        })
    }
}

fn wrong_type(name: &str, want: &str, got: &Value) -> InputError {
    InputError(format!("`{name}` should be {want}, it is {}", got.dtype()))
}

fn scalar_of<T>(name: &str, mut v: Vec<T>) -> Result<T, InputError> {
    match v.len() {
        1 => Ok(v.remove(0)),
        n => Err(InputError(format!("`{name}` should be a single number, it has {n}"))),
    }
}
