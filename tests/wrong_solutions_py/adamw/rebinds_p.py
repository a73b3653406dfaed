# expect: mistake python_not_in_place
# m and v written in place, but the parameter update rebinds p:
# `p = p - ...` only changes the local name.
import numpy as np


def _adam(p, g, m, v, t, lr, beta1, beta2, eps):
    m[:] = beta1 * m + (1 - beta1) * g
    v[:] = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
    return p


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    g = g + weight_decay * p
    _adam(p, g, m, v, t, lr, beta1, beta2, eps)


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    p *= 1 - lr * weight_decay
    _adam(p, g, m, v, t, lr, beta1, beta2, eps)
