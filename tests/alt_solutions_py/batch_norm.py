# Moves the channel axis last and uses np.var with ddof; updates with *= and +=.
import numpy as np


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps):
    moved = np.moveaxis(x, 1, -1)
    flat = moved.reshape(-1, x.shape[1])
    if training:
        mean = flat.mean(axis=0)
        var = flat.var(axis=0)
        unbiased = flat.var(axis=0, ddof=1)
        running_mean *= 1 - momentum
        running_mean += momentum * mean
        running_var *= 1 - momentum
        running_var += momentum * unbiased
    else:
        mean, var = running_mean.copy(), running_var.copy()
    y = (moved - mean) / np.sqrt(var + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return np.moveaxis(y, -1, 1)
