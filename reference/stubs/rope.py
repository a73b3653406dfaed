import numpy as np


def rope(x, positions, base):
    """Rotary position embedding, Llama's "rotate half" layout.

    x: float64 (batch, n_head, seq, d), d even; positions: int64 (seq,), the
    absolute position of each row; base: float.
    For 0 <= i < d/2: theta_i = base**(-2i/d), a = position * theta_i;
    out[i] = x[i] cos a - x[i + d/2] sin a;
    out[i + d/2] = x[i + d/2] cos a + x[i] sin a.
    Returns an array shaped like x.
    """
    raise NotImplementedError
