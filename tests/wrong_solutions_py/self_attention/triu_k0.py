# expect: mistake causal_off_by_one | invariant zero_above_diagonal
# The future hidden with np.triu(..., k=0), which includes the diagonal.
import numpy as np
from prelude import Linear, MhaWeights


def self_attention(x, n_head, w, causal):
    B, T, _ = x.shape
    q = (x @ w.q.weight.T + w.q.bias).reshape(B, T, n_head, -1).transpose(0, 2, 1, 3)
    k = (x @ w.k.weight.T + w.k.bias).reshape(B, T, n_head, -1).transpose(0, 2, 1, 3)
    v = (x @ w.v.weight.T + w.v.bias).reshape(B, T, n_head, -1).transpose(0, 2, 1, 3)
    att = q @ k.transpose(0, 1, 3, 2) * (1.0 / np.sqrt(k.shape[-1]))
    if causal:
        hide = np.triu(np.ones((T, T)), k=0).astype(bool)
        att = np.where(hide, -1e30, att)
    att = np.exp(att - att.max(axis=-1, keepdims=True))
    att = att / att.sum(axis=-1, keepdims=True)
    y = (att @ v).transpose(0, 2, 1, 3).reshape(B, T, -1)
    return att, y @ w.o.weight.T + w.o.bias
