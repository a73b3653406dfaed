use ndarray::prelude::*;

/// The output of the network, shape (n_out, m).
///
/// Every neuron of every sample is computed by an explicit loop.
pub fn forward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Array2<f64> {
    let mut acts = activations(weights, biases, x);
    acts.pop().unwrap()
}

/// The gradients of L = Σ (out − y)² / (2m), shaped like the parameters.
///
/// The error signal is walked back one neuron at a time; the sigmoid's
/// derivative is taken from the stored activation a as a·(1 − a).
pub fn backward(
    weights: &[Array2<f64>],
    biases: &[Array1<f64>],
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
) -> (Vec<Array2<f64>>, Vec<Array1<f64>>) {
    let depth = weights.len();
    let m = x.ncols();
    let acts = activations(weights, biases, x);
    let mut grad_w: Vec<Array2<f64>> = weights.iter().map(|w| Array2::zeros(w.raw_dim())).collect();
    let mut grad_b: Vec<Array1<f64>> = biases.iter().map(|b| Array1::zeros(b.raw_dim())).collect();
    // delta[i][s]: ∂L/∂z of neuron i of the current layer for sample s.
    let out = &acts[depth];
    let mut delta: Vec<Vec<f64>> = (0..out.nrows())
        .map(|i| (0..m).map(|s| (out[[i, s]] - y[[i, s]]) / m as f64).collect())
        .collect();
    let mut l = depth;
    while l > 0 {
        l -= 1;
        let input = &acts[l];
        let (rows, cols) = weights[l].dim();
        for i in 0..rows {
            let mut gb = 0.0;
            for s in 0..m {
                gb += delta[i][s];
            }
            grad_b[l][i] = gb;
            for j in 0..cols {
                let mut gw = 0.0;
                for s in 0..m {
                    gw += delta[i][s] * input[[j, s]];
                }
                grad_w[l][[i, j]] = gw;
            }
        }
        if l > 0 {
            // The input of layer l is the sigmoid output of layer l − 1.
            let mut next = vec![vec![0.0; m]; cols];
            for j in 0..cols {
                for s in 0..m {
                    let mut back = 0.0;
                    for i in 0..rows {
                        back += weights[l][[i, j]] * delta[i][s];
                    }
                    let a = input[[j, s]];
                    next[j][s] = back * a * (1.0 - a);
                }
            }
            delta = next;
        }
    }
    (grad_w, grad_b)
}

/// Full-batch gradient descent; returns the loss before each step.
pub fn train(
    weights: &mut [Array2<f64>],
    biases: &mut [Array1<f64>],
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    lr: f64,
    steps: usize,
) -> Vec<f64> {
    let m = x.ncols();
    let mut losses = Vec::new();
    for _ in 0..steps {
        let out = forward(weights, biases, x);
        let mut sum_sq = 0.0;
        for i in 0..out.nrows() {
            for s in 0..m {
                let e = out[[i, s]] - y[[i, s]];
                sum_sq += e * e;
            }
        }
        losses.push(sum_sq / (2.0 * m as f64));
        let (grad_w, grad_b) = backward(weights, biases, x, y);
        for l in 0..weights.len() {
            let (rows, cols) = weights[l].dim();
            for i in 0..rows {
                for j in 0..cols {
                    weights[l][[i, j]] -= lr * grad_w[l][[i, j]];
                }
                biases[l][i] -= lr * grad_b[l][i];
            }
        }
    }
    losses
}

/// Every layer's activation, the input first and the output last.
fn activations(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Vec<Array2<f64>> {
    let depth = weights.len();
    let m = x.ncols();
    let mut acts = vec![x.to_owned()];
    for l in 0..depth {
        let (rows, cols) = weights[l].dim();
        let mut a = Array2::zeros((rows, m));
        for i in 0..rows {
            for s in 0..m {
                let mut z = biases[l][i];
                for j in 0..cols {
                    z += weights[l][[i, j]] * acts[l][[j, s]];
                }
                a[[i, s]] = if l + 1 < depth { logistic(z) } else { z };
            }
        }
        acts.push(a);
    }
    acts
}

/// The sigmoid, written so that `exp` only ever sees a non-positive number.
fn logistic(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}
