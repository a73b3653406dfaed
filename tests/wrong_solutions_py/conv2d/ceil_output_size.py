# expect: mistake output_size_rounded_up | pattern shape_relation
# The output size rounded up with np.ceil, as "same" padding formulas do.
import numpy as np


def conv2d(x, weight, bias, stride, padding):
    n, c, h, w = x.shape
    oc, _, kh, kw = weight.shape
    sh, sw = stride
    ph, pw = padding
    oh = int(np.ceil((h + 2 * ph - kh) / sh)) + 1
    ow = int(np.ceil((w + 2 * pw - kw) / sw)) + 1
    xp = np.zeros((n, c, h + 2 * ph + sh, w + 2 * pw + sw))
    xp[:, :, ph:ph + h, pw:pw + w] = x
    out = np.zeros((n, oc, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
            out[:, :, i, j] = np.tensordot(patch, weight, axes=([1, 2, 3], [1, 2, 3]))
    if bias is not None:
        out += bias[None, :, None, None]
    return out
