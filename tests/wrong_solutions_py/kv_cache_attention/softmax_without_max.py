# expect: pattern overflow | pattern non_finite_rows | pattern non_finite
# einsum over the grouped heads, the mask right; the softmax exponentiates
# the raw scores, so a query whose scores reach 1e3 overflows to NaN.
import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    b, h, t, d = q.shape
    g = k_cache.shape[1]
    k = np.concatenate([k_cache, k_new], axis=2)
    v = np.concatenate([v_cache, v_new], axis=2)
    s = k.shape[2] - t
    qg = q.reshape(b, g, h // g, t, d)
    scores = np.einsum("bgrtd,bgsd->bgrts", qg, k) / np.sqrt(d)
    future = np.arange(s + t)[None, :] > np.arange(s, s + t)[:, None]
    w = np.where(future, 0.0, np.exp(scores))
    w = w / w.sum(axis=-1, keepdims=True)
    out = np.einsum("bgrts,bgse->bgrte", w, v).reshape(b, h, t, v.shape[-1])
    return out, k, v
