# expect: mistake no_max_subtraction | pattern overflow | pattern non_finite_rows | pattern non_finite
# logsumexp straight from np.exp of the logits: no row maximum subtracted.
import numpy as np


def log_softmax(logits):
    lse = np.log(np.sum(np.exp(logits), axis=-1, keepdims=True))
    return logits - lse


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, c = logits.shape
    valid = np.ones(n, dtype=bool) if ignore_index is None else target != ignore_index
    count = valid.sum()
    logp = log_softmax(logits)
    q = np.full((n, c), label_smoothing / c)
    rows = np.flatnonzero(valid)
    q[rows, target[rows]] += 1.0 - label_smoothing
    per_row = -(q * logp).sum(axis=1)
    loss = per_row[valid].sum() / count
    grad = (np.exp(logp) - q) / count
    grad[~valid] = 0.0
    return float(loss), grad
