import numpy as np
from prelude import Linear, MhaWeights


def multi_head_attention(q, k, v, mask, n_head, w):
    """Multi-head attention, as
    `torch.nn.MultiheadAttention(batch_first=True)`.

    q: np.ndarray (batch, n_q, e_q); k: (batch, n_k, e_k);
    v: (batch, n_k, e_v).
    mask: bool np.ndarray (batch, n_q, n_k) (True = hidden), or None.
    n_head: int. w: MhaWeights with w.q, w.k, w.v, w.o, each a Linear with
    .weight (out, in) and .bias (out,).

    The projections give Q = q @ w.q.weight.T + w.q.bias and K of width
    n_head * d_k, V of width n_head * d_v; head h takes columns
    [h * d, (h + 1) * d) of each. Every head is scaled dot-product attention
    with scale sqrt(d_k), the mask applying to every head. The heads'
    outputs are concatenated in head order and projected:
    out = concat @ w.o.weight.T + w.o.bias.
    Returns (attn (batch, n_head, n_q, n_k), output (batch, n_q, d_o)).
    """
    raise NotImplementedError
