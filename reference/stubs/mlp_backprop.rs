use ndarray::prelude::*;

/// The output of the network, shape (n_out, m).
///
/// Samples are columns: `x` is (n₀, m); `weights[l]` is (n_{l+1}, n_l) and
/// `biases[l]` is (n_{l+1},). Layer l computes z = weights[l]·a + biases[l]
/// from the previous activation a (x for layer 0). Every hidden layer
/// applies the sigmoid, the last layer is linear.
pub fn forward(
    weights: &[Array2<f64>],
    biases: &[Array1<f64>],
    x: ArrayView2<f64>,
) -> Array2<f64> {
    todo!()
}

/// The gradients of L = Σ (out − y)² / (2m) with respect to every weight and
/// bias, shaped like the parameters: (∂L/∂weights, ∂L/∂biases). `y` is
/// (n_out, m).
pub fn backward(
    weights: &[Array2<f64>],
    biases: &[Array1<f64>],
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
) -> (Vec<Array2<f64>>, Vec<Array1<f64>>) {
    todo!()
}

/// Full-batch gradient descent: `steps` times, record the loss L, then move
/// every parameter by −lr · its gradient (in place). Returns the loss before
/// each step (length `steps`).
pub fn train(
    weights: &mut [Array2<f64>],
    biases: &mut [Array1<f64>],
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    lr: f64,
    steps: usize,
) -> Vec<f64> {
    todo!()
}
