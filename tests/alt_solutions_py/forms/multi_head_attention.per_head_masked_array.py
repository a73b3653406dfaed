# A correct solution in another form: `from prelude import *`, a loop over heads, np.ma for the mask.
import numpy as np
from prelude import *


def linear(x, layer):
    return x @ layer.weight.T + layer.bias


def multi_head_attention(q, k, v, mask, n_head, w):
    Q, K, V = linear(q, w.q), linear(k, w.k), linear(v, w.v)
    B, nq, _ = Q.shape
    nk = K.shape[1]
    dk = Q.shape[-1] // n_head
    dv = V.shape[-1] // n_head
    attn = np.zeros((B, n_head, nq, nk))
    heads = []
    for h in range(n_head):
        qh = Q[..., h * dk:(h + 1) * dk]
        kh = K[..., h * dk:(h + 1) * dk]
        vh = V[..., h * dv:(h + 1) * dv]
        s = qh @ kh.swapaxes(1, 2) / dk ** 0.5
        if mask is not None:
            s = np.ma.masked_array(s, mask).filled(-np.inf)
        s = np.exp(s - s.max(axis=2, keepdims=True))
        a = s / s.sum(axis=2, keepdims=True)
        attn[:, h] = a
        heads.append(a @ vh)
    concat = np.concatenate(heads, axis=-1)
    return attn, linear(concat, w.o)
