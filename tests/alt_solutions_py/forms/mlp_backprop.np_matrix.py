# A correct solution in another form: np.matrix arithmetic for the forward pass and the weight gradients.
import numpy as np


def forward(weights, biases, x):
    a = np.asmatrix(x)
    for i, (W, b) in enumerate(zip(weights, biases)):
        z = np.asmatrix(W) * a + np.asmatrix(b).T
        a = 1 / (1 + np.exp(-z)) if i < len(weights) - 1 else z
    return a


def backward(weights, biases, x, y):
    m = x.shape[1]
    acts = [x]
    for i, (W, b) in enumerate(zip(weights, biases)):
        z = W @ acts[-1] + b[:, None]
        acts.append(1 / (1 + np.exp(-z)) if i < len(weights) - 1 else z)
    d = (acts[-1] - y) / m
    gw, gb = [], []
    for i in reversed(range(len(weights))):
        gw.append(np.asmatrix(d) * np.asmatrix(acts[i]).T)
        gb.append(d.sum(axis=1))
        if i:
            d = (weights[i].T @ d) * acts[i] * (1 - acts[i])
    return gw[::-1], gb[::-1]


def train(weights, biases, x, y, lr, steps):
    losses = []
    for _ in range(steps):
        out = np.asarray(forward(weights, biases, x))
        losses.append(np.sum((out - y) ** 2) / (2 * x.shape[1]))
        gw, gb = backward(weights, biases, x, y)
        for W, g in zip(weights, gw):
            W -= lr * np.asarray(g)
        for b, g in zip(biases, gb):
            b -= lr * g
    return losses
