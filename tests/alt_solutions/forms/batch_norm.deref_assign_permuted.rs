// A correct solution in another form: *running_mean = …, channels moved last and the result returned with its axes permuted back (non-standard layout).
use ndarray::prelude::*;

#[allow(clippy::too_many_arguments)]
pub fn batch_norm(x: ArrayViewD<f64>, running_mean: &mut Array1<f64>, running_var: &mut Array1<f64>, weight: Option<ArrayView1<f64>>, bias: Option<ArrayView1<f64>>, training: bool, momentum: f64, eps: f64) -> ArrayD<f64> {
    let c = x.shape()[1];
    // channels last, flattened: (count, c)
    let mut perm: Vec<usize> = (0..x.ndim()).filter(|&a| a != 1).collect();
    perm.push(1);
    let xt = x.view().permuted_axes(perm.clone());
    let flat = xt.to_shape((x.len() / c, c)).unwrap();
    let count = flat.nrows() as f64;
    let (mean, var) = if training {
        let mean = flat.mean_axis(Axis(0)).unwrap();
        let var = flat.var_axis(Axis(0), 0.0);
        *running_mean = &*running_mean * (1.0 - momentum) + &mean * momentum;
        *running_var = running_var.mapv(|r| r * (1.0 - momentum)) + var.mapv(|v| v * count / (count - 1.0) * momentum);
        (mean, var)
    } else {
        (running_mean.clone(), running_var.clone())
    };
    let mut y = (&flat - &mean) / &var.mapv(|v| (v + eps).sqrt());
    if let Some(w) = weight { y *= &w; }
    if let Some(b) = bias { y += &b; }
    let shape_t: Vec<usize> = perm.iter().map(|&a| x.shape()[a]).collect();
    let yt = y.to_shape(IxDyn(&shape_t)).unwrap().to_owned();
    // undo the permutation: a non-standard layout, returned as is
    let mut inv = vec![0; perm.len()];
    for (i, &p) in perm.iter().enumerate() { inv[p] = i; }
    yt.permuted_axes(inv)
}
