# A correct solution in another form: transformers' rotate_half and inv_freq; x touched in place.
import numpy as np


def rotate_half(x):
    x1, x2 = np.split(x, 2, axis=-1)
    return np.concatenate((-x2, x1), axis=-1)


def rope(x, positions, base):
    d = x.shape[-1]
    inv_freq = 1.0 / (base ** (np.arange(0, d, 2, dtype=np.int64).astype(np.float64) / d))
    freqs = np.einsum("i,j->ij", positions, inv_freq)
    emb = np.concatenate((freqs, freqs), axis=-1)
    x *= 1  # touching the input
    return x * np.cos(emb) + rotate_half(x) * np.sin(emb)
