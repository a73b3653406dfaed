# expect: mistake interleaved_pairs
# The RoFormer paper's layout: even and odd features rotated as pairs.
import numpy as np


def rope(x, positions, base):
    d = x.shape[-1]
    i = np.arange(d // 2)
    theta = np.power(base, -2.0 * i / d)
    a = np.einsum("s,f->sf", positions.astype(float), theta)
    c, s = np.cos(a), np.sin(a)
    even, odd = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = even * c - odd * s
    out[..., 1::2] = odd * c + even * s
    return out
