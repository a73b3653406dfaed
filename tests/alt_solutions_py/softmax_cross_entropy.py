# Per-row loops; logsumexp via np.logaddexp.reduce; the loss and gradient
# accumulated row by row with plain Python floats.
import numpy as np


def log_softmax(logits):
    n = logits.shape[0]
    out = np.empty(logits.shape, dtype=np.float64)
    for r in range(n):
        row = np.asarray(logits[r], dtype=np.float64)
        out[r] = row - np.logaddexp.reduce(row)
    return out


def cross_entropy(logits, target, ignore_index, label_smoothing):
    n, classes = logits.shape
    eps = float(label_smoothing)
    counted = [r for r in range(n)
               if ignore_index is None or int(target[r]) != int(ignore_index)]
    count = len(counted)
    dlogits = np.zeros((n, classes), dtype=np.float64)
    total = 0.0
    for r in counted:
        row = np.asarray(logits[r], dtype=np.float64)
        lp = row - np.logaddexp.reduce(row)
        t = int(target[r])
        total += -(1.0 - eps) * lp[t] - eps * (lp.sum() / classes)
        grad = np.exp(lp) - eps / classes
        grad[t] -= 1.0 - eps
        dlogits[r] = grad / count
    return float(total / count), dlogits
