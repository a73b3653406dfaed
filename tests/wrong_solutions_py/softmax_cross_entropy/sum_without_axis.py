# expect: pattern offset
# Shifted by the row maximum, but np.sum without axis=: the log-sum-exp of
# the whole batch is subtracted from every row.
import numpy as np


def log_softmax(logits):
    m = logits.max(axis=1, keepdims=True)
    shifted = logits - m
    return shifted - np.log(np.sum(np.exp(shifted)))


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, c = logits.shape
    eps = label_smoothing
    keep = np.ones(n, dtype=bool) if ignore_index is None else target != ignore_index
    lp = log_softmax(logits[keep])
    t = target[keep]
    count = len(t)
    nll = -lp[np.arange(count), t]
    smooth = -lp.mean(axis=1)
    loss = ((1 - eps) * nll + eps * smooth).mean()
    onehot = np.eye(c)[t]
    grad = np.zeros_like(logits)
    grad[keep] = (np.exp(lp) - ((1 - eps) * onehot + eps / c)) / count
    return float(loss), grad
