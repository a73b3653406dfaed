import numpy as np


def attend_with_cache(q, k_cache, v_cache, k_new, v_new):
    """Grouped-query attention of t new tokens over a KV cache.

    q: (batch, n_head, t, d); k_cache: (batch, n_kv_head, s, d) and
    v_cache: (batch, n_kv_head, s, d_v), s may be 0; k_new, v_new: the t new
    tokens' keys and values. Query head h reads KV head
    h // (n_head // n_kv_head). New token i sits at position s + i and
    attends to keys 0 to s + i; scores scaled by 1/sqrt(d), softmax over keys.
    Returns (output (batch, n_head, t, d_v),
             k_all (batch, n_kv_head, s + t, d),
             v_all (batch, n_kv_head, s + t, d_v)),
    k_all / v_all = cache then new.
    """
    raise NotImplementedError
