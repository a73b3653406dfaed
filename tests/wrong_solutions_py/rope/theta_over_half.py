# expect: pattern confined
# theta_i = base^(-i/(d/2 - 1)): the exponent spread over 0..1 inclusive,
# so the last pair turns at 1/base instead of base^(-(d-2)/d).
import numpy as np


def rope(x, positions, base):
    d = x.shape[-1]
    h = d // 2
    expo = np.linspace(0.0, 1.0, h) if h > 1 else np.zeros(1)
    theta = base ** (-expo)
    ang = np.outer(positions, theta)
    c, s = np.cos(ang), np.sin(ang)
    a, b = x[..., :h], x[..., h:]
    return np.concatenate([a * c - b * s, b * c + a * s], axis=-1)
