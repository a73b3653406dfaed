# One packed projection of q, k and v; einsum per head.
import numpy as np


def self_attention(x, n_head, w, causal):
    b, n, _ = x.shape
    packed = np.concatenate([w.q.weight, w.k.weight, w.v.weight])
    bias = np.concatenate([w.q.bias, w.k.bias, w.v.bias])
    qkv = x @ packed.T + bias
    dq, dk = w.q.weight.shape[0], w.k.weight.shape[0]
    q, k, v = qkv[..., :dq], qkv[..., dq : dq + dk], qkv[..., dq + dk :]
    q = q.reshape(b, n, n_head, -1)
    k = k.reshape(b, n, n_head, -1)
    v = v.reshape(b, n, n_head, -1)
    s = np.einsum("bihd,bjhd->bhij", q, k) / np.sqrt(q.shape[-1])
    if causal:
        s = s + np.triu(np.full((n, n), -np.inf), 1)
    s = np.exp(s - s.max(-1, keepdims=True))
    attn = s / s.sum(-1, keepdims=True)
    out = np.einsum("bhij,bjhd->bihd", attn, v).reshape(b, n, -1)
    return attn, out @ w.o.weight.T + w.o.bias
