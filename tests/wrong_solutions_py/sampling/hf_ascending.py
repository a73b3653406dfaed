# expect: pattern reordered | pattern confined
# transformers' TopPLogitsWarper transcribed: sort ascending (stable), remove
# where the ascending cumulative sum is <= 1 - top_p.
import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    x = logits / temperature
    n, V = x.shape
    if 0 < top_k < V:
        kth = -np.sort(-x, axis=1)[:, top_k - 1:top_k]
        x = np.where(x < kth, -np.inf, x)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    if top_p < 1.0:
        order = np.argsort(p, axis=1, kind="stable")
        sp = np.take_along_axis(p, order, axis=1)
        remove_sorted = np.cumsum(sp, axis=1) <= 1 - top_p
        remove_sorted[:, -1] = False
        remove = np.zeros_like(remove_sorted)
        np.put_along_axis(remove, order, remove_sorted, axis=1)
        p = np.where(remove, 0.0, p)
        p = p / p.sum(axis=1, keepdims=True)
    cdf = np.cumsum(p, axis=1)
    tokens = (cdf <= u[:, None]).sum(axis=1)
    return p, tokens
