import numpy as np


def forward(weights, biases, x):
    """The output of the network, shape (n_out, m).

    Samples are columns: x is (n0, m); weights is a list of np.ndarray,
    weights[l] (n_{l+1}, n_l); biases a list, biases[l] (n_{l+1},).
    Layer l computes z = weights[l] @ a + biases[l] (as a column) from the
    previous activation a (x for layer 0). Every hidden layer applies the
    sigmoid, the last layer is linear.
    """
    raise NotImplementedError


def backward(weights, biases, x, y):
    """The gradients of L = sum((out - y) ** 2) / (2 m) with respect to every
    weight and bias, shaped like the parameters: a tuple
    (list of dL/dweights[l], list of dL/dbiases[l]). y is (n_out, m).
    """
    raise NotImplementedError


def train(weights, biases, x, y, lr, steps):
    """Full-batch gradient descent: steps times, record the loss L, then move
    every parameter by -lr * its gradient.

    lr: float; steps: int. The lists weights and biases are updated IN PLACE:
    weights[l] -= ... or weights[l] = ... both count; rebinding the name
    (weights = ...) is lost. Returns the loss before each step (length steps).
    """
    raise NotImplementedError
