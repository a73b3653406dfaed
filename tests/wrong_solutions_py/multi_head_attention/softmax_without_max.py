# expect: pattern overflow | pattern non_finite_rows | pattern non_finite
# Heads by reshape and swapaxes, the mask as -inf; the softmax exponentiates
# the raw scores, so a query whose scores reach 1e3 gives inf / inf = NaN.
import numpy as np
from prelude import Linear, MhaWeights


def multi_head_attention(q, k, v, mask, n_head, w):
    def heads(x, layer):
        y = x @ layer.weight.T + layer.bias
        b, n, width = y.shape
        return y.reshape(b, n, n_head, width // n_head).swapaxes(1, 2)

    Q, K, V = heads(q, w.q), heads(k, w.k), heads(v, w.v)
    scores = Q @ K.swapaxes(-1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask[:, None], -np.inf, scores)
    e = np.exp(scores)
    attn = e / e.sum(-1, keepdims=True)
    out = (attn @ V).swapaxes(1, 2)
    out = out.reshape(out.shape[0], out.shape[1], -1)
    return attn, out @ w.o.weight.T + w.o.bias
