# A correct solution in another form: m[...] = and np.multiply(..., out=p).
import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    if weight_decay != 0:
        g = g + weight_decay * p
    m[...] = beta1 * m + (1.0 - beta1) * g
    v[...] = beta2 * v + (1.0 - beta2) * np.square(g)
    bc1 = 1 - beta1 ** t
    bc2 = 1 - beta2 ** t
    step = lr / bc1
    denom = np.sqrt(v) / np.sqrt(bc2) + eps
    p -= step * m / denom


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    np.multiply(p, 1 - lr * weight_decay, out=p)
    adam_step(p, g, m, v, t, lr, beta1, beta2, eps, 0)
