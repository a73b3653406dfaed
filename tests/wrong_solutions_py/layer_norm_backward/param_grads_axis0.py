# expect: mistake param_grads_summed_over_first_axis | pattern shape_relation
# dx right; dweight and dbias summed over axis 0 only.
import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    k = len(normalized_shape)
    axes = tuple(range(-k, 0))
    d = np.prod(normalized_shape)
    xc = x - x.mean(axis=axes, keepdims=True)
    rstd = (np.mean(xc ** 2, axis=axes, keepdims=True) + eps) ** -0.5
    xhat = xc * rstd
    g = dy * weight
    dx = rstd * (g - g.sum(axis=axes, keepdims=True) / d
                 - xhat * (g * xhat).sum(axis=axes, keepdims=True) / d)
    return dx, np.sum(dy * xhat, axis=0), np.sum(dy, axis=0)
