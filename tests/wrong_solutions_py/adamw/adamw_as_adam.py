# expect: mistake adamw_decay_in_gradient
# AdamW written as Adam with the decay folded into the gradient.
import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    g = g + weight_decay * p
    m[:] = beta1 * m + (1.0 - beta1) * g
    v[:] = beta2 * v + (1.0 - beta2) * g * g
    bc1 = 1.0 - beta1 ** t
    bc2 = 1.0 - beta2 ** t
    p[:] = p - lr * (m / bc1) / (np.sqrt(v / bc2) + eps)


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay)
