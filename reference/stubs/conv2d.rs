use ndarray::prelude::*;

/// 2-D cross-correlation, as `torch.nn.functional.conv2d` with dilation 1
/// and groups 1.
///
/// `x` is (N, C_in, H, W), `weight` (C_out, C_in, kh, kw), `bias` (C_out,);
/// `stride` and `padding` are (rows, columns). `x` is zero-padded by
/// `padding` on both sides of each axis; the kernel is not flipped. Returns
/// (N, C_out, H_out, W_out) with H_out = (H + 2·pad_h − kh) / stride_h + 1
/// rounded down, W_out likewise.
pub fn conv2d(
    x: ArrayView4<f64>,
    weight: ArrayView4<f64>,
    bias: Option<ArrayView1<f64>>,
    stride: (usize, usize),
    padding: (usize, usize),
) -> Array4<f64> {
    todo!()
}
