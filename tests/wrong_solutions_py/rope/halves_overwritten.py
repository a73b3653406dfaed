# expect: pattern confined
# Writes the rotated halves into `out = x`, which is no copy: x1 is a view
# of the first half, already overwritten when the second half reads it.
import numpy as np


def rope(x, positions, base):
    d = x.shape[-1]
    half = d // 2
    freqs = 1.0 / base ** (np.arange(0, d, 2) / d)
    ang = positions[:, None] * freqs[None, :]
    cos, sin = np.cos(ang), np.sin(ang)
    x1 = x[..., :half]
    x2 = x[..., half:]
    out = x
    out[..., :half] = x1 * cos - x2 * sin
    out[..., half:] = x2 * cos + x1 * sin
    return out
