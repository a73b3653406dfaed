# A correct solution in another form: put_along_axis over a sorted copy, searchsorted-free counting.
import numpy as np


def softmax(z, axis=-1):
    z = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def sample(logits, temperature, top_k, top_p, u):
    x = logits / temperature
    B, V = x.shape
    if 0 < top_k < V:
        kth = -np.sort(-x, axis=1)[:, top_k - 1:top_k]
        x = np.where(x >= kth, x, -np.inf)
    p = softmax(x)
    if top_p < 1.0:
        order = np.argsort(-p, axis=1, kind="stable")
        sp = np.take_along_axis(p, order, axis=1)
        before = np.cumsum(sp, axis=1) - sp
        drop_sorted = before >= top_p
        drop = np.zeros_like(drop_sorted)
        np.put_along_axis(drop, order, drop_sorted, axis=1)
        p = np.where(drop, 0.0, p)
    p = p / p.sum(axis=1, keepdims=True)
    c = np.cumsum(p, axis=1)
    tokens = (c <= u[:, None]).sum(axis=1)
    last = V - 1 - np.argmax((p > 0)[:, ::-1], axis=1)
    tokens = np.minimum(tokens, last)
    return p, tokens
