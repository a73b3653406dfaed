# expect: pattern confined
# Encode merges, in each pass, the first pair in the text that is a merge
# (any rank), rather than the lowest-ranked pair.
import numpy as np


def bpe_train(text, n_merges):
    ids = list(text)
    merges = []
    for r in range(n_merges):
        if len(ids) < 2:
            break
        counts = {}
        for p in zip(ids[:-1], ids[1:]):
            counts[p] = counts.get(p, 0) + 1
        best = max(counts, key=counts.get)
        merges.append(best)
        out, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and (ids[i], ids[i + 1]) == best:
                out.append(256 + r)
                i += 2
            else:
                out.append(ids[i])
                i += 1
        ids = out
    return np.array(merges, dtype=np.int64).reshape(-1, 2)


def bpe_encode(text, merges):
    ranks = {tuple(m): i for i, m in enumerate(merges.tolist())}
    ids = list(text)
    changed = True
    while changed:
        changed = False
        for j in range(len(ids) - 1):
            p = (ids[j], ids[j + 1])
            if p in ranks:
                ids[j:j + 2] = [256 + ranks[p]]
                changed = True
                break
    return np.array(ids, dtype=np.int64)
