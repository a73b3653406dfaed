# A correct solution in another form: first positions kept in a dict, merges vstacked as int32, ids as uint16.
import numpy as np


def bpe_train(text: bytes, n_merges: int):
    ids = np.frombuffer(text, dtype=np.uint8).astype(np.int32).tolist()
    merges = np.zeros((0, 2), dtype=np.int32)
    for r in range(n_merges):
        if len(ids) < 2:
            break
        counts, first = {}, {}
        for pos, p in enumerate(zip(ids[:-1], ids[1:])):
            counts[p] = counts.get(p, 0) + 1
            first.setdefault(p, pos)
        best = sorted(counts, key=lambda p: (-counts[p], first[p]))[0]
        new, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and (ids[i], ids[i + 1]) == best:
                new.append(256 + r); i += 2
            else:
                new.append(ids[i]); i += 1
        ids = new
        merges = np.vstack([merges, np.array(best, dtype=np.int32)])
    return merges


def bpe_encode(text, merges):
    ids = list(text)
    table = {(int(a), int(b)): 256 + i for i, (a, b) in enumerate(merges)}
    while True:
        cands = [(table[p], p) for p in zip(ids, ids[1:]) if p in table]
        if not cands:
            break
        tok, pair = min(cands)
        new, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
                new.append(tok); i += 2
            else:
                new.append(ids[i]); i += 1
        ids = new
    return np.array(ids, dtype=np.uint16)
