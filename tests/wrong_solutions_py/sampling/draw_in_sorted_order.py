# expect: mistake draw_in_sorted_order
# The filtering is right; the draw walks the tokens by probability, the
# order top-p sorted them in, instead of by vocabulary index.
import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    batch, vocab = logits.shape
    probs = np.empty_like(logits)
    tokens = np.empty(batch, dtype=np.int64)
    for b in range(batch):
        x = logits[b] / temperature
        if 0 < top_k < vocab:
            cutoff = np.sort(x)[::-1][top_k - 1]
            x = np.where(x < cutoff, -np.inf, x)
        p = np.exp(x - np.max(x))
        p /= p.sum()
        order = np.argsort(-p, kind="stable")
        if top_p < 1.0:
            csum = np.cumsum(p[order])
            cut = order[(csum - p[order]) >= top_p]
            p[cut] = 0.0
            p /= p.sum()
        probs[b] = p
        walk = np.cumsum(p[order])
        i = min(int(np.searchsorted(walk, u[b], side="right")), int(np.count_nonzero(p)) - 1)
        tokens[b] = order[i]
    return probs, tokens
