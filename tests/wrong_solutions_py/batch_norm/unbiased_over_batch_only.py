# expect: mistake bessel_from_batch_size | pattern non_finite
# running_var's Bessel correction uses N/(N-1), the batch size, instead of
# the number of values per channel (N*H*W).
import numpy as np


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps):
    axes = (0,) + tuple(range(2, x.ndim))
    shape = (1, -1) + (1,) * (x.ndim - 2)
    if training:
        mu = x.mean(axis=axes)
        var = x.var(axis=axes)
        n = x.shape[0]
        running_mean[:] = (1 - momentum) * running_mean + momentum * mu
        running_var[:] = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        mu, var = running_mean, running_var
    y = (x - mu.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    if weight is not None:
        y = y * weight.reshape(shape)
    if bias is not None:
        y = y + bias.reshape(shape)
    return y
