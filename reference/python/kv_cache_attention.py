import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    """GQA over a KV cache with a bottom-right causal mask."""
    n_head, t, d = q.shape[1], q.shape[2], q.shape[3]
    n_kv_head, s = k_cache.shape[1], k_cache.shape[2]
    k_all = np.concatenate([k_cache, k_new], axis=2)
    v_all = np.concatenate([v_cache, v_new], axis=2)
    # Consecutive query heads share a KV head (repeat_kv).
    group = n_head // n_kv_head
    k = np.repeat(k_all, group, axis=1)
    v = np.repeat(v_all, group, axis=1)
    scores = q @ k.swapaxes(-1, -2) / np.sqrt(d)
    # New token i (position s + i) sees keys 0 to s + i.
    hidden = np.arange(s + t)[None, :] > (s + np.arange(t))[:, None]
    scores = np.where(hidden, -np.inf, scores)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ v, k_all, v_all
