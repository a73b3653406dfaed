# A correct solution in another form: `from numpy import *`, an assert, debug prints, the input x normalized in place and returned.
from numpy import *


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    assert x.shape[-len(normalized_shape):] == tuple(normalized_shape)
    print("debug", x.shape, normalized_shape)
    axes = tuple(range(-len(normalized_shape), 0))
    x -= x.mean(axis=axes, keepdims=True)
    x /= sqrt((x ** 2).mean(axis=axes, keepdims=True) + eps)
    if weight is not None:
        x *= weight
    if bias is not None:
        x += bias
    return x
