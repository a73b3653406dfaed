# expect: pattern overflow | pattern non_finite_rows | pattern non_finite
# Routing, renormalization and the loss are right, but the router's softmax
# exponentiates the raw logits: near 1e3 they overflow, near -1e3 every exp
# underflows to 0, and either way the row is NaN.
import numpy as np

from prelude import Linear


def route(router_logits, k):
    e = np.exp(router_logits)
    probs = e / e.sum(axis=-1, keepdims=True)
    experts = np.argsort(-probs, axis=-1, kind="stable")[:, :k]
    top = np.take_along_axis(probs, experts, axis=-1)
    weights = top / top.sum(axis=-1, keepdims=True)
    n_tokens, n_experts = probs.shape
    counts = np.zeros(n_experts)
    for row in experts:
        counts[row] += 1
    aux_loss = n_experts * np.sum(counts / n_tokens * probs.mean(axis=0))
    return weights, experts, aux_loss


def moe_forward(x, router, experts, k):
    weights, chosen, _ = route(x @ router.weight.T + router.bias, k)
    out = np.zeros((x.shape[0], experts[0].weight.shape[0]))
    for t in range(x.shape[0]):
        for j in range(k):
            e = experts[chosen[t, j]]
            out[t] += weights[t, j] * (e.weight @ x[t] + e.bias)
    return out
