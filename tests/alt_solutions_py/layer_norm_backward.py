# Loops over the rows with the expanded derivative: dx = (D·dx̂ − Σdx̂ −
# x̂·Σ(dx̂·x̂)) / (D·σ); the parameter gradients accumulated row by row.
import math

import numpy as np


def layer_norm_backward(x, normalized_shape, weight, eps, dy):
    D = 1
    for s in normalized_shape:
        D *= int(s)
    xs = np.asarray(x, dtype=np.float64).reshape(-1, D)
    dys = np.asarray(dy, dtype=np.float64).reshape(-1, D)
    w = np.asarray(weight, dtype=np.float64).reshape(D)
    dx = np.empty_like(xs)
    dweight = np.zeros(D)
    dbias = np.zeros(D)
    for r in range(xs.shape[0]):
        row = xs[r]
        mu = row.sum() / D
        c = row - mu
        sigma = math.sqrt(float(np.dot(c, c)) / D + eps)
        xh = c / sigma
        g = dys[r]
        dweight += g * xh
        dbias += g
        dxh = g * w
        dx[r] = (D * dxh - dxh.sum() - xh * float(np.dot(dxh, xh))) / (D * sigma)
    shape = tuple(normalized_shape)
    return dx.reshape(np.shape(x)), dweight.reshape(shape), dbias.reshape(shape)
