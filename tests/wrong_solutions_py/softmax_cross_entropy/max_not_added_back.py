# expect: pattern offset
# log_softmax as x - log(sum(exp(x - max))): the max subtracted inside the
# logsumexp is never added back.
import numpy as np


def log_softmax(logits):
    m = logits.max(axis=1, keepdims=True)
    return logits - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, C = logits.shape
    keep = np.ones(n, bool) if ignore_index is None else target != ignore_index
    cnt = keep.sum()
    lp = log_softmax(logits)
    loss = 0.0
    grad = np.zeros_like(logits)
    p = np.exp(lp)
    for i in range(n):
        if not keep[i]:
            continue
        loss += -(1 - label_smoothing) * lp[i, target[i]] - label_smoothing * lp[i].mean()
        q = np.full(C, label_smoothing / C)
        q[target[i]] += 1 - label_smoothing
        grad[i] = (p[i] - q) / cnt
    return loss / cnt, grad
