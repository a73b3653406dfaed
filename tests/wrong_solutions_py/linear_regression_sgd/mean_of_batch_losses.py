# expect: mistake epoch_loss_plain_mean
# The epoch's loss as np.mean of the batch losses, unweighted.
import numpy as np


def mse(x, y, w):
    return 0.5 * np.mean(np.square(x @ w - y))


def mse_grad(x, y, w):
    return (x @ w - y) @ x / len(x)


def sgd(x, y, w0, lr, epochs, batch_size):
    w = w0.astype(float).copy()
    losses = []
    for _ in range(epochs):
        batch_losses = []
        for i in range(0, len(x), batch_size):
            xb, yb = x[i:i + batch_size], y[i:i + batch_size]
            batch_losses.append(mse(xb, yb, w))
            w = w - lr * mse_grad(xb, yb, w)
        losses.append(np.mean(batch_losses))
    return w, losses
