# expect: mistake kv_head_modulo
# The KV heads expanded with np.tile (h % n_kv_head) where repeat_kv
# repeats each head in place (h // group).
import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    b, h, t, d = q.shape
    n_kv = k_cache.shape[1]
    s = k_cache.shape[2]
    k_all = np.concatenate((k_cache, k_new), axis=2)
    v_all = np.concatenate((v_cache, v_new), axis=2)
    rep = h // n_kv
    k = np.tile(k_all, (1, rep, 1, 1))
    v = np.tile(v_all, (1, rep, 1, 1))
    scores = np.einsum("bhtd,bhsd->bhts", q, k) / np.sqrt(d)
    pos_q = s + np.arange(t)
    pos_k = np.arange(s + t)
    scores[..., pos_k[None, :] > pos_q[:, None]] = -np.inf
    scores -= scores.max(axis=-1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(axis=-1, keepdims=True)
    return np.einsum("bhts,bhsd->bhtd", p, v), k_all, v_all
