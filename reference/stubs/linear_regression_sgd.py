import numpy as np


def mse(x, y, w):
    """Half the mean squared error of the linear model w:
    0.5 * mean((x @ w - y) ** 2), a float.

    x: np.ndarray (n, d), already carrying its bias column; y: (n,); w: (d,).
    """
    raise NotImplementedError


def mse_grad(x, y, w):
    """The gradient of mse with respect to w: x.T @ (x @ w - y) / n,
    shape (d,)."""
    raise NotImplementedError


def sgd(x, y, w0, lr, epochs, batch_size):
    """Mini-batch gradient descent from w0.

    lr: float; epochs, batch_size: int.

    Each epoch walks the rows in order in batches of batch_size (the last
    one may be shorter); per batch it takes the batch's mse before the
    update, then steps w -= lr * mse_grad(batch). An epoch's loss is
    sum(batch_mse * batch_len) / n. Returns (final w (d,), one loss per
    epoch: a list of floats or a 1-D array).
    """
    raise NotImplementedError
