# expect: gradient gradient_check
# The backward pass's 1/std recomputed without eps.
import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    ax = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    lead = tuple(range(x.ndim - len(normalized_shape)))
    n = int(np.prod(normalized_shape))
    mu = x.mean(axis=ax, keepdims=True)
    xc = x - mu
    std = np.sqrt((xc ** 2).mean(axis=ax, keepdims=True))
    xh = xc / std
    dw = (dy * xh).sum(axis=lead)
    db = dy.sum(axis=lead)
    g = dy * weight
    dx = (n * g - g.sum(axis=ax, keepdims=True) - xh * (g * xh).sum(axis=ax, keepdims=True)) / (n * std)
    return dx, dw, db
