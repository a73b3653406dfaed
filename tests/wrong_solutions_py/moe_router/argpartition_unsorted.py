# expect: pattern confined
# np.argpartition for the top k: the right experts, in no particular order.
import numpy as np


def route(router_logits, k):
    z = router_logits - router_logits.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    T, E = p.shape
    idx = np.argpartition(-p, k - 1, axis=1)[:, :k]
    w = np.take_along_axis(p, idx, axis=1)
    w /= w.sum(axis=1, keepdims=True)
    f = np.bincount(idx.ravel(), minlength=E) / T
    return w, idx, float(E * np.sum(f * p.mean(axis=0)))


def moe_forward(x, router, experts, k):
    w, idx, _ = route(x @ router.weight.T + router.bias, k)
    out = np.zeros((x.shape[0], experts[0].weight.shape[0]))
    for t in range(x.shape[0]):
        for j in range(k):
            e = experts[idx[t, j]]
            out[t] += w[t, j] * (x[t] @ e.weight.T + e.bias)
    return out
