import numpy as np


def batch_norm(x, running_mean, running_var, weight, bias, training, momentum,
               eps):
    """Batch normalization, as `torch.nn.functional.batch_norm`.

    x: np.ndarray (N, C, *), float64: the statistics are per channel
       (axis 1), over every other axis.
    running_mean, running_var: np.ndarray (C,), float64, updated IN PLACE
       in training (running_mean[:] = ...; rebinding the name is lost).
    weight, bias: np.ndarray (C,) or None, applied when given.
    training: bool; momentum: float; eps: float.

    Training: normalize with the batch mean and biased variance, then
    running = (1 - momentum) * running + momentum * batch statistic, with the
    unbiased variance (count / (count - 1)) for running_var. Evaluation:
    normalize with the running statistics and leave them alone. eps goes
    inside the square root. Returns y shaped like x.
    """
    raise NotImplementedError
