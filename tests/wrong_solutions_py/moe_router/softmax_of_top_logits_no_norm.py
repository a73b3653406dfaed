# expect: mistake aux_p_from_topk_weights
# Mixtral's order inverted: topk on the logits, then the softmax over the k
# chosen logits (equal to renormalizing), but aux's P from those k weights.
import numpy as np


def route(router_logits, k):
    T, E = router_logits.shape
    idx = np.argsort(-router_logits, axis=1, kind="stable")[:, :k]
    top = np.take_along_axis(router_logits, idx, 1)
    w = np.exp(top - top.max(1, keepdims=True))
    w /= w.sum(1, keepdims=True)
    f = np.bincount(idx.ravel(), minlength=E) / T
    P = np.zeros(E)
    for t in range(T):
        P[idx[t]] += w[t] / T
    return w, idx, E * float(f @ P)


def moe_forward(x, router, experts, k):
    w, idx, _ = route(x @ router.weight.T + router.bias, k)
    out = np.zeros((x.shape[0], experts[0].weight.shape[0]))
    for t in range(x.shape[0]):
        for j in range(k):
            e = experts[idx[t, j]]
            out[t] += w[t, j] * (x[t] @ e.weight.T + e.bias)
    return out
