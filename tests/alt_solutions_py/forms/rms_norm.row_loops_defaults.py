# A correct solution in another form: a loop over rows, default parameters.
import numpy as np


def rms_norm(x, normalized_shape, weight=None, eps=None):
    if eps is None:
        eps = np.finfo(np.float64).eps
    d = int(np.prod(normalized_shape))
    flat = x.reshape(-1, d)
    out = np.empty_like(flat)
    for i, row in enumerate(flat):
        out[i] = row / np.sqrt(np.dot(row, row) / d + eps)
    out = out.reshape(x.shape)
    if weight is not None:
        out = out * weight
    return out


def rms_norm_backward(x, normalized_shape, weight, eps, dy):
    d = int(np.prod(normalized_shape))
    X = x.reshape(-1, d)
    G = dy.reshape(-1, d)
    w = weight.reshape(-1)
    r = 1 / np.sqrt((X * X).mean(1, keepdims=True) + eps)
    gw = G * w
    dx = r * gw - X * r ** 3 * (gw * X).mean(1, keepdims=True)
    dw = (G * X * r).sum(0)
    return dx.reshape(x.shape), dw.reshape(normalized_shape)
