# expect: pattern non_finite
# Bias correction written (1 - beta)**t instead of 1 - beta**t.
import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    adamw_core(p, g + weight_decay * p, m, v, t, lr, beta1, beta2, eps)


def adamw_core(p, g, m, v, t, lr, beta1, beta2, eps):
    m[:] = beta1 * m + (1 - beta1) * g
    v[:] = beta2 * v + (1 - beta2) * g * g
    p -= lr * (m / (1 - beta1) ** t) / (np.sqrt(v / (1 - beta2) ** t) + eps)


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    p *= 1 - lr * weight_decay
    adamw_core(p, g, m, v, t, lr, beta1, beta2, eps)
