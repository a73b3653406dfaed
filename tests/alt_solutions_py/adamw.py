# Element-by-element Python loop over the indices, writing p[i], m[i], v[i]
# in place; bias corrections computed once.
import math


def _step(p, g, m, v, t, lr, beta1, beta2, eps, decay_l2, decay_decoupled):
    c1 = 1.0 - beta1 ** t
    c2 = 1.0 - beta2 ** t
    shrink = 1.0 - lr * decay_decoupled
    for i in range(len(p)):
        pi = float(p[i])
        gi = float(g[i]) + decay_l2 * pi
        pi *= shrink
        mi = beta1 * float(m[i]) + (1.0 - beta1) * gi
        vi = beta2 * float(v[i]) + (1.0 - beta2) * gi * gi
        m[i] = mi
        v[i] = vi
        p[i] = pi - lr * (mi / c1) / (math.sqrt(vi / c2) + eps)


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    _step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay, 0.0)


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    _step(p, g, m, v, t, lr, beta1, beta2, eps, 0.0, weight_decay)
