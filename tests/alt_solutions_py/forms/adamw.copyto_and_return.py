# A correct solution in another form: np.copyto and np.subtract(out=), the updated arrays returned as well.
import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    g = g + weight_decay * p
    np.copyto(m, beta1 * m + (1 - beta1) * g)
    np.copyto(v, beta2 * v + (1 - beta2) * g ** 2)
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    np.subtract(p, lr * m_hat / (np.sqrt(v_hat) + eps), out=p)
    return p, m, v


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    p[:] = p * (1 - lr * weight_decay)
    return adam_step(p, g, m, v, t, lr, beta1, beta2, eps, 0.0)
