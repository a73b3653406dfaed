# A loop over heads with slices, like the Rust reference; returns a list.
import numpy as np


def _softmax(s):
    e = np.exp(s - np.max(s, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def multi_head_attention(q, k, v, mask, n_head, w):
    Q = np.matmul(q, w.q.weight.T) + w.q.bias
    K = np.matmul(k, w.k.weight.T) + w.k.bias
    V = np.matmul(v, w.v.weight.T) + w.v.bias
    d_k, d_v = Q.shape[-1] // n_head, V.shape[-1] // n_head
    batch, n_q, n_k = q.shape[0], q.shape[1], k.shape[1]
    attn = np.zeros((batch, n_head, n_q, n_k))
    heads = []
    for h in range(n_head):
        s = Q[..., h * d_k : (h + 1) * d_k] @ np.swapaxes(K[..., h * d_k : (h + 1) * d_k], 1, 2) / d_k**0.5
        if mask is not None:
            s = np.where(mask, -np.inf, s)
        a = _softmax(s)
        attn[:, h] = a
        heads.append(a @ V[..., h * d_v : (h + 1) * d_v])
    concat = np.concatenate(heads, axis=-1)
    return [attn, concat @ w.o.weight.T + w.o.bias]
