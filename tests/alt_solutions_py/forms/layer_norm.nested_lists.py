# A correct solution in another form: pure Python rows with math.fsum, returned as nested lists.
import math
from functools import reduce
from operator import mul


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    d = reduce(mul, normalized_shape, 1)
    flat = x.reshape(-1, d).tolist()
    w = weight.ravel().tolist() if weight is not None else [1.0] * d
    b = bias.ravel().tolist() if bias is not None else [0.0] * d
    rows = []
    for row in flat:
        mean = math.fsum(row) / d
        var = math.fsum((v - mean) ** 2 for v in row) / d
        inv = 1.0 / math.sqrt(var + eps)
        rows.append([(v - mean) * inv * w[i] + b[i] for i, v in enumerate(row)])
    # nested lists in the shape of x
    import numpy
    return numpy.array(rows).reshape(x.shape).tolist()
