# expect: mistake ties_to_smallest_pair
# Counting with a Counter but choosing among ties by sorted order of pairs
# (a sort by count, descending, after sorting the pairs).
import numpy as np
from collections import Counter


def _merge(ids, pair, idx):
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(idx)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def bpe_train(text, n_merges):
    ids = list(text)
    merges = []
    for r in range(n_merges):
        if len(ids) < 2:
            break
        c = Counter(zip(ids, ids[1:]))
        best = sorted(sorted(c), key=lambda p: -c[p])[0]
        merges.append(best)
        ids = _merge(ids, best, 256 + r)
    return np.array(merges, dtype=np.int64).reshape(-1, 2)


def bpe_encode(text, merges):
    ranks = {tuple(m): i for i, m in enumerate(merges.tolist())}
    ids = list(text)
    while len(ids) > 1:
        cands = [p for p in zip(ids, ids[1:]) if p in ranks]
        if not cands:
            break
        p = min(cands, key=lambda q: ranks[q])
        ids = _merge(ids, p, 256 + ranks[p])
    return np.array(ids, dtype=np.int64)
