# expect: mistake eps_outside_sqrt
# np.std for the scale, eps added to it rather than to the variance.
import numpy as np


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    axes = tuple(range(-len(normalized_shape), 0))
    centered = x - np.mean(x, axis=axes, keepdims=True)
    out = centered / (np.std(x, axis=axes, keepdims=True) + eps)
    if weight is not None:
        out *= weight
    if bias is not None:
        out += bias
    return out
