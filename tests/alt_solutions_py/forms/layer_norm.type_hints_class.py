# A correct solution in another form: type hints, a helper class, a keyword-only extra parameter, a Fortran-order result.
from __future__ import annotations
from typing import Optional, Sequence
import numpy as np
import numpy.typing as npt

EPS_DEFAULT: float = 1e-5


class _Norm:
    def __init__(self, shape: Sequence[int]):
        self.axes = tuple(range(-len(shape), 0))

    def __call__(self, x: np.ndarray, eps: float) -> np.ndarray:
        mu = np.mean(x, axis=self.axes, keepdims=True)
        sigma2 = np.var(x, axis=self.axes, keepdims=True)
        return (x - mu) / np.sqrt(sigma2 + eps)


def layer_norm(x: npt.NDArray[np.float64], normalized_shape: tuple[int, ...],
               weight: Optional[np.ndarray] = None, bias: Optional[np.ndarray] = None,
               eps: float = EPS_DEFAULT, *, debug: bool = False) -> np.ndarray:
    y = _Norm(normalized_shape)(x, eps)
    if weight is not None:
        y = y * weight
    if bias is not None:
        y += bias
    return np.ascontiguousarray(y.T).T
