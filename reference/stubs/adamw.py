import numpy as np


def adam_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    """One step of torch.optim.Adam, updating p, m and v in place.

    p, g, m, v: float arrays of one length; t: the step number, from 1.
    Weight decay is L2: g <- g + weight_decay * p first. Then
    m <- beta1*m + (1 - beta1)*g,  v <- beta2*v + (1 - beta2)*g**2,
    m_hat = m / (1 - beta1**t),  v_hat = v / (1 - beta2**t),
    p <- p - lr * m_hat / (sqrt(v_hat) + eps).
    Returns nothing: update the arrays themselves (p[:] = ..., m *= ...);
    rebinding a name (p = ...) changes nothing the caller sees.
    """
    raise NotImplementedError


def adamw_step(p, g, m, v, t, lr, beta1, beta2, eps, weight_decay):
    """One step of torch.optim.AdamW, updating p, m and v in place:
    p <- p * (1 - lr*weight_decay) first (decoupled decay, p before the
    step), then the Adam update of adam_step with the plain gradient g.
    """
    raise NotImplementedError
