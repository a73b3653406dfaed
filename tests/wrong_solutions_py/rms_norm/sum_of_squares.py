# expect: mistake root_of_sum | pattern scaled
# The rms as the L2 norm of the group: the squares summed, not averaged.
import numpy as np


def rms_norm(x, normalized_shape, weight, eps):
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    norm = np.sqrt(np.sum(x ** 2, axis=axes, keepdims=True) + eps)
    y = x / norm
    if weight is not None:
        y = y * weight
    return y


def rms_norm_backward(x, normalized_shape, weight, eps, dy):
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    lead = tuple(range(x.ndim - len(normalized_shape)))
    r = 1.0 / np.sqrt(np.sum(x ** 2, axis=axes, keepdims=True) + eps)
    g = dy * weight
    dx = r * g - x * r ** 3 * np.sum(g * x, axis=axes, keepdims=True)
    dweight = np.sum(dy * x * r, axis=lead)
    return dx, dweight
