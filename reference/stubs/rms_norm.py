import numpy as np


def rms_norm(x, normalized_shape, weight, eps):
    """As torch.nn.functional.rms_norm.

    x: float64 array of any rank; normalized_shape: tuple of int, the
    trailing axes normalized together; weight: array shaped
    normalized_shape, or None; eps: float.
    Returns x / sqrt(mean(x**2) + eps) * weight, shaped like x.
    """
    raise NotImplementedError


def rms_norm_backward(x, normalized_shape, weight, eps, dy):
    """Gradients of sum(rms_norm(x, normalized_shape, weight, eps) * dy).

    dy is shaped like x. Returns (dx shaped like x, dweight shaped like
    normalized_shape).
    """
    raise NotImplementedError
