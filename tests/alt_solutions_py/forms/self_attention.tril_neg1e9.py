# A correct solution in another form: np.tril mask with -1e9, swapaxes.
import numpy as np


def self_attention(x, n_head, w, causal):
    B, n, _ = x.shape
    q = x @ w.q.weight.T + w.q.bias
    k = x @ w.k.weight.T + w.k.bias
    v = x @ w.v.weight.T + w.v.bias
    def split(t):
        return t.reshape(B, n, n_head, -1).swapaxes(1, 2)
    q, k, v = split(q), split(k), split(v)
    att = q @ k.swapaxes(-1, -2) * (1.0 / np.sqrt(k.shape[-1]))
    if causal:
        tri = np.tril(np.ones((n, n)))
        att = np.where(tri == 0, -1e9, att)
    att = np.exp(att - att.max(-1, keepdims=True))
    att = att / att.sum(-1, keepdims=True)
    y = (att @ v).swapaxes(1, 2).reshape(B, n, -1)
    return att, y @ w.o.weight.T + w.o.bias
