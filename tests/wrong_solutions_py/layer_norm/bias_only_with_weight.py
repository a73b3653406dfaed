# expect: invariant standardized
# The affine step as one `elementwise_affine` branch: the bias is added only
# when a weight is given too, so a bias on its own is dropped.
import numpy as np


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    axes = tuple(range(-len(normalized_shape), 0))
    mu = np.mean(x, axis=axes, keepdims=True)
    var = np.var(x, axis=axes, keepdims=True)
    y = (x - mu) / np.sqrt(var + eps)
    if weight is not None:
        y = y * weight
        if bias is not None:
            y = y + bias
    return y
