import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def layers(weights, biases, x):
    """Every layer's pre-activation and every activation, x first."""
    pre, activations = [], [x]
    for l, (w, b) in enumerate(zip(weights, biases)):
        z = w @ activations[-1] + b[:, None]
        pre.append(z)
        activations.append(sigmoid(z) if l < len(weights) - 1 else z)
    return pre, activations


def forward(weights, biases, x):
    return layers(weights, biases, x)[1][-1]


def backward(weights, biases, x, y):
    m = x.shape[1]
    pre, activations = layers(weights, biases, x)
    grad_w, grad_b = [None] * len(weights), [None] * len(weights)
    delta = (activations[-1] - y) / m
    for l in reversed(range(len(weights))):
        grad_w[l] = delta @ activations[l].T
        grad_b[l] = delta.sum(axis=1)
        if l > 0:
            s = sigmoid(pre[l - 1])
            delta = (weights[l].T @ delta) * s * (1 - s)
    return grad_w, grad_b


def train(weights, biases, x, y, lr, steps):
    losses = []
    for _ in range(steps):
        out = forward(weights, biases, x)
        losses.append(((out - y) ** 2).sum() / (2 * x.shape[1]))
        grad_w, grad_b = backward(weights, biases, x, y)
        for l in range(len(weights)):
            weights[l] -= lr * grad_w[l]
            biases[l] -= lr * grad_b[l]
    return losses
