# Per-token loops: softmax through np.logaddexp.reduce, the top k chosen by
# sorted() on (-prob, index), f and P tallied in Python lists; the forward
# pass runs each token's k experts as matrix-vector products.
import numpy as np

from prelude import Linear


def route(router_logits, k):
    tokens, n_experts = router_logits.shape
    weights = np.zeros((tokens, k), dtype=np.float64)
    chosen = np.zeros((tokens, k), dtype=np.int64)
    picks = [0] * n_experts
    mass = [0.0] * n_experts
    for t in range(tokens):
        row = np.asarray(router_logits[t], dtype=np.float64)
        p = np.exp(row - np.logaddexp.reduce(row))
        order = sorted(range(n_experts), key=lambda e: (-p[e], e))[:k]
        s = sum(p[e] for e in order)
        for j, e in enumerate(order):
            chosen[t, j] = e
            weights[t, j] = p[e] / s
            picks[e] += 1
        for e in range(n_experts):
            mass[e] += p[e]
    aux = 0.0
    for e in range(n_experts):
        aux += (picks[e] / tokens) * (mass[e] / tokens)
    return weights, chosen, float(n_experts * aux)


def moe_forward(x, router, experts, k):
    logits = np.einsum("td,ed->te", x, router.weight) + router.bias
    weights, chosen, _ = route(logits, k)
    d_out = experts[0].weight.shape[0]
    out = np.zeros((x.shape[0], d_out), dtype=np.float64)
    for t in range(x.shape[0]):
        for j in range(k):
            ex = experts[int(chosen[t, j])]
            out[t] += weights[t, j] * (ex.weight.dot(x[t]) + ex.bias)
    return out
