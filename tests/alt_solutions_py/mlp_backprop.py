# A cache of activations, np.tanh for the sigmoid, items replaced in train.
import numpy as np


def _sig(z):
    return 0.5 * (1 + np.tanh(z / 2))


def forward(weights, biases, x):
    a = x
    for l in range(len(weights)):
        z = weights[l].dot(a) + biases[l].reshape(-1, 1)
        a = z if l == len(weights) - 1 else _sig(z)
    return a


def backward(weights, biases, x, y):
    acts = [x]
    for l in range(len(weights)):
        z = weights[l].dot(acts[-1]) + biases[l].reshape(-1, 1)
        acts.append(z if l == len(weights) - 1 else _sig(z))
    m = x.shape[1]
    gw, gb = [], []
    d = (acts[-1] - y) / m
    for l in range(len(weights) - 1, -1, -1):
        gw.insert(0, d.dot(acts[l].T))
        gb.insert(0, d.sum(axis=1))
        if l:
            d = weights[l].T.dot(d) * acts[l] * (1 - acts[l])
    return tuple(gw), tuple(gb)


def train(weights, biases, x, y, lr, steps):
    losses = []
    for _ in range(steps):
        losses.append(float(np.sum((forward(weights, biases, x) - y) ** 2) / (2 * x.shape[1])))
        gw, gb = backward(weights, biases, x, y)
        for l in range(len(weights)):
            weights[l] = weights[l] - lr * gw[l]
            biases[l] = biases[l] - lr * gb[l]
    return losses
