# expect: pattern reordered | pattern confined
# Top-p order by np.argsort(p)[::-1]: descending, but equal probabilities
# come higher index first, so a tie at the cut keeps the wrong token.
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def sample(logits, temperature, top_k, top_p, u):
    batch, vocab = logits.shape
    z = logits / temperature
    if 0 < top_k < vocab:
        kth = np.sort(z, axis=-1)[:, -top_k][:, None]
        z = np.where(z >= kth, z, -np.inf)
    probs = softmax(z)
    if top_p < 1.0:
        for b in range(batch):
            order = np.argsort(probs[b])[::-1]
            sorted_p = probs[b, order]
            before = np.cumsum(sorted_p) - sorted_p
            drop = order[before >= top_p]
            probs[b, drop] = 0.0
        probs = probs / probs.sum(axis=-1, keepdims=True)
    cdf = np.cumsum(probs, axis=-1)
    tokens = np.array([np.searchsorted(cdf[b], u[b], side="right") for b in range(batch)])
    last = vocab - 1 - np.argmax(probs[:, ::-1] > 0, axis=-1)
    return probs, np.minimum(tokens, last)
