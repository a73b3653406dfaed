# A correct solution in another form: pure-Python element loops with math.sqrt, in place by index.
import math


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    for i in range(len(p)):
        gi = g[i] + weight_decay * p[i]
        m[i] = beta1 * m[i] + (1 - beta1) * gi
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
        mh = m[i] / (1 - beta1 ** t)
        vh = v[i] / (1 - beta2 ** t)
        p[i] -= lr * mh / (math.sqrt(vh) + eps)


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    for i in range(len(p)):
        p[i] *= 1 - lr * weight_decay
    adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay=0.0)
    return None
