import numpy as np
from prelude import Linear, MhaWeights


def self_attention(x, n_head, w, causal):
    """Multi-head self-attention, optionally causal (as in decoder-only
    transformers).

    x: np.ndarray (batch, n, d_model) gives the queries, keys and values
    alike. n_head: int. w: MhaWeights (w.q, w.k, w.v, w.o, each a Linear
    with .weight (out, in) and .bias (out,)). causal: bool.

    Q = x @ w.q.weight.T + w.q.bias and K have width n_head * d_k,
    V = x @ w.v.weight.T + w.v.bias has width n_head * d_v; head h takes
    columns [h * d, (h + 1) * d). Every head is scaled dot-product attention
    with scale sqrt(d_k); if causal, position i attends only to positions
    j <= i. The heads' outputs are concatenated in head order and projected:
    out = concat @ w.o.weight.T + w.o.bias.
    Returns (attn (batch, n_head, n, n), output (batch, n, d_o)).
    """
    raise NotImplementedError
