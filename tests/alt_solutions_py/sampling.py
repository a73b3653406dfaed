# Per-row Python: the k-th largest found by sorting the row descending with
# sorted(); top-p walks the survivors sorted by (-prob, index) with a running
# sum; the draw walks the vocabulary with an explicit cumulative loop.
import math

import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    batch, vocab = logits.shape
    probs = np.zeros((batch, vocab), dtype=np.float64)
    tokens = np.zeros(batch, dtype=np.int64)
    for b in range(batch):
        x = [float(v) / temperature for v in logits[b]]
        if top_k > 0 and top_k < vocab:
            kth = sorted(x, reverse=True)[top_k - 1]
            kept = [j for j in range(vocab) if x[j] >= kth]
        else:
            kept = list(range(vocab))
        top = max(x[j] for j in kept)
        e = {j: math.exp(x[j] - top) for j in kept}
        z = sum(e.values())
        p = {j: e[j] / z for j in kept}
        if top_p < 1.0:
            survivors = []
            before = 0.0
            for j in sorted(kept, key=lambda j: (-p[j], j)):
                if before < top_p:
                    survivors.append(j)
                before += p[j]
            kept = sorted(survivors)
        z = sum(p[j] for j in kept)
        row = probs[b]
        for j in kept:
            row[j] = p[j] / z
        acc = 0.0
        choice = kept[-1]
        for j in kept:  # ascending: vocabulary order, zeros add nothing
            acc += row[j]
            if acc > u[b]:
                choice = j
                break
        tokens[b] = choice
    return probs, tokens
