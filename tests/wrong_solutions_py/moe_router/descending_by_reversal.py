# expect: mistake ties_to_higher_index | pattern reordered | pattern confined
# Top-k by np.argsort(probs)[:, ::-1]: descending, but equal probabilities
# come out higher expert index first.
import numpy as np

from prelude import Linear


def route(router_logits, k):
    z = router_logits - router_logits.max(axis=-1, keepdims=True)
    probs = np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
    experts = np.argsort(probs, axis=-1)[:, ::-1][:, :k]
    top = np.take_along_axis(probs, experts, axis=-1)
    weights = top / top.sum(axis=-1, keepdims=True)
    n_tokens, n_experts = probs.shape
    chosen = np.zeros(n_experts)
    for e in experts.ravel():
        chosen[e] += 1
    aux = n_experts * np.dot(chosen / n_tokens, probs.mean(axis=0))
    return weights, experts, float(aux)


def moe_forward(x, router, experts, k):
    w, idx, _ = route(x @ router.weight.T + router.bias, k)
    out = np.zeros((x.shape[0], experts[0].bias.shape[0]))
    for t in range(x.shape[0]):
        for j in range(k):
            e = experts[idx[t, j]]
            out[t] += w[t, j] * (x[t] @ e.weight.T + e.bias)
    return out
