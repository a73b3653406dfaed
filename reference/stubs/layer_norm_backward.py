import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    """Gradients of
    sum(layer_norm(x, normalized_shape, weight, bias, eps) * dy)
    with respect to x, weight and bias, as torch autograd computes them
    through F.layer_norm.

    x: float array; normalized_shape: tuple of int (x's trailing axes);
    weight: shaped normalized_shape; eps: float; dy: shaped like x.
    The forward pass: per group of the trailing axes, x_hat = (x - mean) /
    sqrt(var + eps) with the biased variance, y = x_hat * weight + bias.
    Returns (dx shaped like x, dweight, dbias shaped like normalized_shape).
    """
    raise NotImplementedError
