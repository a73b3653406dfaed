# A correct solution in another form: collections.Counter.most_common, merges as a list of tuples, ids as a list.
from collections import Counter


def merge(ids, pair, idx):
    out, i = [], 0
    while i < len(ids):
        if i < len(ids) - 1 and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(idx)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def bpe_train(text, n_merges):
    ids = list(text)
    merges = []
    for k in range(n_merges):
        if len(ids) < 2:
            break
        stats = Counter(zip(ids, ids[1:]))
        pair = stats.most_common(1)[0][0]
        ids = merge(ids, pair, 256 + k)
        merges.append(pair)
    return merges


def bpe_encode(text, merges):
    ranks = {tuple(m): i for i, m in enumerate(merges.tolist())}
    ids = list(text)
    while len(ids) >= 2:
        pair = min(zip(ids, ids[1:]), key=lambda p: ranks.get(p, float("inf")))
        if pair not in ranks:
            break
        ids = merge(ids, pair, 256 + ranks[pair])
    return ids
