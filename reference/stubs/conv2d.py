import numpy as np


def conv2d(x, weight, bias, stride, padding):
    """2-D cross-correlation, as `torch.nn.functional.conv2d` with
    dilation 1 and groups 1.

    x: np.ndarray (N, C_in, H, W); weight: (C_out, C_in, kh, kw);
    bias: (C_out,) or None; stride, padding: tuple of int (rows, columns).

    x is zero-padded by `padding` on both sides of each axis; the kernel is
    not flipped. Returns (N, C_out, H_out, W_out) with
    H_out = (H + 2 * pad_h - kh) // stride_h + 1, W_out likewise.
    """
    raise NotImplementedError
