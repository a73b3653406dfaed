use ndarray::linalg::general_mat_mul;
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
    padded.slice_mut(s![.., .., ph..ph + h, pw..pw + w]).assign(&x);
    let kernels = weight
        .to_shape((c_out, c_in * kh * kw))
        .expect("weight is (C_out, C_in, kh, kw)");
    let mut out = Array4::zeros((n, c_out, h_out, w_out));
    // im2col, one image at a time: one row per kernel entry (c, di, dj), one
    // column per output pixel (i, j), filled one kernel offset (di, dj) at a
    // time; the buffer is reused for every image.
    let mut cols = Array5::zeros((c_in, kh, kw, h_out, w_out));
    for (image, mut out_image) in padded.outer_iter().zip(out.outer_iter_mut()) {
        for di in 0..kh {
            for dj in 0..kw {
                let window = image.slice(s![
                    ..,
                    di..di + sh * (h_out - 1) + 1;sh,
                    dj..dj + sw * (w_out - 1) + 1;sw
                ]);
                cols.slice_mut(s![.., di, dj, .., ..]).assign(&window);
            }
        }
        let cols = cols
            .view()
            .into_shape_with_order((c_in * kh * kw, h_out * w_out))
            .expect("a fresh array is contiguous");
        // (C_out, C_in·kh·kw) · (C_in·kh·kw, H_out·W_out), written straight
        // into this image's (C_out, H_out, W_out) block of the output.
        let mut out_image = out_image
            .view_mut()
            .into_shape_with_order((c_out, h_out * w_out))
            .expect("a fresh array is contiguous");
        general_mat_mul(1.0, &kernels, &cols, 0.0, &mut out_image);
    }
    if let Some(b) = bias {
        out += &b.slice(s![NewAxis, .., NewAxis, NewAxis]);
    }
    out
}
