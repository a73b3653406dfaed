# A correct solution in another form: sliding_window_view and tensordot.
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(x, weight, bias, stride, padding):
    ph, pw = padding
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    kh, kw = weight.shape[2:]
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))[:, :, ::stride[0], ::stride[1]]
    out = np.tensordot(win, weight, axes=([1, 4, 5], [1, 2, 3]))  # (N, Ho, Wo, F)
    out = out.transpose(0, 3, 1, 2)
    if bias is not None:
        out = out + bias.reshape(1, -1, 1, 1)
    return out
