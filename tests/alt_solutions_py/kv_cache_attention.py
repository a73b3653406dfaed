# Explicit loops over batch and query heads, indexing KV head h // group
# directly (no repeat); einsum for the scores, and the causal mask applied
# by slicing each query row's visible keys.
import math

import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    batch, n_head, t, d = q.shape
    n_kv_head, s = k_cache.shape[1], k_cache.shape[2]
    d_v = v_cache.shape[3]
    k_all = np.concatenate((k_cache, k_new), axis=2)
    v_all = np.concatenate((v_cache, v_new), axis=2)
    group = n_head // n_kv_head
    scale = 1.0 / math.sqrt(d)
    out = np.zeros((batch, n_head, t, d_v))
    for b in range(batch):
        for h in range(n_head):
            kh = k_all[b, h // group]
            vh = v_all[b, h // group]
            scores = np.einsum("id,jd->ij", q[b, h], kh) * scale
            for i in range(t):
                vis = s + i + 1
                sc = scores[i, :vis]
                w = np.exp(sc - sc.max())
                out[b, h, i] = np.einsum("j,jd->d", w, vh[:vis]) / w.sum()
    return out, k_all, v_all
