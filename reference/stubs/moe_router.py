import numpy as np

from prelude import Linear


def route(router_logits, k):
    """Top-k routing of a Mixtral-style mixture of experts.

    router_logits: float (tokens, n_experts); k: int, 1 <= k <= n_experts.
    Per token: probs = softmax over the experts; take the k largest
    probabilities in descending order (equal ones: the lower expert index
    first, a stable sort); weights = those probabilities over their sum.
    aux_loss = n_experts * sum_e f_e * P_e, with f_e = (tokens that chose e
    among their k) / tokens and P_e = the mean over tokens of probs[:, e].
    Returns (weights float (tokens, k), experts int (tokens, k),
             aux_loss float).
    """
    raise NotImplementedError


def moe_forward(x, router, experts, k):
    """The mixture's output for each token t: sum_j weights[t, j] *
    experts[experts_idx[t, j]](x[t]), routing the logits
    x @ router.weight.T + router.bias with route(..., k).

    x: float (tokens, d); router: a Linear (weight (n_experts, d), bias);
    experts: a list of Linear (weight (d_out, d), bias (d_out,)), each
    computing x @ weight.T + bias; k: int. Returns (tokens, d_out).
    """
    raise NotImplementedError
