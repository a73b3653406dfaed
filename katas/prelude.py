"""Types shared by the katas' signatures (the Python track).

Stubs import them with `from prelude import Linear, MhaWeights`.
"""


class Linear:
    """A dense layer in PyTorch's layout: y = x @ weight.T + bias.

    weight: np.ndarray (out, in), float64
    bias:   np.ndarray (out,), float64
    """

    def __init__(self, weight, bias):
        self.weight = weight
        self.bias = bias

    def __repr__(self):
        return "Linear(weight %s, bias %s)" % (self.weight.shape, self.bias.shape)


class MhaWeights:
    """The four projections of multi-head attention, each a Linear."""

    def __init__(self, q, k, v, o):
        self.q = q
        self.k = k
        self.v = v
        self.o = o

    def __repr__(self):
        return "MhaWeights(q=%r, k=%r, v=%r, o=%r)" % (self.q, self.k, self.v, self.o)
