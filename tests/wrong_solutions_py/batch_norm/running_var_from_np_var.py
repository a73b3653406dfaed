# expect: mistake running_var_biased
# np.var's default ddof=0 feeds the running variance too.
import numpy as np


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum,
               eps):
    c = x.shape[1]
    flat = np.moveaxis(x, 1, 0).reshape(c, -1)
    if training:
        mu = flat.mean(axis=1)
        sigma2 = flat.var(axis=1)
        running_mean[:] = (1 - momentum) * running_mean + momentum * mu
        running_var[:] = (1 - momentum) * running_var + momentum * sigma2
    else:
        mu, sigma2 = running_mean, running_var
    shape = (1, c) + (1,) * (x.ndim - 2)
    y = (x - mu.reshape(shape)) / np.sqrt(sigma2.reshape(shape) + eps)
    if weight is not None:
        y = y * weight.reshape(shape)
    if bias is not None:
        y = y + bias.reshape(shape)
    return y
