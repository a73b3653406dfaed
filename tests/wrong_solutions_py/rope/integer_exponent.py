# expect: pattern confined
# The exponent 2i/d computed with integer floor division: every theta is 1.
import numpy as np


def rope(x, positions, base):
    d = x.shape[-1]
    h = d // 2
    i = np.arange(h)
    theta = 1.0 / base ** (2 * i // d)
    ang = positions[:, None] * theta[None, :]
    cos = np.concatenate([np.cos(ang), np.cos(ang)], axis=-1)
    sin = np.concatenate([np.sin(ang), np.sin(ang)], axis=-1)
    rot = np.concatenate([-x[..., h:], x[..., :h]], axis=-1)
    return x * cos + rot * sin
