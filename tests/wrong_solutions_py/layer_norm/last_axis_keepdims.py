# expect: mistake last_axis_only
# Statistics over axis=-1 with keepdims, whatever normalized_shape says.
import numpy as np


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    y = (x - mu) / np.sqrt(var + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y
