# expect: invariant distribution
# The softmax divided by np.sum(e) with no axis: every score of the batch
# shares one denominator, and no row sums to 1.
import numpy as np


def scaled_dot_product_attention(q, k, v, mask):
    d_k = q.shape[-1]
    scores = np.matmul(q, np.swapaxes(k, -1, -2)) / np.sqrt(d_k)
    if mask is not None:
        scores = np.where(mask, -np.inf, scores)
    e = np.exp(scores - np.max(scores, axis=-1, keepdims=True))
    attn = e / np.sum(e)
    return attn, np.matmul(attn, v)
