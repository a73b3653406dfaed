# expect: mistake weights_not_transposed | exception matmul_shapes
# Projections as x @ W, reading the (out, in) weights as (in, out).
import numpy as np
from prelude import Linear, MhaWeights


def _proj(x, lin):
    return x @ lin.weight + lin.bias


def multi_head_attention(q, k, v, mask, n_head, w):
    Q, K, V = _proj(q, w.q), _proj(k, w.k), _proj(v, w.v)
    b, nq, _ = Q.shape
    nk = K.shape[1]
    Qh = Q.reshape(b, nq, n_head, -1).transpose(0, 2, 1, 3)
    Kh = K.reshape(b, nk, n_head, -1).transpose(0, 2, 1, 3)
    Vh = V.reshape(b, nk, n_head, -1).transpose(0, 2, 1, 3)
    scores = Qh @ Kh.transpose(0, 1, 3, 2) / np.sqrt(Qh.shape[-1])
    if mask is not None:
        scores[np.broadcast_to(mask[:, None], scores.shape)] = -np.inf
    e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    attn = e / np.sum(e, axis=-1, keepdims=True)
    out = (attn @ Vh).transpose(0, 2, 1, 3).reshape(b, nq, -1)
    return attn, _proj(out, w.o)
