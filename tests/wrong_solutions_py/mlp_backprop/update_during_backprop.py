# expect: pattern confined
# train fuses backward and update: layer l is stepped before its (new)
# weights carry delta back to layer l - 1.
import numpy as np


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _acts(weights, biases, x):
    a = [x]
    for l, (W, b) in enumerate(zip(weights, biases)):
        z = W @ a[-1] + b[:, None]
        a.append(z if l == len(weights) - 1 else _sig(z))
    return a


def forward(weights, biases, x):
    return _acts(weights, biases, x)[-1]


def backward(weights, biases, x, y):
    a = _acts(weights, biases, x)
    m = x.shape[1]
    d = (a[-1] - y) / m
    dW, db = [None] * len(weights), [None] * len(weights)
    for l in reversed(range(len(weights))):
        dW[l] = d @ a[l].T
        db[l] = d.sum(1)
        if l:
            d = (weights[l].T @ d) * a[l] * (1 - a[l])
    return dW, db


def train(weights, biases, x, y, lr, steps):
    losses = []
    m = x.shape[1]
    for _ in range(steps):
        a = _acts(weights, biases, x)
        losses.append(float(((a[-1] - y) ** 2).sum() / (2 * m)))
        d = (a[-1] - y) / m
        for l in reversed(range(len(weights))):
            weights[l] -= lr * (d @ a[l].T)
            biases[l] -= lr * d.sum(1)
            if l:
                d = (weights[l].T @ d) * a[l] * (1 - a[l])
    return losses
