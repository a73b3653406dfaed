# expect: mistake adamw_decay_without_lr
# AdamW's decoupled decay written as p *= (1 - weight_decay), forgetting lr.
import numpy as np


def _moments(p, g, m, v, t, lr, beta1, beta2, eps):
    m[:] = beta1 * m + (1 - beta1) * g
    v[:] = beta2 * v + (1 - beta2) * g ** 2
    mh = m / (1 - beta1 ** t)
    vh = v / (1 - beta2 ** t)
    p[:] = p - lr * mh / (np.sqrt(vh) + eps)


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    _moments(p, g + weight_decay * p, m, v, t, lr, beta1, beta2, eps)


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    p *= 1 - weight_decay
    _moments(p, g, m, v, t, lr, beta1, beta2, eps)
