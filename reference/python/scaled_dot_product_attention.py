import numpy as np


def scaled_dot_product_attention(q, k, v, mask):
    """softmax(q k^T / sqrt(d_k)) v, hidden keys at -inf."""
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, -np.inf, scores)
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    attn = e / e.sum(axis=-1, keepdims=True)
    return attn, attn @ v
