# Dict-based BPE: pair counts with their first position recorded explicitly
# (ties broken by min position, not by insertion order); merging rewrites
# the id list in place with a write pointer; encoding picks the lowest-rank
# pair from the set of adjacent pairs.
import numpy as np


def _merge_inplace(ids, pair, new_id):
    a, b = pair
    w = 0
    r = 0
    n = len(ids)
    while r < n:
        if r + 1 < n and ids[r] == a and ids[r + 1] == b:
            ids[w] = new_id
            r += 2
        else:
            ids[w] = ids[r]
            r += 1
        w += 1
    del ids[w:]


def bpe_train(text, n_merges):
    ids = [int(c) for c in bytes(text)]
    merges = []
    for step in range(int(n_merges)):
        if len(ids) < 2:
            break
        count = {}
        first = {}
        for pos in range(len(ids) - 1):
            pr = (ids[pos], ids[pos + 1])
            if pr in count:
                count[pr] += 1
            else:
                count[pr] = 1
                first[pr] = pos
        best = None
        for pr, c in count.items():
            if best is None or c > count[best] or (c == count[best] and first[pr] < first[best]):
                best = pr
        _merge_inplace(ids, best, 256 + step)
        merges.append(best)
    out = np.zeros((len(merges), 2), dtype=np.int64)
    for i, (a, b) in enumerate(merges):
        out[i, 0] = a
        out[i, 1] = b
    return out


def bpe_encode(text, merges):
    rank = {}
    for i in range(len(merges)):
        pr = (int(merges[i][0]), int(merges[i][1]))
        if pr not in rank:
            rank[pr] = i
    ids = [int(c) for c in bytes(text)]
    while len(ids) >= 2:
        pairs = set(zip(ids, ids[1:])) & rank.keys()
        if not pairs:
            break
        best = min(pairs, key=lambda pr: rank[pr])
        _merge_inplace(ids, best, 256 + rank[best])
    return np.array(ids, dtype=np.int64)
