# expect: mistake rms_treated_as_constant
# Forward on a (rows, D) reshape; the backward forgets that the rms depends
# on x: dx = dy * w / rms.
import numpy as np


def rms_norm(x, normalized_shape, weight, eps):
    d = int(np.prod(normalized_shape))
    rows = x.reshape(-1, d)
    rms = np.sqrt((rows ** 2).sum(axis=1, keepdims=True) / d + eps)
    y = (rows / rms).reshape(x.shape)
    return y if weight is None else y * weight


def rms_norm_backward(x, normalized_shape, weight, eps, dy):
    d = int(np.prod(normalized_shape))
    rows = x.reshape(-1, d)
    drows = dy.reshape(-1, d)
    rms = np.sqrt((rows ** 2).sum(axis=1, keepdims=True) / d + eps)
    w = weight.reshape(1, d)
    dx = drows * w / rms
    dweight = (drows * rows / rms).sum(axis=0).reshape(normalized_shape)
    return dx.reshape(x.shape), dweight
