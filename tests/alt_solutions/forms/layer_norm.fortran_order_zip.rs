// A correct solution in another form: rows from chunks, a helper fn and a const, println! output, the result copied by Zip into a Fortran-order array and returned so.
#![allow(unused_imports, dead_code, clippy::needless_range_loop)]
use ndarray::prelude::*;
use ndarray::{Zip, ShapeBuilder};

const DEBUG: bool = true;

fn stats(row: &[f64]) -> (f64, f64) {
    let n = row.len() as f64;
    let mean = row.iter().sum::<f64>() / n;
    let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, var)
}

pub fn layer_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    bias: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let d: usize = normalized_shape.iter().product();
    let data: Vec<f64> = x.iter().copied().collect();
    let w: Vec<f64> = weight.map(|w| w.iter().copied().collect()).unwrap_or(vec![1.0; d]);
    let b: Vec<f64> = bias.map(|b| b.iter().copied().collect()).unwrap_or(vec![0.0; d]);
    let mut out = Vec::with_capacity(data.len());
    for row in data.chunks(d) {
        let (m, v) = stats(row);
        if DEBUG { println!("mean {m} var {v}"); }
        let inv = 1.0 / (v + eps).sqrt();
        for (i, val) in row.iter().enumerate() {
            out.push((val - m) * inv * w[i] + b[i]);
        }
    }
    // Build row-major, then hand back a Fortran-order copy.
    let c = ArrayD::from_shape_vec(IxDyn(x.shape()), out).unwrap();
    let mut f = ArrayD::<f64>::zeros(IxDyn(x.shape()).f());
    Zip::from(&mut f).and(&c).for_each(|o, &v| *o = v);
    assert!(f.iter().zip(c.iter()).all(|(a, b)| (a - b).abs() <= f64::EPSILON));
    f
}
