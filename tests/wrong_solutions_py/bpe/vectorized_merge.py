# expect: mistake overlapping_replacement
# A vectorized merge: every position where the pair starts is replaced and
# its successor deleted, so overlapping occurrences ("aaa") both count.
import numpy as np
from collections import Counter


def _merge(ids, a, b, new):
    ids = np.asarray(ids, dtype=np.int64)
    if len(ids) < 2:
        return ids
    starts = np.flatnonzero((ids[:-1] == a) & (ids[1:] == b))
    ids = ids.copy()
    ids[starts] = new
    return np.delete(ids, starts + 1)


def bpe_train(text, n_merges):
    ids = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
    merges = []
    for i in range(n_merges):
        if len(ids) < 2:
            break
        counts = Counter(zip(ids[:-1].tolist(), ids[1:].tolist()))
        (a, b), _ = counts.most_common(1)[0]
        merges.append((a, b))
        ids = _merge(ids, a, b, 256 + i)
    return np.array(merges, dtype=np.int64).reshape(-1, 2)


def bpe_encode(text, merges):
    ids = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
    lookup = {(int(a), int(b)): i for i, (a, b) in enumerate(merges)}
    while len(ids) >= 2:
        found = [lookup[p] for p in zip(ids[:-1].tolist(), ids[1:].tolist()) if p in lookup]
        if not found:
            break
        i = min(found)
        ids = _merge(ids, int(merges[i][0]), int(merges[i][1]), 256 + i)
    return ids
