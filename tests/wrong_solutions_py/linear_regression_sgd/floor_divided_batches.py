# expect: mistake last_batch_dropped
# n // batch_size batches: the shorter last batch is never visited.
import numpy as np


def mse(x, y, w):
    r = x.dot(w) - y
    return float(np.mean(r ** 2) / 2)


def mse_grad(x, y, w):
    return x.T.dot(x.dot(w) - y) / x.shape[0]


def sgd(x, y, w0, lr, epochs, batch_size):
    n = x.shape[0]
    w = np.array(w0, dtype=float)
    history = []
    for _ in range(epochs):
        weighted = 0.0
        for b in range(n // batch_size):
            sl = slice(b * batch_size, (b + 1) * batch_size)
            weighted += mse(x[sl], y[sl], w) * batch_size
            w -= lr * mse_grad(x[sl], y[sl], w)
        history.append(weighted / n)
    return w, history
