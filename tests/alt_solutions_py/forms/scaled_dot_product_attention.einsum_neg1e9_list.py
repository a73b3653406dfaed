# A correct solution in another form: einsum, -1e9 for hidden keys, the pair returned as a list.
import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None):
    d_k = q.shape[-1]
    scores = np.einsum("bqd,bkd->bqk", q, k) / np.sqrt(d_k)
    if mask is not None:
        scores = np.where(mask, -1e9, scores)
    scores -= scores.max(-1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(-1, keepdims=True)
    return [w, np.einsum("bqk,bkd->bqd", w, v)]
