# expect: mistake bias_grad_averaged
# delta already carries 1/m; the bias gradient then takes its mean again.
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(weights, biases, x):
    a = x
    for W, b in zip(weights[:-1], biases[:-1]):
        a = sigmoid(W @ a + b[:, None])
    return weights[-1] @ a + biases[-1][:, None]


def backward(weights, biases, x, y):
    m = x.shape[1]
    activations = [x]
    for W, b in zip(weights[:-1], biases[:-1]):
        activations.append(sigmoid(W @ activations[-1] + b[:, None]))
    out = weights[-1] @ activations[-1] + biases[-1][:, None]
    grads_w, grads_b = [], []
    delta = (out - y) / m
    for l in range(len(weights) - 1, -1, -1):
        grads_w.insert(0, delta @ activations[l].T)
        grads_b.insert(0, delta.mean(axis=1))
        if l > 0:
            s = activations[l]
            delta = weights[l].T @ delta * s * (1 - s)
    return grads_w, grads_b


def train(weights, biases, x, y, lr, steps):
    losses = []
    for _ in range(steps):
        losses.append(((forward(weights, biases, x) - y) ** 2).sum() / (2 * x.shape[1]))
        gw, gb = backward(weights, biases, x, y)
        for l in range(len(weights)):
            weights[l] -= lr * gw[l]
            biases[l] -= lr * gb[l]
    return losses
