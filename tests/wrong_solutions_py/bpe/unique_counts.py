# expect: mistake ties_to_smallest_pair
# Pair counts from np.unique(axis=0): sorted pairs, so np.argmax breaks a
# tie by the smallest pair, not by first occurrence.
import numpy as np


def _merge(ids, pair, new):
    out = []
    i = 0
    while i < len(ids):
        if i < len(ids) - 1 and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new)
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
        pairs = np.stack([ids[:-1], ids[1:]], axis=1)
        uniq, counts = np.unique(pairs, axis=0, return_counts=True)
        best = tuple(int(v) for v in uniq[np.argmax(counts)])
        merges.append(best)
        ids = _merge(ids, best, 256 + r)
    return np.array(merges, dtype=np.int64).reshape(-1, 2)


def bpe_encode(text, merges):
    rank = {(int(a), int(b)): i for i, (a, b) in enumerate(merges)}
    ids = list(text)
    while len(ids) > 1:
        candidates = [rank[p] for p in zip(ids, ids[1:]) if p in rank]
        if not candidates:
            break
        r = min(candidates)
        ids = _merge(ids, (int(merges[r][0]), int(merges[r][1])), 256 + r)
    return np.array(ids, dtype=np.int64)
