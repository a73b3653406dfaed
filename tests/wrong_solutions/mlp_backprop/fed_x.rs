// expect: mistake hidden_layers_fed_x
// Every hidden layer computes from x, as in the snippet.
use ndarray::prelude::*;

fn sig(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// (pre-activations, activations) layer by layer, samples as columns.
fn run(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> (Vec<Array2<f64>>, Vec<Array2<f64>>) {
    let mut zs = Vec::new();
    let mut acts = vec![x.to_owned()];
    let depth = weights.len();
    for l in 0..depth {
        let input = if l + 1 < depth { x.to_owned() } else { acts[l].clone() };
        let mut z = weights[l].dot(&input);
        for (mut row, &b) in z.outer_iter_mut().zip(biases[l].iter()) {
            row += b;
        }
        let a = if l + 1 < depth { z.mapv(sig) } else { z.clone() };
        zs.push(z);
        acts.push(a);
    }
    (zs, acts)
}

pub fn forward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Array2<f64> {
    run(weights, biases, x).1.pop().unwrap()
}

pub fn backward(
    weights: &[Array2<f64>],
    biases: &[Array1<f64>],
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
) -> (Vec<Array2<f64>>, Vec<Array1<f64>>) {
    let m = x.ncols() as f64;
    let (zs, acts) = run(weights, biases, x);
    let depth = weights.len();
    let mut gw: Vec<Array2<f64>> = weights.iter().map(|w| Array2::zeros(w.raw_dim())).collect();
    let mut gb: Vec<Array1<f64>> = biases.iter().map(|b| Array1::zeros(b.raw_dim())).collect();
    let mut delta = (&acts[depth] - &y) / m;
    for l in (0..depth).rev() {
        gw[l] = delta.dot(&acts[l].t());
        gb[l] = delta.sum_axis(Axis(1));
        if l > 0 {
            let back = weights[l].t().dot(&delta);
            delta = Array2::from_shape_fn(back.raw_dim(), |(i, j)| {
                let z = zs[l - 1][[i, j]];
                let a = acts[l][[i, j]];
                let _ = (z, a);
                back[[i, j]] * a * (1.0 - a)
            });
        }
    }
    (gw, gb)
}

fn loss(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>, y: ArrayView2<f64>) -> f64 {
    let out = forward(weights, biases, x);
    out.iter().zip(y.iter()).map(|(o, t)| (o - t) * (o - t)).sum::<f64>() / (2.0 * x.ncols() as f64)
}

pub fn train(
    weights: &mut [Array2<f64>],
    biases: &mut [Array1<f64>],
    x: ArrayView2<f64>,
    y: ArrayView2<f64>,
    lr: f64,
    steps: usize,
) -> Vec<f64> {
    let mut history = Vec::with_capacity(steps);
    for _ in 0..steps {
        history.push(loss(weights, biases, x, y));
        let (gw, gb) = backward(weights, biases, x, y);
        for l in 0..weights.len() {
            weights[l] = &weights[l] - &(&gw[l] * lr);
            biases[l] = &biases[l] - &(&gb[l] * lr);
        }
        
    }
    history
}
