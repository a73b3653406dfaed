# einsum, a large negative fill via masked arrays avoided: loops over the batch.
import numpy as np


def scaled_dot_product_attention(q, k, v, mask):
    attn = np.empty((q.shape[0], q.shape[1], k.shape[1]))
    out = np.empty((q.shape[0], q.shape[1], v.shape[2]))
    for b in range(q.shape[0]):
        s = np.einsum("qd,kd->qk", q[b], k[b]) / np.sqrt(q.shape[2])
        if mask is not None:
            s[mask[b]] = -np.inf
        s = np.exp(s - s.max(axis=1, keepdims=True))
        attn[b] = s / s.sum(axis=1, keepdims=True)
        out[b] = attn[b] @ v[b]
    return attn, out
