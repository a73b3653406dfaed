# A correct solution in another form: mse as a 0-d array, the gradient as a list, losses as a tuple, w0 updated in place and returned as a list.
import numpy as np


def mse(x, y, w):
    r = np.dot(x, w) - y
    return np.array(0.5 * np.mean(r ** 2))  # 0-d array


def mse_grad(x, y, w):
    n = x.shape[0]
    return list(np.dot(x.T, np.dot(x, w) - y) / n)


def sgd(x, y, w0, lr, epochs, batch_size):
    w = w0  # updated in place: mutates the input
    n = len(y)
    losses = ()
    for epoch in range(epochs):
        acc = 0.0
        for s in range(0, n, batch_size):
            xb, yb = x[s:s + batch_size], y[s:s + batch_size]
            acc += float(mse(xb, yb, w)) * len(yb)
            w -= lr * np.asarray(mse_grad(xb, yb, w))
        losses += (np.float64(acc / n),)
    return [w.tolist(), losses]
