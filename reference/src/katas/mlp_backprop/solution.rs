use ndarray::prelude::*;

/// The output of the network, shape (n_out, m).
///
/// Samples are columns: `x` is (n₀, m); `weights[l]` is (n_{l+1}, n_l) and
/// `biases[l]` is (n_{l+1},). Layer l computes z = weights[l]·a + biases[l]
/// from the previous activation a (x for layer 0). Every hidden layer
/// applies the sigmoid, the last layer is linear.
pub fn forward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Array2<f64> {
    let (_, mut activations) = layers(weights, biases, x);
    activations.pop().expect("the input is always there")
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
    let m = x.ncols() as f64;
    let (pre, activations) = layers(weights, biases, x);
    let depth = weights.len();
    let mut grad_w = Vec::with_capacity(depth);
    let mut grad_b = Vec::with_capacity(depth);
    // δ = ∂L/∂z of the current layer; the last layer is linear.
    let mut delta = (&activations[depth] - &y) / m;
    for l in (0..depth).rev() {
        grad_w.push(delta.dot(&activations[l].t()));
        grad_b.push(delta.sum_axis(Axis(1)));
        if l > 0 {
            delta = weights[l].t().dot(&delta) * pre[l - 1].mapv(sigmoid_prime);
        }
    }
    grad_w.reverse();
    grad_b.reverse();
    (grad_w, grad_b)
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
    let mut losses = Vec::with_capacity(steps);
    for _ in 0..steps {
        losses.push(loss(weights, biases, x, y));
        let (grad_w, grad_b) = backward(weights, biases, x, y);
        for (w, g) in weights.iter_mut().zip(&grad_w) {
            w.scaled_add(-lr, g);
        }
        for (b, g) in biases.iter_mut().zip(&grad_b) {
            b.scaled_add(-lr, g);
        }
    }
    losses
}

/// L = Σ (out − y)² / (2m).
fn loss(
    weights: &[Array2<f64>],
    biases: &[Array1<f64>],
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
) -> f64 {
    let error = forward(weights, biases, x) - y;
    error.mapv(|e| e * e).sum() / (2.0 * x.ncols() as f64)
}

/// Every layer's pre-activation z (one per layer) and activation (the input
/// first, the output last).
fn layers(
    weights: &[Array2<f64>],
    biases: &[Array1<f64>],
    x: ArrayView2<f64>,
) -> (Vec<Array2<f64>>, Vec<Array2<f64>>) {
    let last = weights.len() - 1;
    let mut pre = Vec::with_capacity(weights.len());
    let mut activations = vec![x.to_owned()];
    for (l, (w, b)) in weights.iter().zip(biases).enumerate() {
        let z = w.dot(&activations[l]) + b.view().insert_axis(Axis(1));
        let a = if l < last { z.mapv(sigmoid) } else { z.clone() };
        pre.push(z);
        activations.push(a);
    }
    (pre, activations)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn sigmoid_prime(z: f64) -> f64 {
    let s = sigmoid(z);
    s * (1.0 - s)
}
