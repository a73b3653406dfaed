# expect: mistake ignored_rows_in_mean
# Ignored rows zeroed, then .mean() over every row: they still count in n.
import numpy as np


def log_softmax(logits):
    z = logits - np.max(logits, axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, c = logits.shape
    eps = label_smoothing
    mask = np.ones(n, dtype=bool)
    if ignore_index is not None:
        mask = target != ignore_index
    safe_target = np.where(mask, target, 0)
    lp = log_softmax(logits)
    q = (1 - eps) * np.eye(c)[safe_target] + eps / c
    losses = -(q * lp).sum(axis=1)
    losses = np.where(mask, losses, 0.0)
    loss = losses.mean()
    grad = (np.exp(lp) - q) / n
    grad[~mask] = 0.0
    return float(loss), grad
