# Flattens to (groups, n) and loops over the groups; the sums of squares by
# np.dot of a row with itself, dweight accumulated group by group.
import math

import numpy as np


def _size(shape):
    n = 1
    for s in shape:
        n *= int(s)
    return n


def rms_norm(x, normalized_shape, weight, eps):
    n = _size(normalized_shape)
    rows = np.asarray(x, dtype=np.float64).reshape(-1, n)
    w = None if weight is None else np.asarray(weight, dtype=np.float64).reshape(n)
    out = np.empty_like(rows)
    for r in range(rows.shape[0]):
        row = rows[r]
        inv = 1.0 / math.sqrt(float(np.dot(row, row)) / n + eps)
        y = row * inv
        if w is not None:
            y = y * w
        out[r] = y
    return out.reshape(np.shape(x))


def rms_norm_backward(x, normalized_shape, weight, eps, dy):
    n = _size(normalized_shape)
    rows = np.asarray(x, dtype=np.float64).reshape(-1, n)
    dys = np.asarray(dy, dtype=np.float64).reshape(-1, n)
    w = np.asarray(weight, dtype=np.float64).reshape(n)
    dx = np.empty_like(rows)
    dw = np.zeros(n)
    for r in range(rows.shape[0]):
        row, d = rows[r], dys[r]
        inv = 1.0 / math.sqrt(float(np.dot(row, row)) / n + eps)
        g = d * w
        c = float(np.dot(g, row)) / n * inv ** 3
        dx[r] = g * inv - row * c
        dw += d * row * inv
    return dx.reshape(np.shape(x)), dw.reshape(tuple(normalized_shape))
