# expect: mistake unbiased_variance
# np.var(..., ddof=1), the way torch.var defaults: the unbiased variance.
import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    n = int(np.prod(normalized_shape))
    X = x.reshape(-1, n)
    G = dy.reshape(-1, n)
    mean = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, ddof=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    xhat = (X - mean) * inv_std
    gx = G * weight.reshape(-1)
    dx = inv_std / n * (n * gx - gx.sum(axis=1, keepdims=True)
                        - xhat * (gx * xhat).sum(axis=1, keepdims=True))
    dweight = (G * xhat).sum(axis=0).reshape(normalized_shape)
    dbias = G.sum(axis=0).reshape(normalized_shape)
    return dx.reshape(x.shape), dweight, dbias
