# expect: mistake heads_not_moved_back | pattern permuted_then_reshaped
# The heads' outputs (batch, n_head, n_q, d_v) reshaped to
# (batch, n_q, n_head * d_v) without moving the head axis back.
import numpy as np
from prelude import Linear, MhaWeights


def multi_head_attention(q, k, v, mask, n_head, w):
    B, Lq, _ = q.shape
    Lk = k.shape[1]
    Q = q @ w.q.weight.T + w.q.bias
    K = k @ w.k.weight.T + w.k.bias
    V = v @ w.v.weight.T + w.v.bias
    dk = Q.shape[-1] // n_head
    dv = V.shape[-1] // n_head
    Q = Q.reshape(B, Lq, n_head, dk).swapaxes(1, 2)
    K = K.reshape(B, Lk, n_head, dk).swapaxes(1, 2)
    V = V.reshape(B, Lk, n_head, dv).swapaxes(1, 2)
    s = np.einsum("bhqd,bhkd->bhqk", Q, K) / np.sqrt(dk)
    if mask is not None:
        s = np.where(mask[:, None], -np.inf, s)
    s = s - s.max(axis=-1, keepdims=True)
    a = np.exp(s)
    a /= a.sum(axis=-1, keepdims=True)
    heads = a @ V
    concat = heads.reshape(B, Lq, n_head * dv)
    return a, concat @ w.o.weight.T + w.o.bias
