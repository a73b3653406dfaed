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
    let (n, c_in, h, w) = x.dim();
    let (c_out, _, kh, kw) = weight.dim();
    let (sh, sw) = stride;
    let (ph, pw) = padding;
    let h_out = (h + 2 * ph - kh) / sh + 1;
    let w_out = (w + 2 * pw - kw) / sw + 1;
    let mut padded = Array4::zeros((n, c_in, h + 2 * ph, w + 2 * pw));
    padded
        .slice_mut(s![.., .., ph..ph + h, pw..pw + w])
        .assign(&x);
    // im2col: one row per output pixel (n, i, j), one column per kernel
    // entry (c, di, dj), filled one kernel offset (di, dj) at a time.
    let mut cols = Array::zeros((n, h_out, w_out, c_in, kh, kw));
    for di in 0..kh {
        for dj in 0..kw {
            let window = padded.slice(s![
                ..,
                ..,
                di..di + sh * (h_out - 1) + 1;sh,
                dj..dj + sw * (w_out - 1) + 1;sw
            ]);
            cols.slice_mut(s![.., .., .., .., di, dj])
                .assign(&window.permuted_axes([0, 2, 3, 1]));
        }
    }
    let cols = cols
        .into_shape_with_order((n * h_out * w_out, c_in * kh * kw))
        .expect("a fresh array is contiguous");
    let kernels = weight
        .to_shape((c_out, c_in * kh * kw))
        .expect("weight is (C_out, C_in, kh, kw)");
    let mut out = cols
        .dot(&kernels.t())
        // The product may come back column-major (e.g. one input channel, 1×1 kernel).
        .into_shape_clone((n, h_out, w_out, c_out))
        .expect("one row per output pixel")
        .permuted_axes([0, 3, 1, 2]);
    if let Some(b) = bias {
        out += &b.slice(s![NewAxis, .., NewAxis, NewAxis]);
    }
    out.as_standard_layout().into_owned()
}
