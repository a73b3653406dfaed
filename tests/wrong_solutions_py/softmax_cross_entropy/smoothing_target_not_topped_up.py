# expect: gradient gradient_check
# q = (1 - eps) on the target and eps / C only on the other classes (q sums
# to 1 - eps / C); loss and gradient both from that q.
import numpy as np


def log_softmax(logits):
    z = logits - logits.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, C = logits.shape
    valid = np.ones(n, dtype=bool) if ignore_index is None else (target != ignore_index)
    idx = np.nonzero(valid)[0]
    lp = log_softmax(logits[idx])
    onehot = np.zeros_like(lp)
    onehot[np.arange(len(idx)), target[idx]] = 1.0
    q = onehot * (1 - label_smoothing) + (1 - onehot) * label_smoothing / C
    loss = -(q * lp).sum() / len(idx)
    d = np.zeros_like(logits)
    d[idx] = (np.exp(lp) - q) / len(idx)
    return float(loss), d
