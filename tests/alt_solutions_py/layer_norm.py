# Loops over rows with math and a two-pass variance; plain Python lists.
import math

import numpy as np


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    size = 1
    for d in normalized_shape:
        size *= d
    rows = x.reshape(-1, size)
    out = np.empty_like(rows)
    w = None if weight is None else weight.reshape(-1)
    b = None if bias is None else bias.reshape(-1)
    for r in range(rows.shape[0]):
        row = rows[r]
        mean = sum(row) / size
        var = sum((v - mean) ** 2 for v in row) / size
        inv = 1.0 / math.sqrt(var + eps)
        for i in range(size):
            y = (row[i] - mean) * inv
            if w is not None:
                y *= w[i]
            if b is not None:
                y += b[i]
            out[r, i] = y
    return out.reshape(x.shape)
