# expect: mistake k_smallest
# np.argsort sorts ascending: the first k columns are the k least likely.
import numpy as np

from prelude import Linear


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    ez = np.exp(z)
    return ez / ez.sum(axis=-1, keepdims=True)


def route(router_logits, k):
    probs = softmax(router_logits)
    n_tokens, n_experts = probs.shape
    experts = np.argsort(probs, axis=-1, kind="stable")[:, :k]
    top = probs[np.arange(n_tokens)[:, None], experts]
    weights = top / top.sum(axis=-1, keepdims=True)
    hits = np.zeros((n_tokens, n_experts))
    np.put_along_axis(hits, experts, 1.0, axis=-1)
    aux_loss = n_experts * np.sum(hits.mean(axis=0) * probs.mean(axis=0))
    return weights, experts, float(aux_loss)


def moe_forward(x, router, experts, k):
    weights, idx, _ = route(x @ router.weight.T + router.bias, k)
    out = np.zeros((len(x), experts[0].weight.shape[0]))
    for e, ex in enumerate(experts):
        rows, slots = np.nonzero(idx == e)
        out[rows] += weights[rows, slots, None] * (x[rows] @ ex.weight.T + ex.bias)
    return out
