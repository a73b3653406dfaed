import numpy as np


def rms_norm(x, normalized_shape, weight, eps):
    """As torch.nn.functional.rms_norm: x / sqrt(mean(x**2) + eps) * weight."""
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    y = x / np.sqrt(np.mean(x * x, axis=axes, keepdims=True) + eps)
    return y if weight is None else y * weight


def rms_norm_backward(x, normalized_shape, weight, eps, dy):
    """(dx, dweight): with r = 1/rms and g = dy * w,
    dx = r * (g - x * r**2 * mean(g * x)) and dweight = sum over groups of dy * x * r."""
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    r = 1.0 / np.sqrt(np.mean(x * x, axis=axes, keepdims=True) + eps)
    g = dy * weight
    dx = r * (g - x * r * r * np.mean(g * x, axis=axes, keepdims=True))
    dweight = (dy * x * r).reshape((-1,) + tuple(normalized_shape)).sum(axis=0)
    return dx, dweight
