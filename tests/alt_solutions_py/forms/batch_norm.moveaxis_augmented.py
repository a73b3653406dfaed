# A correct solution in another form: channels moved last; running_mean *= / += and running_var[...] = ; default parameters.
import numpy as np


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=True, momentum=0.1, eps=1e-5):
    xc = np.moveaxis(x, 1, -1)  # (..., C)
    flat = xc.reshape(-1, xc.shape[-1])
    if training:
        mean = flat.mean(0)
        var = flat.var(0)
        n = flat.shape[0]
        running_mean *= 1 - momentum
        running_mean += momentum * mean
        running_var[...] = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        mean, var = running_mean, running_var
    y = (xc - mean) / np.sqrt(var + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return np.moveaxis(y, -1, 1)
