//! Types shared by the katas' signatures. Stubs import them with
//! `use kata_prelude::{Linear, MhaWeights};`.

use ndarray::{Array1, Array2};

/// A dense layer in PyTorch's layout: y = x · weightᵀ + bias.
#[derive(Clone, Debug, PartialEq)]
pub struct Linear {
    /// Shape (out, in).
    pub weight: Array2<f64>,
    /// Shape (out,).
    pub bias: Array1<f64>,
}

/// The four projections of multi-head attention.
#[derive(Clone, Debug, PartialEq)]
pub struct MhaWeights {
    /// Query projection.
    pub q: Linear,
    /// Key projection.
    pub k: Linear,
    /// Value projection.
    pub v: Linear,
    /// Output projection.
    pub o: Linear,
}
