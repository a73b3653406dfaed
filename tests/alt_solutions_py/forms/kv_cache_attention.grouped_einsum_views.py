# A correct solution in another form: queries grouped by KV head in one einsum; k_all returned as a view (k_all.T.T), v_all as v_all[:].
import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    B, H, T, D = q.shape
    Hkv, S = k_cache.shape[1], k_cache.shape[2]
    k_all = np.concatenate([k_cache, k_new], 2)
    v_all = np.concatenate([v_cache, v_new], 2)
    qg = q.reshape(B, Hkv, H // Hkv, T, D)
    scores = np.einsum("bgrtd,bgsd->bgrts", qg, k_all) * D ** -0.5
    i = np.arange(T)[:, None] + S
    j = np.arange(S + T)[None, :]
    scores[..., j > i] = float("-inf")
    p = np.exp(scores - np.max(scores, -1, keepdims=True))
    p /= p.sum(-1, keepdims=True)
    out = np.einsum("bgrts,bgse->bgrte", p, v_all).reshape(B, H, T, -1)
    return out, k_all.T.T, v_all[:]
