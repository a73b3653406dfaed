import numpy as np
from prelude import Linear, MhaWeights


def split_heads(x, n_head):
    """(batch, n, n_head * d) -> (batch, n_head, n, d)."""
    batch, n, width = x.shape
    return x.reshape(batch, n, n_head, width // n_head).transpose(0, 2, 1, 3)


def multi_head_attention(q, k, v, mask, n_head, w):
    """Project, attend per head, concatenate, project."""
    qh = split_heads(q @ w.q.weight.T + w.q.bias, n_head)
    kh = split_heads(k @ w.k.weight.T + w.k.bias, n_head)
    vh = split_heads(v @ w.v.weight.T + w.v.bias, n_head)
    scores = qh @ kh.transpose(0, 1, 3, 2) / np.sqrt(qh.shape[-1])
    if mask is not None:
        scores = np.where(mask[:, None, :, :], -np.inf, scores)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    attn = e / e.sum(axis=-1, keepdims=True)
    heads = attn @ vh
    batch, _, n_q, d_v = heads.shape
    concat = heads.transpose(0, 2, 1, 3).reshape(batch, n_q, n_head * d_v)
    return attn, concat @ w.o.weight.T + w.o.bias
