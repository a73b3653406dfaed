# A correct solution in another form: heapq.nlargest per token; weights and experts as lists, aux_loss a Python float.
import heapq
import math
import numpy as np


def route(router_logits, k):
    T, E = router_logits.shape
    W, X = [], []
    probs = []
    for row in router_logits:
        m = max(row)
        e = [math.exp(v - m) for v in row]
        s = sum(e)
        p = [v / s for v in e]
        probs.append(p)
        top = heapq.nlargest(k, range(E), key=lambda i: (p[i], -i))
        tot = sum(p[i] for i in top)
        W.append([p[i] / tot for i in top])
        X.append(top)
    f = [sum(row.count(e) for row in X) / T for e in range(E)]
    P = [sum(p[e] for p in probs) / T for e in range(E)]
    aux = E * sum(fe * pe for fe, pe in zip(f, P))
    return W, X, aux


def moe_forward(x, router, experts, k):
    logits = x @ router.weight.T + router.bias
    W, X, _ = route(logits, k)
    out = None
    rows = []
    for t in range(x.shape[0]):
        acc = 0
        for w, e in zip(W[t], X[t]):
            acc = acc + w * (x[t] @ experts[e].weight.T + experts[e].bias)
        rows.append(acc)
    return np.stack(rows)
