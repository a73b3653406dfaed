# A correct solution in another form: lists only: sum over zip, a tuple for w.
def _dot(a, b):
    return sum(p * q for p, q in zip(a, b))


def mse(x, y, w):
    n = len(y)
    return sum((_dot(row, w) - t) ** 2 for row, t in zip(x, y)) / (2 * n)


def mse_grad(x, y, w):
    n = len(y)
    d = len(w)
    grad = [0.0] * d
    for row, t in zip(x, y):
        r = _dot(row, w) - t
        for j in range(d):
            grad[j] += row[j] * r / n
    return grad


def sgd(x, y, w0, lr, epochs, batch_size):
    w = [float(v) for v in w0]
    n = len(y)
    losses = []
    for _ in range(epochs):
        total = 0.0
        for s in range(0, n, batch_size):
            xb, yb = x[s:s + batch_size], y[s:s + batch_size]
            total += mse(xb, yb, w) * len(yb)
            g = mse_grad(xb, yb, w)
            w = [wi - lr * gi for wi, gi in zip(w, g)]
        losses.append(total / n)
    return tuple(w), losses
