# expect: mistake top_k_exactly_k
# Top-k as the last k indices of an argsort: ties at the k-th logit lose
# all but the ones the sort happens to put last.
import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    batch, vocab = logits.shape
    probs = np.zeros_like(logits)
    tokens = np.zeros(batch, dtype=np.int64)
    for b in range(batch):
        z = logits[b] / temperature
        kept = np.ones(vocab, dtype=bool)
        if 0 < top_k < vocab:
            kept[:] = False
            kept[np.argsort(z, kind="stable")[-top_k:]] = True
        e = np.where(kept, np.exp(z - z[kept].max()), 0.0)
        p = e / e.sum()
        if top_p < 1.0:
            order = np.argsort(-p, kind="stable")
            order = order[kept[order]]
            mass_before = np.concatenate(([0.0], np.cumsum(p[order])[:-1]))
            kept[order[mass_before >= top_p]] = False
            p = np.where(kept, p, 0.0)
            p /= p.sum()
        probs[b] = p
        j = int(np.searchsorted(np.cumsum(p), u[b], side="right"))
        tokens[b] = min(j, int(np.flatnonzero(p)[-1]))
    return probs, tokens
