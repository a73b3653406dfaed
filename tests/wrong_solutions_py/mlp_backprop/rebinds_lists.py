# expect: mistake python_not_in_place
# The update as list comprehensions: `weights = [...]` rebinds the names,
# and the caller's lists keep the initial parameters.
import numpy as np


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def _forward_all(weights, biases, x):
    acts, zs = [x], []
    for i, (W, b) in enumerate(zip(weights, biases)):
        z = W @ acts[-1] + b.reshape(-1, 1)
        zs.append(z)
        acts.append(z if i == len(weights) - 1 else _sig(z))
    return zs, acts


def forward(weights, biases, x):
    return _forward_all(weights, biases, x)[1][-1]


def backward(weights, biases, x, y):
    m = x.shape[1]
    zs, acts = _forward_all(weights, biases, x)
    dW = [np.zeros_like(W) for W in weights]
    db = [np.zeros_like(b) for b in biases]
    delta = (acts[-1] - y) / m
    for i in range(len(weights) - 1, -1, -1):
        dW[i] = delta @ acts[i].T
        db[i] = delta.sum(axis=1)
        if i:
            a = acts[i]
            delta = (weights[i].T @ delta) * a * (1 - a)
    return dW, db


def train(weights, biases, x, y, lr, steps):
    losses = []
    for _ in range(steps):
        out = forward(weights, biases, x)
        losses.append(float(np.sum((out - y) ** 2) / (2 * x.shape[1])))
        dW, db = backward(weights, biases, x, y)
        weights = [W - lr * g for W, g in zip(weights, dW)]
        biases = [b - lr * g for b, g in zip(biases, db)]
    return losses
