import numpy as np


def bpe_train(text, n_merges):
    """Byte-level BPE training (minbpe's BasicTokenizer): the merges, (n, 2)."""
    ids = list(text)
    merges = []
    for i in range(n_merges):
        if len(ids) < 2:
            break
        # A dict keeps insertion order, so max() breaks count ties by the
        # pair's first occurrence.
        counts = {}
        for pair in zip(ids, ids[1:]):
            counts[pair] = counts.get(pair, 0) + 1
        pair = max(counts, key=counts.get)
        ids = _merge(ids, pair, 256 + i)
        merges.append(pair)
    return np.array(merges, dtype=np.int64).reshape(-1, 2)


def bpe_encode(text, merges):
    """The token ids of text under merges, lowest merge index first."""
    ranks = {(int(a), int(b)): i for i, (a, b) in enumerate(merges)}
    ids = list(text)
    while len(ids) >= 2:
        present = [ranks[p] for p in zip(ids, ids[1:]) if p in ranks]
        if not present:
            break
        rank = min(present)
        ids = _merge(ids, tuple(int(v) for v in merges[rank]), 256 + rank)
    return np.array(ids, dtype=np.int64)


def _merge(ids, pair, new_id):
    """Every occurrence of pair, left to right and not overlapping, replaced."""
    out = []
    i = 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out
