# expect: mistake stats_treated_as_constants
# The backward of y = (x - mean) / std * w as if mean and std were fixed.
import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    lead = tuple(range(x.ndim - len(normalized_shape)))
    mu = x.mean(axis=axes, keepdims=True)
    sigma = np.sqrt(x.var(axis=axes, keepdims=True) + eps)
    xhat = (x - mu) / sigma
    dweight = (dy * xhat).sum(axis=lead)
    dbias = dy.sum(axis=lead)
    dx = dy * weight / sigma
    return dx, dweight, dbias
