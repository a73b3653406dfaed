# expect: mistake top_p_over_full_distribution
# top-k applied to the full softmax, zeroing the others, and top-p run on
# those probabilities without renormalizing them first.
import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    x = logits / temperature
    e = np.exp(x - x.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    n, V = p.shape
    tokens = np.zeros(n, dtype=np.int64)
    for r in range(n):
        if 0 < top_k < V:
            kth = np.sort(p[r])[-top_k]
            p[r][p[r] < kth] = 0.0
        if top_p < 1.0:
            order = np.argsort(-p[r], kind="stable")
            before = np.cumsum(p[r][order]) - p[r][order]
            p[r][order[before >= top_p]] = 0.0
        p[r] /= p[r].sum()
        tokens[r] = np.searchsorted(np.cumsum(p[r]), u[r], side="right")
    return p, tokens
