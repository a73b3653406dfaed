# expect: gradient gradient_check
# The loss skips ignored rows, but dlogits is (softmax - onehot)/count for
# every row (an ignored target clipped into range), so ignored rows get a
# gradient.
import numpy as np


def log_softmax(logits):
    m = logits.max(axis=1, keepdims=True)
    return logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, C = logits.shape
    keep = np.ones(n, bool) if ignore_index is None else target != ignore_index
    cnt = keep.sum()
    lp = log_softmax(logits)
    t = np.clip(target, 0, C - 1)
    rows = -(1 - label_smoothing) * lp[np.arange(n), t] - label_smoothing * lp.mean(1)
    loss = rows[keep].sum() / cnt
    q = np.full((n, C), label_smoothing / C)
    q[np.arange(n), t] += 1 - label_smoothing
    return float(loss), (np.exp(lp) - q) / cnt
