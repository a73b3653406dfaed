# A correct solution in another form: lists and math.exp, tokens as a list.
import math
import numpy as np


def sample(logits, temperature, top_k, top_p, u):
    probs_out, toks = [], []
    for row, ur in zip(logits, u):
        x = [float(v) / temperature for v in row]
        V = len(x)
        keep = [True] * V
        if top_k > 0 and top_k < V:
            kth = sorted(x, reverse=True)[top_k - 1]
            keep = [v >= kth for v in x]
        m = max(v for v, k in zip(x, keep) if k)
        e = [math.exp(v - m) if k else 0.0 for v, k in zip(x, keep)]
        s = sum(e)
        p = [v / s for v in e]
        if top_p < 1.0:
            order = sorted((i for i in range(V) if keep[i]), key=lambda i: (-p[i], i))
            acc = 0.0
            for i in order:
                if acc >= top_p:
                    keep[i] = False
                acc += p[i]
        p = [pi if k else 0.0 for pi, k in zip(p, keep)]
        s = sum(p)
        p = [pi / s for pi in p]
        acc, tok = 0.0, None
        for j, pj in enumerate(p):
            acc += pj
            if acc > ur:
                tok = j
                break
        if tok is None:
            tok = max(j for j in range(V) if p[j] > 0)
        probs_out.append(p)
        toks.append(tok)
    return np.array(probs_out), toks
