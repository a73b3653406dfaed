# A correct solution in another form: lists and collections.defaultdict.
import math
from collections import defaultdict


def kmeans(data, init_centers, max_iter):
    pts = [list(map(float, p)) for p in data]
    cs = [list(map(float, c)) for c in init_centers]

    def nearest(p):
        best, bi = math.inf, 0
        for i, c in enumerate(cs):
            dd = sum((a - b) ** 2 for a, b in zip(p, c))
            if dd < best:
                best, bi = dd, i
        return bi

    labels = [nearest(p) for p in pts]
    for _ in range(max_iter):
        groups = defaultdict(list)
        for p, l in zip(pts, labels):
            groups[l].append(p)
        new = []
        for i, c in enumerate(cs):
            g = groups.get(i)
            if g:
                new.append([sum(col) / len(g) for col in zip(*g)])
            else:
                new.append(c)
        if new == cs:
            break
        cs = new
        labels = [nearest(p) for p in pts]
    return labels, cs
