# A correct solution in another form: a dataclass cache, einsum, weights[:] = new list, b[:] -= ....
import numpy as np
from dataclasses import dataclass


@dataclass
class Cache:
    zs: list
    acts: list


def run(weights, biases, x):
    c = Cache([], [x])
    for i, (W, b) in enumerate(zip(weights, biases)):
        z = np.einsum("ij,jm->im", W, c.acts[-1]) + b[:, None]
        c.zs.append(z)
        c.acts.append(1 / (1 + np.exp(-z)) if i + 1 < len(weights) else z)
    return c


def forward(weights, biases, x):
    return run(weights, biases, x).acts[-1].copy()


def backward(weights, biases, x, y):
    c = run(weights, biases, x)
    g = (c.acts[-1] - y) / x.shape[1]
    gw = [None] * len(weights)
    gb = [None] * len(weights)
    for i in reversed(range(len(weights))):
        gw[i] = g @ c.acts[i].T
        gb[i] = g.sum(1)
        if i > 0:
            a = c.acts[i]
            g = (weights[i].T @ g) * a * (1 - a)
    return [gw, gb]


def train(weights, biases, x, y, lr, steps):
    out = []
    for _ in range(steps):
        pred = forward(weights, biases, x)
        out.append(float(0.5 * np.mean(np.sum((pred - y) ** 2, axis=0))))
        gw, gb = backward(weights, biases, x, y)
        new_w = [W - lr * d for W, d in zip(weights, gw)]
        weights[:] = new_w
        for b, d in zip(biases, gb):
            b[:] -= lr * d
    return np.array(out)
