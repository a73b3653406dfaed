# expect: gradient gradient_check
# dx's projection term uses mean(dy * x) where it needs mean(dy * w * x):
# the weight multiplies only the first term.
import numpy as np


def rms_norm(x, normalized_shape, weight, eps):
    ax = tuple(range(-len(normalized_shape), 0))
    rms = np.sqrt((x ** 2).mean(axis=ax, keepdims=True) + eps)
    out = x / rms
    if weight is not None:
        out = out * weight
    return out


def rms_norm_backward(x, normalized_shape, weight, eps, dy):
    ax = tuple(range(-len(normalized_shape), 0))
    rms = np.sqrt((x ** 2).mean(axis=ax, keepdims=True) + eps)
    xh = x / rms
    dx = (dy * weight - xh * (dy * xh).mean(axis=ax, keepdims=True)) / rms
    lead = tuple(range(x.ndim - len(normalized_shape)))
    dw = (dy * xh).sum(axis=lead)
    return dx, dw
