// expect: gradient gradient_check | mistake sigmoid_on_output
// tanh in the hidden layers instead of the sigmoid, consistently in both passes.
use ndarray::prelude::*;

fn layers(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Vec<Array2<f64>> {
    let mut acts = vec![x.to_owned()];
    for (l, (w, b)) in weights.iter().zip(biases).enumerate() {
        let z = w.dot(acts.last().unwrap()) + &b.view().insert_axis(Axis(1));
        acts.push(if l + 1 < weights.len() { z.mapv(f64::tanh) } else { z });
    }
    acts
}

pub fn forward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Array2<f64> {
    layers(weights, biases, x).pop().unwrap()
}

pub fn backward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>, y: ArrayView2<f64>) -> (Vec<Array2<f64>>, Vec<Array1<f64>>) {
    let m = x.ncols() as f64;
    let acts = layers(weights, biases, x);
    let depth = weights.len();
    let mut gw = vec![Array2::<f64>::zeros((0, 0)); depth];
    let mut gb = vec![Array1::<f64>::zeros(0); depth];
    let mut delta = (&acts[depth] - &y) / m;
    for l in (0..depth).rev() {
        gw[l] = delta.dot(&acts[l].t());
        gb[l] = delta.sum_axis(Axis(1));
        if l > 0 {
            delta = weights[l].t().dot(&delta) * acts[l].mapv(|a| 1.0 - a * a);
        }
    }
    (gw, gb)
}

pub fn train(weights: &mut [Array2<f64>], biases: &mut [Array1<f64>], x: ArrayView2<f64>, y: ArrayView2<f64>, lr: f64, steps: usize) -> Vec<f64> {
    let mut out = Vec::new();
    for _ in 0..steps {
        let e = forward(weights, biases, x) - &y;
        out.push(e.mapv(|v| v * v).sum() / (2.0 * x.ncols() as f64));
        let (gw, gb) = backward(weights, biases, x, y);
        for l in 0..weights.len() {
            weights[l].scaled_add(-lr, &gw[l]);
            biases[l].scaled_add(-lr, &gb[l]);
        }
    }
    out
}
