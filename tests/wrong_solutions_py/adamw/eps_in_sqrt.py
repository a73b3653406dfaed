# expect: mistake eps_inside_sqrt
# In-place NumPy ufuncs throughout; eps added under the square root.
import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    grad = g + weight_decay * p
    np.multiply(m, beta1, out=m)
    m += (1 - beta1) * grad
    np.multiply(v, beta2, out=v)
    v += (1 - beta2) * np.square(grad)
    step = lr / (1 - beta1 ** t)
    denom = np.sqrt(v / (1 - beta2 ** t) + eps)
    p -= step * m / denom


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    p *= 1 - lr * weight_decay
    adam_step(p, g, m, v, t, lr, beta1, beta2, eps, 0.0)
