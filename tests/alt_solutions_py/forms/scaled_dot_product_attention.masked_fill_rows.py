# A correct solution in another form: scores[mask] = -inf per batch, a softmax per row, tuple([...]).
import numpy as np
import math


def softmax(z):
    z = z - np.max(z)
    e = np.exp(z)
    return e / e.sum()


def scaled_dot_product_attention(q, k, v, mask):
    B, nq, d = q.shape
    nk = k.shape[1]
    attn = np.zeros((B, nq, nk))
    for b in range(B):
        s = q[b] @ k[b].T / math.sqrt(d)
        if mask is not None:
            s[mask[b]] = -np.inf
        for i in range(nq):
            attn[b, i] = softmax(s[i])
    out = np.matmul(attn, v)
    return tuple([attn, out])
