# A correct solution in another form: dvar and dmu by the chain rule, dweight as a list.
import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    axes = tuple(range(x.ndim - len(normalized_shape), x.ndim))
    N = int(np.prod(normalized_shape))
    mu = x.mean(axis=axes, keepdims=True)
    xc = x - mu
    var = (xc ** 2).mean(axis=axes, keepdims=True)
    inv = (var + eps) ** -0.5
    xhat = xc * inv
    lead = tuple(range(x.ndim - len(normalized_shape)))
    dweight = (dy * xhat).sum(axis=lead)
    dbias = dy.sum(axis=lead)
    dxhat = dy * weight
    dvar = (dxhat * xc * -0.5 * inv ** 3).sum(axis=axes, keepdims=True)
    dmu = (-dxhat * inv).sum(axis=axes, keepdims=True) + dvar * (-2 * xc).mean(axis=axes, keepdims=True)
    dx = dxhat * inv + dvar * 2 * xc / N + dmu / N
    return [dx, dweight.tolist(), dbias]
