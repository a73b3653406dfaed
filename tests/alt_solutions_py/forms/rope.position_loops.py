# A correct solution in another form: a loop over positions and pairs with math.cos / math.sin.
import math
import numpy as np


def rope(x, positions, base):
    out = np.empty_like(x)
    d = x.shape[-1]
    h = d // 2
    for s, pos in enumerate(positions):
        for i in range(h):
            a = pos * base ** (-2 * i / d)
            c, sn = math.cos(a), math.sin(a)
            x1 = x[..., s, i]
            x2 = x[..., s, i + h]
            out[..., s, i] = x1 * c - x2 * sn
            out[..., s, i + h] = x2 * c + x1 * sn
    return out
