import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    """Temperature -> top-k -> top-p -> renormalize -> draw in vocabulary order."""
    batch, vocab = logits.shape
    probs = np.zeros((batch, vocab))
    tokens = np.zeros(batch, dtype=np.int64)
    for b in range(batch):
        x = logits[b] / temperature
        keep = np.ones(vocab, dtype=bool)
        if 0 < top_k < vocab:
            kth = np.partition(x, vocab - top_k)[vocab - top_k]
            keep = x >= kth  # ties at the boundary are all kept
        e = np.where(keep, np.exp(x - x[keep].max()), 0.0)
        p = e / e.sum()
        if top_p < 1.0:
            # stable sort: equal probabilities keep the lower index first
            order = np.argsort(-p, kind="stable")
            order = order[keep[order]]
            before = np.cumsum(p[order]) - p[order]
            keep[order[before >= top_p]] = False
        row = np.where(keep, p, 0.0)
        row /= row.sum()
        probs[b] = row
        tokens[b] = min(int(np.searchsorted(np.cumsum(row), u[b], side="right")),
                        int(np.nonzero(row)[0][-1]))
    return probs, tokens
