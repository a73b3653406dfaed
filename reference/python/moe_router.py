import numpy as np

from prelude import Linear


def route(router_logits, k):
    """Top-k routing: (weights (tokens, k), experts (tokens, k), aux_loss)."""
    shifted = router_logits - router_logits.max(axis=1, keepdims=True)
    probs = np.exp(shifted)
    probs /= probs.sum(axis=1, keepdims=True)
    # A stable sort of the negated probabilities: ties keep index order.
    experts = np.argsort(-probs, axis=1, kind="stable")[:, :k]
    top = np.take_along_axis(probs, experts, axis=1)
    weights = top / top.sum(axis=1, keepdims=True)
    tokens, n_experts = probs.shape
    f = np.bincount(experts.ravel(), minlength=n_experts) / tokens
    aux_loss = n_experts * float(np.sum(f * probs.mean(axis=0)))
    return weights, experts, aux_loss


def moe_forward(x, router, experts, k):
    """Each token's weighted sum of its k experts' outputs."""
    weights, chosen, _ = route(x @ router.weight.T + router.bias, k)
    out = np.zeros((x.shape[0], experts[0].weight.shape[0]))
    for e, expert in enumerate(experts):
        tokens, slots = np.nonzero(chosen == e)
        if tokens.size:
            y = x[tokens] @ expert.weight.T + expert.bias
            np.add.at(out, tokens, weights[tokens, slots][:, None] * y)
    return out
