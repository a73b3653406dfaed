# A correct solution in another form: one-hot targets from np.eye; the loss as a one-element array (keepdims).
import numpy as np


def log_softmax(logits):
    m = np.max(logits, axis=-1, keepdims=True)
    return logits - m - np.log(np.sum(np.exp(logits - m), axis=-1, keepdims=True))


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, C = logits.shape
    mask = np.ones(n, dtype=bool) if ignore_index is None else (target != ignore_index)
    cnt = mask.sum()
    lp = log_softmax(logits)
    onehot = np.eye(C)[np.where(mask, target, 0)]
    q = (1 - label_smoothing) * onehot + label_smoothing / C
    per_row = -(q * lp).sum(axis=1, keepdims=True)
    loss = per_row[mask].sum(keepdims=True) / cnt  # shape (1,)
    d = (np.exp(lp) - q) / cnt * mask[:, None]
    return loss, d
