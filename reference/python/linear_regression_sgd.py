import numpy as np


def mse(x, y, w):
    """Half the mean squared residual."""
    residual = x @ w - y
    return 0.5 * residual @ residual / len(y)


def mse_grad(x, y, w):
    """x.T (x w - y) / n."""
    return x.T @ (x @ w - y) / len(y)


def sgd(x, y, w0, lr, epochs, batch_size):
    """Batches in order; each epoch's loss weighs its batches by their length."""
    n = len(y)
    w = w0.copy()
    losses = []
    for _ in range(epochs):
        total = 0.0
        for start in range(0, n, batch_size):
            xb, yb = x[start : start + batch_size], y[start : start + batch_size]
            total += mse(xb, yb, w) * len(yb)
            w = w - lr * mse_grad(xb, yb, w)
        losses.append(total / n)
    return w, losses
