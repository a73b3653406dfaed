# A correct solution in another form: mse as a (1, 1) array (r.T @ r on a column).
import numpy as np


def mse(x, y, w):
    r = (x @ w - y).reshape(-1, 1)
    return (r.T @ r / (2 * len(y)))  # (1, 1) array


def mse_grad(x, y, w):
    return (x.T @ (x @ w - y)) / len(x)


def sgd(x, y, w0, lr, epochs, batch_size):
    w = w0.copy()
    losses = np.zeros(epochs)
    for e in range(epochs):
        for s in range(0, len(y), batch_size):
            xb, yb = x[s:s + batch_size], y[s:s + batch_size]
            losses[e] += mse(xb, yb, w).item() * len(yb) / len(y)
            w = w - lr * mse_grad(xb, yb, w)
    return w, losses
