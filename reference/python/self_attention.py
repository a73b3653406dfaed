import numpy as np
from prelude import Linear, MhaWeights


def self_attention(x, n_head, w, causal):
    """Project x three ways, attend per head (hiding the future if causal)."""
    batch, n, _ = x.shape

    def heads(layer):
        y = x @ layer.weight.T + layer.bias
        return y.reshape(batch, n, n_head, -1).transpose(0, 2, 1, 3)

    q, k, v = heads(w.q), heads(w.k), heads(w.v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[-1])
    if causal:
        future = np.triu(np.ones((n, n), dtype=bool), k=1)
        scores = np.where(future, -np.inf, scores)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    attn = e / e.sum(axis=-1, keepdims=True)
    concat = (attn @ v).transpose(0, 2, 1, 3).reshape(batch, n, -1)
    return attn, concat @ w.o.weight.T + w.o.bias
