import numpy as np


def scaled_dot_product_attention(q, k, v, mask):
    """Scaled dot-product attention.

    q: np.ndarray (batch, n_q, d_k); k: (batch, n_k, d_k);
    v: (batch, n_k, d_v).
    mask: bool np.ndarray (batch, n_q, n_k), or None.

    scores = q @ k^T / sqrt(d_k); where mask is True the score becomes -inf
    (the key is hidden from that query); softmax over the key axis. Scores
    can be as large as +-1000. Returns (attn (batch, n_q, n_k),
    output = attn @ v (batch, n_q, d_v)).
    """
    raise NotImplementedError
