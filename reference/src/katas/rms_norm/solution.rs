use ndarray::prelude::*;

/// 1 / sqrt(mean(x²) + eps) of one group.
fn inv_rms(group: ArrayView1<f64>, eps: f64) -> f64 {
    1.0 / (group.dot(&group) / group.len() as f64 + eps).sqrt()
}

/// As `torch.nn.functional.rms_norm`: x / sqrt(mean(x²) + eps) · weight, over
/// the trailing `normalized_shape` axes.
pub fn rms_norm(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: Option<ArrayViewD<f64>>,
    eps: f64,
) -> ArrayD<f64> {
    let inner: usize = normalized_shape.iter().product();
    let rows = x.len() / inner.max(1);
    let weight = weight
        .as_ref()
        .map(|w| w.to_shape(inner).expect("weight has normalized_shape"));
    // One row per normalized group, scaled in place.
    let mut y = x
        .to_shape((rows, inner))
        .expect("trailing axes are normalized_shape")
        .into_owned();
    for mut row in y.rows_mut() {
        let r = inv_rms(row.view(), eps);
        row *= r;
        if let Some(w) = &weight {
            row *= w;
        }
    }
    y.into_shape_with_order(x.raw_dim()).expect("same number of elements")
}

/// Gradients of sum(rms_norm(x, normalized_shape, Some(weight), eps) · dy):
/// (dx shaped like x, dweight shaped like normalized_shape).
pub fn rms_norm_backward(
    x: ArrayViewD<f64>,
    normalized_shape: &[usize],
    weight: ArrayViewD<f64>,
    eps: f64,
    dy: ArrayViewD<f64>,
) -> (ArrayD<f64>, ArrayD<f64>) {
    let n: usize = normalized_shape.iter().product();
    let rows = x.len() / n.max(1);
    let w = weight.to_shape(n).expect("weight has normalized_shape");
    let x2 = x.to_shape((rows, n)).expect("trailing axes are normalized_shape");
    let dy2 = dy.to_shape((rows, n)).expect("dy is shaped like x");
    let mut dx = Array2::zeros((rows, n));
    // dy · x̂ per row; dweight sums it over every leading axis.
    let mut dw_rows = Array2::zeros((rows, n));
    for (((xr, dyr), mut dxr), mut dwr) in x2
        .rows()
        .into_iter()
        .zip(dy2.rows())
        .zip(dx.rows_mut())
        .zip(dw_rows.rows_mut())
    {
        let r = inv_rms(xr, eps);
        let g = &dyr * &w;
        // y = x·r·w and ∂r/∂x = −r³·x/n, so dx = r·(g − x·r²·mean(g·x)).
        let proj = g.dot(&xr) / n as f64;
        dxr.assign(&g);
        dxr.scaled_add(-proj * r * r, &xr);
        dxr *= r;
        dwr.assign(&dyr);
        dwr *= &xr;
        dwr *= r;
    }
    let dweight = dw_rows
        .sum_axis(Axis(0))
        .into_shape_with_order(weight.raw_dim())
        .expect("dweight has normalized_shape");
    let dx = dx.into_shape_with_order(x.raw_dim()).expect("same number of elements");
    (dx, dweight)
}
