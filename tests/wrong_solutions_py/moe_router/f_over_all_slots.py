# expect: mistake f_over_tokens_times_k
# f_e as a fraction of every routing slot (experts.size = tokens * k).
import numpy as np

from prelude import Linear


def route(router_logits, k):
    e = np.exp(router_logits - router_logits.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    experts = np.argsort(-probs, axis=1, kind="stable")[:, :k]
    top = np.take_along_axis(probs, experts, axis=1)
    weights = top / top.sum(axis=1, keepdims=True)
    n_experts = probs.shape[1]
    f = np.bincount(experts.reshape(-1), minlength=n_experts) / experts.size
    aux_loss = n_experts * (f * probs.mean(axis=0)).sum()
    return weights, experts, float(aux_loss)


def moe_forward(x, router, experts, k):
    weights, idx, _ = route(x @ router.weight.T + router.bias, k)
    outs = np.stack([x @ ex.weight.T + ex.bias for ex in experts], axis=1)
    picked = np.take_along_axis(outs, idx[:, :, None], axis=1)
    return (weights[:, :, None] * picked).sum(axis=1)
