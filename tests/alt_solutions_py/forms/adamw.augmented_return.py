# A correct solution in another form: augmented assignments, p returned as well.
import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    g = g + weight_decay * p
    m *= beta1; m += (1 - beta1) * g
    v *= beta2; v += (1 - beta2) * g * g
    p -= lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
    return p


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    p *= (1 - lr * weight_decay)
    return adam_step(p, g, m, v, t, lr, beta1, beta2, eps, 0)
