// A correct solution in another form: gradients built transposed and returned through reversed_axes, *w = … and scaled_add in train.
use ndarray::prelude::*;

fn sig(z: f64) -> f64 { 1.0 / (1.0 + (-z).exp()) }

fn layers(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Vec<Array2<f64>> {
    let mut acts = vec![x.to_owned()];
    for (l, (w, b)) in weights.iter().zip(biases).enumerate() {
        let z = w.dot(acts.last().unwrap()) + &b.view().insert_axis(Axis(1));
        acts.push(if l + 1 < weights.len() { z.mapv(sig) } else { z });
    }
    acts
}

pub fn forward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>) -> Array2<f64> {
    // (x^T W^T)^T, returned transposed-owned
    let acts = layers(weights, biases, x);
    acts.last().unwrap().t().to_owned().reversed_axes()
}

pub fn backward(weights: &[Array2<f64>], biases: &[Array1<f64>], x: ArrayView2<f64>, y: ArrayView2<f64>) -> (Vec<Array2<f64>>, Vec<Array1<f64>>) {
    let m = x.ncols() as f64;
    let acts = layers(weights, biases, x);
    let mut delta = (acts.last().unwrap() - &y) / m;
    let mut gw = vec![Array2::zeros((0, 0)); weights.len()];
    let mut gb = vec![Array1::zeros(0); weights.len()];
    for l in (0..weights.len()).rev() {
        gw[l] = acts[l].dot(&delta.t()).reversed_axes();
        gb[l] = delta.sum_axis(Axis(1));
        if l > 0 {
            let a = &acts[l];
            delta = weights[l].t().dot(&delta) * a * &a.mapv(|v| 1.0 - v);
        }
    }
    (gw, gb)
}

pub fn train(weights: &mut [Array2<f64>], biases: &mut [Array1<f64>], x: ArrayView2<f64>, y: ArrayView2<f64>, lr: f64, steps: usize) -> Vec<f64> {
    let mut losses = vec![];
    for _ in 0..steps {
        let out = forward(weights, biases, x);
        losses.push((&out - &y).mapv(|v| v * v).sum() / (2.0 * x.ncols() as f64));
        let (gw, gb) = backward(weights, biases, x, y);
        for (w, g) in weights.iter_mut().zip(gw) { *w = &*w - &(g * lr); }
        for (b, g) in biases.iter_mut().zip(gb) { b.scaled_add(-lr, &g); }
    }
    losses
}
