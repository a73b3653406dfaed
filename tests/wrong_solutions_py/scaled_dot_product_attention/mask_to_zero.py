# expect: invariant zero_where_mask | pattern only_where_mask_true
# Hidden scores multiplied by 0 instead of set to -inf: exp(0) still gives
# the hidden keys weight.
import numpy as np


def scaled_dot_product_attention(q, k, v, mask):
    scores = np.einsum("bqd,bkd->bqk", q, k) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores * (~mask)
    scores = scores - scores.max(axis=-1, keepdims=True)
    attn = np.exp(scores)
    attn = attn / attn.sum(axis=-1, keepdims=True)
    return attn, np.einsum("bqk,bkd->bqd", attn, v)
