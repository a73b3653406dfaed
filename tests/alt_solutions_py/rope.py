# Complex-number formulation: each pair (x[i], x[i + d/2]) is the complex
# number x[i] + i·x[i + d/2], rotated by multiplying with exp(i·a).
import numpy as np


def rope(x, positions, base):
    d = x.shape[-1]
    half = d // 2
    i = np.arange(half, dtype=np.float64)
    theta = np.power(float(base), -2.0 * i / d)
    angles = np.einsum("s,h->sh", np.asarray(positions, dtype=np.float64), theta)
    rot = np.cos(angles) + 1j * np.sin(angles)
    z = x[..., :half] + 1j * x[..., half:]
    w = z * rot
    out = np.empty(x.shape, dtype=np.float64)
    out[..., :half] = w.real
    out[..., half:] = w.imag
    return out
