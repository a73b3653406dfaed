# np.mean / einsum, an index array of batches, losses as a NumPy array.
import numpy as np


def mse(x, y, w):
    return float(np.mean((np.einsum("ij,j->i", x, w) - y) ** 2) / 2)


def mse_grad(x, y, w):
    return np.einsum("ij,i->j", x, x.dot(w) - y) / x.shape[0]


def sgd(x, y, w0, lr, epochs, batch_size):
    w = np.array(w0, copy=True)
    n = x.shape[0]
    losses = np.zeros(epochs)
    starts = np.arange(0, n, batch_size)
    for e in range(epochs):
        for s in starts:
            idx = np.arange(s, min(s + batch_size, n))
            losses[e] += mse(x[idx], y[idx], w) * len(idx) / n
            w -= lr * mse_grad(x[idx], y[idx], w)
    return w, losses
