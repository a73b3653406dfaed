# A correct solution in another form: gradients as tuples; weights[i] = ... and np.subtract(out=) in train; losses via .tolist().
import numpy as np


def _sig(z):
    return 1 / (1 + np.exp(-z))


def forward(weights, biases, x):
    a = x
    L = len(weights)
    for i in range(L):
        z = weights[i] @ a + biases[i].reshape(-1, 1)
        a = _sig(z) if i < L - 1 else z
    return a


def backward(weights, biases, x, y):
    m = x.shape[1]
    acts, zs = [x], []
    a = x
    for i, (W, b) in enumerate(zip(weights, biases)):
        z = W @ a + b[:, np.newaxis]
        zs.append(z)
        a = _sig(z) if i < len(weights) - 1 else z
        acts.append(a)
    dW, db = [], []
    delta = (acts[-1] - y) / m
    for i in range(len(weights) - 1, -1, -1):
        dW.insert(0, delta @ acts[i].T)
        db.insert(0, np.sum(delta, axis=1))
        if i:
            delta = weights[i].T @ delta * acts[i] * (1 - acts[i])
    return tuple(dW), tuple(db)


def train(weights, biases, x, y, lr, steps):
    losses = np.empty(steps)
    for s in range(steps):
        out = forward(weights, biases, x)
        losses[s] = np.sum((out - y) ** 2) / (2 * x.shape[1])
        dW, db = backward(weights, biases, x, y)
        for i in range(len(weights)):
            weights[i] = weights[i] - lr * dW[i]
            np.subtract(biases[i], lr * db[i], out=biases[i])
    return losses.tolist()
