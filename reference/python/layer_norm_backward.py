import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    """Gradients of sum(layer_norm(x, normalized_shape, weight, bias, eps) * dy):
    (dx, dweight, dbias)."""
    d = int(np.prod(normalized_shape))
    # One row per normalized group.
    x2 = x.reshape(-1, d)
    dy2 = dy.reshape(-1, d)
    mean = x2.mean(axis=1, keepdims=True)
    var = ((x2 - mean) ** 2).mean(axis=1, keepdims=True)
    rstd = 1.0 / np.sqrt(var + eps)
    x_hat = (x2 - mean) * rstd
    dweight = (dy2 * x_hat).sum(axis=0).reshape(normalized_shape)
    dbias = dy2.sum(axis=0).reshape(normalized_shape)
    # The mean and the variance depend on x too: the two subtracted terms.
    dx_hat = dy2 * weight.reshape(1, d)
    dx = rstd * (dx_hat - dx_hat.mean(axis=1, keepdims=True)
                 - x_hat * (dx_hat * x_hat).mean(axis=1, keepdims=True))
    return dx.reshape(x.shape), dweight, dbias
