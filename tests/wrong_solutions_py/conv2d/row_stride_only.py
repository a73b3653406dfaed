# expect: pattern shape_relation | mistake stride_on_one_axis
# Windows stepped by the row stride on both axes.
import numpy as np


def conv2d(x, weight, bias, stride, padding):
    N, C, H, W = x.shape
    F, _, KH, KW = weight.shape
    s, _ = stride
    ph, pw = padding
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    Ho = (H + 2 * ph - KH) // s + 1
    Wo = (W + 2 * pw - KW) // s + 1
    y = np.empty((N, F, Ho, Wo))
    for r in range(Ho):
        for q in range(Wo):
            win = xp[:, :, r * s:r * s + KH, q * s:q * s + KW]
            y[:, :, r, q] = np.einsum("nchw,fchw->nf", win, weight)
    if bias is not None:
        y += bias.reshape(1, -1, 1, 1)
    return y
