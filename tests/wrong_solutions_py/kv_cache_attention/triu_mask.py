# expect: mistake mask_top_left
# np.triu(..., k=1) on the (t, s + t) score block: the diagonal starts at
# key 0 instead of key s.
import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    n_head, t, d = q.shape[1:]
    n_kv = k_cache.shape[1]
    k_all = np.concatenate([k_cache, k_new], axis=2)
    v_all = np.concatenate([v_cache, v_new], axis=2)
    total = k_all.shape[2]
    mask = np.triu(np.ones((t, total), dtype=bool), k=1)
    out = np.empty(q.shape[:3] + (v_all.shape[-1],))
    for h in range(n_head):
        kv = h // (n_head // n_kv)
        sc = q[:, h] @ np.swapaxes(k_all[:, kv], 1, 2) / d ** 0.5
        sc = np.where(mask, -np.inf, sc)
        w = np.exp(sc - sc.max(axis=-1, keepdims=True))
        w = w / w.sum(axis=-1, keepdims=True)
        out[:, h] = w @ v_all[:, kv]
    return out, k_all, v_all
