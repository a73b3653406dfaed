import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    """One step of torch.optim.Adam (L2 weight decay), in place."""
    # L2 regularization: the decay joins the gradient, so the moments see it.
    _update(p, g + weight_decay * p, m, v, t, lr, beta1, beta2, eps)


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    """One step of torch.optim.AdamW (decoupled weight decay), in place."""
    p *= 1 - lr * weight_decay
    _update(p, g, m, v, t, lr, beta1, beta2, eps)


def _update(p, g, m, v, t, lr, beta1, beta2, eps):
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g * g
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    p -= lr * m_hat / (np.sqrt(v_hat) + eps)
