import numpy as np


def rope(x, positions, base):
    """Rotary position embedding in Llama's rotate-half layout (float64 angles)."""
    d = x.shape[-1]
    half = d // 2
    theta = base ** (-2.0 * np.arange(half) / d)
    angles = np.outer(positions.astype(np.float64), theta)  # (seq, d/2)
    cos, sin = np.cos(angles), np.sin(angles)
    x1, x2 = x[..., :half], x[..., half:]
    return np.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], axis=-1)
