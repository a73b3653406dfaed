# expect: mistake scale_by_model_width
# Scores scaled by the model width x.shape[-1], not one head's width.
import numpy as np
from prelude import Linear, MhaWeights


def self_attention(x, n_head, w, causal):
    batch, n, d_model = x.shape
    out_heads = []
    attns = []
    Q = x @ w.q.weight.T + w.q.bias
    K = x @ w.k.weight.T + w.k.bias
    V = x @ w.v.weight.T + w.v.bias
    dq = Q.shape[-1] // n_head
    dv = V.shape[-1] // n_head
    for h in range(n_head):
        qh = Q[..., h * dq:(h + 1) * dq]
        kh = K[..., h * dq:(h + 1) * dq]
        vh = V[..., h * dv:(h + 1) * dv]
        s = qh @ kh.transpose(0, 2, 1) / np.sqrt(d_model)
        if causal:
            s[:, np.triu_indices(n, 1)[0], np.triu_indices(n, 1)[1]] = -np.inf
        s = np.exp(s - s.max(-1, keepdims=True))
        a = s / s.sum(-1, keepdims=True)
        attns.append(a)
        out_heads.append(a @ vh)
    concat = np.concatenate(out_heads, axis=-1)
    return np.stack(attns, axis=1), concat @ w.o.weight.T + w.o.bias
