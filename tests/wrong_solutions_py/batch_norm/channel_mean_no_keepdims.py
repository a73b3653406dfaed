# expect: pattern shape_relation | exception broadcast
# Channel statistics without keepdims: (C,) broadcasts against the last
# axis, which is the channel axis only for 2-D input.
import numpy as np


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum,
               eps):
    axes = tuple(i for i in range(x.ndim) if i != 1)
    if training:
        mean = x.mean(axis=axes)
        var = x.var(axis=axes)
        n = x.size // x.shape[1]
        running_mean *= 1 - momentum
        running_mean += momentum * mean
        running_var *= 1 - momentum
        running_var += momentum * var * n / (n - 1)
    else:
        mean, var = running_mean, running_var
    y = (x - mean) / np.sqrt(var + eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y
