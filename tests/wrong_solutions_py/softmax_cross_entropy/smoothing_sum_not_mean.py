# expect: mistake smoothing_summed_over_classes
# The smoothing term eps * sum_c(-log p[c]) instead of eps * mean_c; the
# gradient is right (softmax - q).
import numpy as np


def log_softmax(logits):
    z = logits - logits.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, C = logits.shape
    valid = np.ones(n, dtype=bool) if ignore_index is None else (target != ignore_index)
    lp = log_softmax(logits)
    t = np.where(valid, target, 0)
    nll = -lp[np.arange(n), t]
    smooth = -lp.sum(axis=1)
    row = (1 - label_smoothing) * nll + label_smoothing * smooth
    cnt = valid.sum()
    loss = (row * valid).sum() / cnt
    q = np.full((n, C), label_smoothing / C)
    q[np.arange(n), t] += 1 - label_smoothing
    d = (np.exp(lp) - q) / cnt
    d[~valid] = 0
    return float(loss), d
