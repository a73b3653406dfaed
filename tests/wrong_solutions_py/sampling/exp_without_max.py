# expect: pattern non_finite_rows | pattern non_finite
# Vectorized over the batch: the softmax exponentiates the scaled logits as
# they are, so logits near 1e3 overflow to inf and the row becomes NaN.
import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    batch, vocab = logits.shape
    z = logits / temperature
    keep = np.ones_like(z, dtype=bool)
    if 0 < top_k < vocab:
        kth = -np.sort(-z, axis=1)[:, top_k - 1:top_k]
        keep = z >= kth
    e = np.where(keep, np.exp(z), 0.0)
    probs = e / e.sum(axis=1, keepdims=True)
    if top_p < 1.0:
        for b in range(batch):
            order = np.argsort(-probs[b], kind="stable")
            cum = np.cumsum(probs[b, order])
            before = cum - probs[b, order]
            probs[b, order[before >= top_p]] = 0.0
        probs /= probs.sum(axis=1, keepdims=True)
    tokens = np.zeros(batch, dtype=np.int64)
    for b in range(batch):
        cdf = np.cumsum(probs[b])
        j = int(np.argmax(cdf > u[b])) if (cdf > u[b]).any() else vocab - 1
        while probs[b, j] == 0.0 and j > 0:
            j -= 1
        tokens[b] = j
    return probs, tokens
