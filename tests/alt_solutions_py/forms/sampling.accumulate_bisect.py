# A correct solution in another form: itertools.accumulate and bisect_right, tokens int32.
import numpy as np
from itertools import accumulate
from bisect import bisect_right


def sample(logits, temperature, top_k, top_p, u):
    out_p = np.zeros_like(logits)
    out_t = []
    B, V = logits.shape
    for b in range(B):
        x = logits[b] / temperature
        if top_k and top_k < V:
            thresh = np.sort(x)[-top_k]
            x = np.where(x < thresh, -np.inf, x)
        p = np.exp(x - x.max())
        p /= p.sum()
        if top_p < 1:
            order = sorted(range(V), key=lambda i: (-p[i], i))
            cum = 0.0
            for i in order:
                if p[i] == 0:
                    continue
                if cum >= top_p:
                    p[i] = 0.0
                else:
                    cum += p[i]
            p /= p.sum()
        out_p[b] = p
        c = list(accumulate(p))
        j = bisect_right(c, u[b])
        last = max(i for i in range(V) if p[i] > 0)
        out_t.append(min(j, last))
    return out_p, np.array(out_t, dtype=np.int32)
