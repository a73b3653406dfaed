import numpy as np


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    """Layer normalization, as `torch.nn.functional.layer_norm`.

    x: np.ndarray, float64, any shape ending in `normalized_shape`.
    normalized_shape: tuple of int, the trailing axes to normalize over.
    weight, bias: np.ndarray shaped `normalized_shape`, or None.
    eps: float, added to the variance inside the square root.

    Normalizes `x` over its trailing `len(normalized_shape)` axes with the
    biased variance, then applies `* weight + bias` when given.
    Returns an array shaped like `x`.
    """
    raise NotImplementedError
