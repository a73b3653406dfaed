# expect: mistake scale_by_value_width
# Scores scaled by 1/sqrt of the value width (v's last axis) instead of d.
import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    k_all = np.concatenate((k_cache, k_new), axis=2)
    v_all = np.concatenate((v_cache, v_new), axis=2)
    B, H, T, D = q.shape
    Hk, S = k_cache.shape[1], k_cache.shape[2]
    dv = v_all.shape[-1]
    g = H // Hk
    out = np.zeros((B, H, T, dv))
    for h in range(H):
        kh = k_all[:, h // g]
        vh = v_all[:, h // g]
        s = np.einsum("btd,bsd->bts", q[:, h], kh) / np.sqrt(dv)
        for i in range(T):
            s[:, i, S + i + 1:] = -np.inf
        s = s - s.max(axis=-1, keepdims=True)
        w = np.exp(s)
        w /= w.sum(axis=-1, keepdims=True)
        out[:, h] = w @ vh
    return out, k_all, v_all
