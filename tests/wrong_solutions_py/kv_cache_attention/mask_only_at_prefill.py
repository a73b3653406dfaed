# expect: pattern confined
# The causal mask applied only when the cache is empty (prefill), as if a
# decoding step never had more than one new token.
import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    k_all = np.concatenate([k_cache, k_new], axis=2)
    v_all = np.concatenate([v_cache, v_new], axis=2)
    H, T, D = q.shape[1:]
    group = H // k_all.shape[1]
    k = np.repeat(k_all, group, axis=1)
    v = np.repeat(v_all, group, axis=1)
    s = np.matmul(q, np.swapaxes(k, 2, 3)) / np.sqrt(D)
    if k_cache.shape[2] == 0:
        s = s + np.triu(np.full((T, T), -np.inf), 1)
    s = np.exp(s - np.max(s, axis=-1, keepdims=True))
    return np.matmul(s / np.sum(s, axis=-1, keepdims=True), v), k_all, v_all
